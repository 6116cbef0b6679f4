package sdx.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import sdx.core.Check;
import sdx.core.ChildJvm;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A real ZooKeeper ensemble beside the simulated Raft election: three ZooKeeper 3.9 servers (Curator's
 * {@code TestingCluster}) on 127.0.0.1 in a child JVM, so the kernel keeps none of ZooKeeper's threads.
 * Each trial kills the leader and times, from the kill, until a surviving server reports that it leads and
 * serves, and until the first write is acknowledged; then the old leader is restarted before the next trial.
 * The child ({@link EnsembleMain}) prints JSON lines; its stderr (ZooKeeper's warnings through slf4j-simple) is
 * kept in a temp file and shown only if it fails. The child is stopped on a timeout, on an interrupted cell, on
 * any error and when this JVM shuts down; its data directories are deleted.
 *
 * <p>Needs {@code mvn package} in {@code lib/} (it copies ZooKeeper's jars to {@code lib/target/zookeeper/}).
 * Times are wall-clock, measured on whatever else this machine is doing.
 */
public final class ZooKeeperElections {
    private ZooKeeperElections() {}

    /** ZooKeeper's tick in the child, ms: followers give up on a silent leader after 5 ticks (syncLimit). */
    public static final int TICK_MS = 200;

    /**
     * One kill of the leader.
     *
     * @param killed    the server id that led and was killed
     * @param newLeader the server id that leads afterwards
     * @param servesMs  kill to "a survivor reports Mode: leader" (it serves only once a majority synced with it)
     * @param writeMs   kill to the first write acknowledged through a fresh client of the new leader
     */
    public record Trial(int killed, int newLeader, double servesMs, double writeMs) {}

    /**
     * All trials of one child run.
     *
     * @param trials  one per kill of the leader
     * @param startMs the ensemble's start inside the child (three servers up, one leading)
     * @param totalMs the whole child JVM, launch to exit, as this JVM saw it
     */
    public record Result(List<Trial> trials, double startMs, double totalMs) {
        public Result {
            trials = List.copyOf(trials);
        }

        /** Kill to "a new leader serves", one value per trial. */
        public double[] servesMs() {
            return trials.stream().mapToDouble(Trial::servesMs).toArray();
        }

        /** Kill to the first acknowledged write, one value per trial. */
        public double[] writeMs() {
            return trials.stream().mapToDouble(Trial::writeMs).toArray();
        }

        /** One row per trial: who was killed, who took over, and the two times. */
        public Table table() {
            IntColumn trial = IntColumn.create("trial"), killed = IntColumn.create("killed leader"),
                    next = IntColumn.create("new leader");
            DoubleColumn serves = DoubleColumn.create("new leader serves ms"),
                    write = DoubleColumn.create("first write ms");
            for (int i = 0; i < trials.size(); i++) {
                Trial t = trials.get(i);
                trial.append(i + 1);
                killed.append(t.killed());
                next.append(t.newLeader());
                serves.append(Math.round(t.servesMs() * 10) / 10.0);
                write.append(Math.round(t.writeMs() * 10) / 10.0);
            }
            return Table.create("ZooKeeper, 3 servers on 127.0.0.1: kill the leader, time until a new one serves")
                    .addColumns(trial, killed, next, serves, write);
        }

        /**
         * The measured CDFs beside one simulated range of {@code sim} (Raft, crash = silence, so its election
         * starts only when a follower's timeout fires).
         */
        public Plot plotBeside(ElectionTimes sim, int rangeIndex) {
            Check.notNull("sim", sim);
            Check.inRange("rangeIndex", rangeIndex, 0, sim.ranges().size() - 1);
            ElectionTimes.Range r = sim.ranges().get(rangeIndex);
            double[][] raft = ElectionTimes.censoredCdf(r.electionMs(), 60);
            return Plot.cdf("A real ZooKeeper ensemble beside the simulated Raft election",
                            "time without a serving leader after the kill or crash (ms)")
                    .cdf("ZooKeeper: a new leader serves (real)", servesMs())
                    .cdf("ZooKeeper: first write acknowledged (real)", writeMs())
                    .series("Raft " + r.label() + " (simulated)", raft[0], raft[1]);
        }
    }

    /** Starts the ensemble in a child JVM and kills its leader {@code trials} times (1 to 30). */
    public static Result measure(int trials) {
        Check.inRange("trials", trials, 1, 30);
        Path data = null;
        try {
            data = Files.createTempDirectory("sdx-zookeeper-data-");
            long timeoutS = 30 + 5L * trials;
            ChildJvm.Run run = ChildJvm.run("zookeeper", command(targetDir(), data, trials), timeoutS);
            if (run.timedOut()) throw failure("did not finish within " + timeoutS + " s", run);
            List<String> lines = run.stdout().lines().toList();
            if (run.exitValue() != 0 || lines.stream().noneMatch(l -> l.contains("\"done\""))) {
                throw failure("exited with status " + run.exitValue(), run);
            }
            return parse(lines, run.millis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run ZooKeeper's child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ZooKeeper; its child JVM was stopped", e);
        } finally {
            deleteTree(data);
        }
    }

    static Result parse(List<String> lines, double totalMs) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Trial> trials = new ArrayList<>();
        double startMs = Double.NaN;
        for (String line : lines) {
            if (!line.startsWith("{")) continue;
            JsonNode n = json.readTree(line);
            if (n.has("startMs")) startMs = n.get("startMs").asDouble();
            if (n.has("trial")) {
                trials.add(new Trial(n.get("killed").asInt(), n.get("newLeader").asInt(), n.get("servesMs").asDouble(),
                        n.get("writeMs").asDouble()));
            }
        }
        return new Result(trials, startMs, totalMs);
    }

    private static IllegalStateException failure(String what, ChildJvm.Run run) {
        String tail = run.stderrTail(4000);
        return new IllegalStateException("ZooKeeper's child JVM " + what + ". The last of its stderr:\n"
                + (tail.isBlank() ? "(empty)" : tail));
    }

    /** The child's command line, with ZooKeeper's jars expected in {@code target/zookeeper}. */
    static List<String> command(Path target, Path dataDir, int trials) {
        Path jars = target.resolve("zookeeper");
        if (!Files.isDirectory(jars)) {
            throw new IllegalStateException("ZooKeeper's jars are missing: expected " + jars
                    + ". Build them with: cd lib && mvn -q -B package -DskipTests");
        }
        String cp = jars + File.separator + "*" + File.pathSeparator + ChildJvm.libraryLocation(ZooKeeperElections.class);
        return List.of(ChildJvm.java(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dzookeeper.admin.enableServer=false", // no Jetty admin server on port 8080
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", cp, EnsembleMain.class.getName(), dataDir.toAbsolutePath().toString(),
                Integer.toString(trials), Integer.toString(TICK_MS));
    }

    /** lib/target: the folder of the jar (or of the classes folder) this class was loaded from. */
    static Path targetDir() {
        return ChildJvm.targetDir(ZooKeeperElections.class);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file we could not delete is not worth failing the experiment for
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
