package sdx.kv;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sdx.core.ChildJvm;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A real ZooKeeper 3.9 ensemble (three servers on 127.0.0.1, Curator's {@code TestingCluster}) in a child JVM, so
 * the kernel keeps none of ZooKeeper's threads: watches, ephemeral nodes, the lock recipe, and a stale read (see
 * {@link ZooKeeperTourMain}). ZooKeeper is a coordination service, not a cache: small data, every write ordered
 * through one leader and acknowledged by a majority, reads answered by whichever server a client is connected to.
 * The child is stopped on a timeout, an interrupted cell or any error; its data folders are deleted. Needs
 * {@code mvn package} in {@code lib/} (it copies ZooKeeper's and Curator's jars to {@code lib/target/zookeeper/}).
 */
public final class ZooKeeperTour {
    private ZooKeeperTour() {}

    /** ZooKeeper's tick in the child, ms. */
    public static final int TICK_MS = 200;
    /** The child is stopped after this long. */
    public static final long TIMEOUT_SECONDS = 90;

    /** Runs the tour; returns its transcript, one row per observation. */
    public static Table run() {
        Path data = null;
        try {
            data = Files.createTempDirectory("sdx-kv-zookeeper-");
            ChildJvm.Run run = ChildJvm.run("kv-zookeeper", command(data), TIMEOUT_SECONDS);
            if (run.timedOut()) throw failure("did not finish within " + TIMEOUT_SECONDS + " s", run);
            List<String> lines = run.stdout().lines().filter(l -> l.contains("|")).toList();
            if (run.exitValue() != 0 || lines.stream().noneMatch(l -> l.startsWith("done|"))) {
                throw failure("exited with status " + run.exitValue(), run);
            }
            StringColumn step = StringColumn.create("step"), text = StringColumn.create("what the clients saw");
            for (String line : lines) {
                int bar = line.indexOf('|');
                step.append(line.substring(0, bar));
                text.append(line.substring(bar + 1));
            }
            return Table.create("A real ZooKeeper ensemble: 3 servers on 127.0.0.1").addColumns(step, text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run ZooKeeper's child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ZooKeeper; its child JVM was stopped", e);
        } finally {
            Persistence.deleteTree(data);
        }
    }

    private static IllegalStateException failure(String what, ChildJvm.Run run) {
        String tail = run.stderrTail(4000);
        return new IllegalStateException("ZooKeeper's child JVM " + what + ". The last of its stderr:\n"
                + (tail.isBlank() ? "(empty)" : tail));
    }

    static List<String> command(Path dataDir) {
        Path jars = ChildJvm.targetDir(ZooKeeperTour.class).resolve("zookeeper");
        if (!Files.isDirectory(jars)) {
            throw new IllegalStateException("ZooKeeper's jars are missing: expected " + jars
                    + ". Build them with: cd lib && mvn -q -B package -DskipTests");
        }
        String cp = jars + File.separator + "*" + File.pathSeparator + ChildJvm.libraryLocation(ZooKeeperTour.class);
        return List.of(ChildJvm.java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dzookeeper.admin.enableServer=false", "-Dreadonlymode.enabled=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp", cp, ZooKeeperTourMain.class.getName(), dataDir.toAbsolutePath().toString(),
                Integer.toString(TICK_MS));
    }
}
