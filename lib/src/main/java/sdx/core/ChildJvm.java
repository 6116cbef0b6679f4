package sdx.core;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a heavy real system (Spark, a ZooKeeper ensemble) in a child JVM, so that its threads never live in the
 * notebook's kernel: the child's stdout and stderr go to temp files that are read back and deleted, the child is
 * stopped when the call times out, is interrupted or fails, and a shutdown hook stops it if the kernel exits
 * mid-run. Also finds the library's own jar and its {@code lib/target} folder, where a child's jars are copied.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * What a child JVM left behind.
     *
     * @param exitValue the exit status (-1 when it was stopped at the time limit)
     * @param timedOut  true when it was stopped at the time limit
     * @param stdout    everything it printed on stdout
     * @param stderr    everything it printed on stderr
     * @param millis    wall-clock time from start to exit
     */
    public record Run(int exitValue, boolean timedOut, String stdout, String stderr, double millis) {
        /** The last {@code max} characters of stderr, marked with … when cut. */
        public String stderrTail(int max) {
            return stderr.length() <= max ? stderr : "…" + stderr.substring(stderr.length() - max);
        }
    }

    /**
     * Runs {@code command} to the end or for at most {@code timeoutSeconds}; {@code name} names the stopper
     * thread ({@code sdx-<name>-child-stopper}) and the temp files.
     */
    public static Run run(String name, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Check.notNull("name", name);
        Check.notEmpty("command", command);
        Check.positive("timeoutSeconds", timeoutSeconds);
        Path out = Files.createTempFile("sdx-" + name + "-stdout-", ".txt");
        Path err = Files.createTempFile("sdx-" + name + "-stderr-", ".txt");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            Thread stopChild = new Thread(p::destroyForcibly, "sdx-" + name + "-child-stopper"); // kernel shut down mid-run
            Runtime.getRuntime().addShutdownHook(stopChild);
            boolean finished;
            try {
                finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } finally {
                // an interrupted cell, a timeout or any error: the child JVM must not outlive the call
                if (p.isAlive()) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                try {
                    Runtime.getRuntime().removeShutdownHook(stopChild);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook is running or about to, which is what we want
                }
            }
            double millis = (System.nanoTime() - t0) / 1e6;
            return new Run(finished ? p.exitValue() : -1, !finished, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code java} of the running JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The library's classes as {@code anchor} was loaded: the unshaded {@code sdx-lib-*.jar} beside
     * {@code sdx-all.jar} when loaded from the shaded jar, else the jar or classes folder itself.
     */
    public static Path libraryLocation(Class<?> anchor) {
        Check.notNull("anchor", anchor);
        try {
            Path p = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p) && p.getFileName().toString().equals("sdx-all.jar")) {
                try (var files = Files.list(p.getParent())) { // prefer the unshaded library jar
                    return files.filter(f -> f.getFileName().toString().matches("sdx-lib-.*\\.jar"))
                            .filter(f -> !f.getFileName().toString().contains("sources")).findFirst().orElse(p);
                }
            }
            return p;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate the library's jar", e);
        }
    }

    /** lib/target: the folder of the jar (or of the classes folder) {@code anchor} was loaded from. */
    public static Path targetDir(Class<?> anchor) {
        return libraryLocation(anchor).getParent(); // target/classes or target/sdx-lib-*.jar -> target
    }
}
