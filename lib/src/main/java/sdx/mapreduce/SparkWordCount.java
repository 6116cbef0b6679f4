package sdx.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import sdx.core.Check;

/**
 * Word count on Apache Spark in local mode, run in a child JVM so the notebook kernel stays small:
 * {@code java -cp target/spark/*:<this library> sdx.mapreduce.SparkMain input output local[W]}.
 * Spark's logging is set to errors only; the child's stderr is kept and shown only if it fails.
 * Spark's own timing (context start, job) is reported apart from the whole child's wall time, so the
 * JVM start overhead is visible. Temp files are deleted.
 *
 * <p>Needs {@code mvn package} in {@code lib/} (it copies Spark's jars to {@code lib/target/spark/}).
 */
public final class SparkWordCount {
    private SparkWordCount() {}

    /** Input below this size is "small": the child JVM uses the quick-start C1 compiler only. */
    static final long SMALL_INPUT = 32L << 20;
    private static final long TIMEOUT_SECONDS = 300;

    /**
     * What Spark counted and how long it took.
     *
     * @param counts     word -> count, sorted by word
     * @param workers    W, as in {@code local[W]}
     * @param inputBytes size of the input file
     * @param totalMs    wall time of the child JVM, launch to exit, as the parent saw it
     * @param startMs    Spark context start inside the child
     * @param jobMs      the word-count job itself (read, map, shuffle, reduce, collect)
     */
    public record Result(Map<String, Integer> counts, int workers, long inputBytes, double totalMs, double startMs,
            double jobMs) {
        /** Everything that is not the job: JVM start, class loading, Spark start, writing the result. */
        public double overheadMs() {
            return totalMs - jobMs;
        }
    }

    /**
     * Spark beside the course's engine on the same input: wall times, Spark's job time and start
     * overhead, and whether the two counts are equal.
     */
    public static tech.tablesaw.api.Table compare(Result spark, JobResult<String, Integer> engine) {
        Check.notNull("spark", spark);
        Check.notNull("engine", engine);
        var what = tech.tablesaw.api.StringColumn.create("run");
        var ms = tech.tablesaw.api.DoubleColumn.create("ms");
        what.append("course engine, W=" + engine.workers() + ", whole job (in this JVM)");
        ms.append(Math.round(engine.totalMillis() * 10) / 10.0);
        what.append("Spark local[" + spark.workers() + "], whole child JVM (launch to exit)");
        ms.append(Math.round(spark.totalMs()));
        what.append("  of which Spark context start");
        ms.append(Math.round(spark.startMs()));
        what.append("  of which the word-count job");
        ms.append(Math.round(spark.jobMs()));
        what.append("  of which JVM start, class loading, context start, output (overhead)");
        ms.append(Math.round(spark.overheadMs()));
        boolean same = spark.counts().equals(engine.output());
        return tech.tablesaw.api.Table.create(String.format(Locale.ROOT, "%,d bytes of input, %,d distinct words; counts equal: %s",
                spark.inputBytes(), spark.counts().size(), same ? "yes" : "NO")).addColumns(what, ms);
    }

    /** Counts the words of {@code lines} with Spark {@code local[workers]} (lines go to a temp file). */
    public static Result run(List<String> lines, int workers) {
        Check.notNull("lines", lines);
        Path input = null;
        try {
            input = Files.createTempFile("sdx-spark-input-", ".txt");
            Files.write(input, lines, StandardCharsets.UTF_8);
            return run(input, workers);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Spark's input file", e);
        } finally {
            deleteQuietly(input);
        }
    }

    /** Counts the words of a UTF-8 text file with Spark {@code local[workers]}. */
    public static Result run(Path file, int workers) {
        Check.notNull("file", file);
        Check.that(Files.isRegularFile(file), "file", file, "must be an existing file");
        Check.inRange("workers", workers, 1, 64);
        Path out = null, err = null, stdout = null;
        try {
            long bytes = Files.size(file);
            out = Files.createTempFile("sdx-spark-output-", ".tsv");
            err = Files.createTempFile("sdx-spark-stderr-", ".txt");
            stdout = Files.createTempFile("sdx-spark-stdout-", ".txt");
            List<String> cmd = command(file, out, workers, bytes < SMALL_INPUT);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(stdout.toFile()).start();
            boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("Spark did not finish within " + TIMEOUT_SECONDS + " s");
            }
            double totalMs = (System.nanoTime() - t0) / 1e6;
            String report = Files.readString(stdout, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !report.contains("jobMs=")) {
                throw new IllegalStateException("Spark's child JVM failed (exit " + p.exitValue() + "). Its stderr:\n"
                        + tail(Files.readString(err, StandardCharsets.UTF_8), 4000));
            }
            return new Result(readCounts(out), workers, bytes, totalMs, number(report, "startMs="),
                    number(report, "jobMs="));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run Spark's child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
            deleteQuietly(stdout);
        }
    }

    /** The child's command line. */
    static List<String> command(Path input, Path output, int workers, boolean small) {
        Path target = targetDir();
        Path spark = target.resolve("spark");
        Path all = target.resolve("sdx-all.jar");
        if (!Files.isDirectory(spark) || !Files.isRegularFile(all)) {
            throw new IllegalStateException("Spark's jars are missing: expected " + spark + " and " + all
                    + ". Build them with: cd lib && mvn -q -B package -DskipTests");
        }
        String sep = java.io.File.pathSeparator;
        // Spark's jars first so its versions win; then this library's classes; the shaded jar last
        // supplies what Spark's provided scope leaves out (Jackson, SLF4J API).
        String cp = spark + java.io.File.separator + "*" + sep + ownLocation() + sep + all;
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true",
                "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider",
                "-Dlog4j2.configurationFile=classpath:sdx/mapreduce/spark-log4j2.properties"));
        if (small) cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(List.of("-cp", cp, SparkMain.class.getName(), input.toAbsolutePath().toString(),
                output.toAbsolutePath().toString(), "local[" + workers + "]"));
        return cmd;
    }

    /** lib/target: the folder of the jar (or of the classes folder) this class was loaded from. */
    static Path targetDir() {
        return ownLocation().getParent(); // target/classes or target/sdx-lib-*.jar -> target
    }

    private static Path ownLocation() {
        try {
            Path p = Path.of(SparkWordCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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

    private static Map<String, Integer> readCounts(Path file) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.lastIndexOf('\t');
            counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
        }
        return counts;
    }

    private static double number(String report, String key) {
        int i = report.indexOf(key) + key.length();
        int j = i;
        while (j < report.length() && !Character.isWhitespace(report.charAt(j))) j++;
        return Double.parseDouble(report.substring(i, j));
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file we could not delete is not worth failing the experiment for
        }
    }
}
