package sdx.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdx.core.Check;
import sdx.core.ChildJvm;

/**
 * Word count on Apache Spark in local mode, run in a child JVM so the notebook kernel stays small:
 * {@code java -cp target/spark/*:<this library> sdx.mapreduce.SparkMain input output local[W]}.
 * Spark's logging is set to errors only; the child's stderr is kept and shown only if it fails.
 * Spark's own timing (context start, job) is reported apart from the whole child's wall time, so the
 * JVM start overhead is visible. Temp files are deleted. The child is stopped if the calling thread is
 * interrupted (a notebook cell interrupted), on a timeout, on any error, and if this JVM shuts down.
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
     * Where Spark's time went, in parts that add up to the whole child JVM: JVM launch, class loading
     * and writing the output (the rest); the Spark context's start; the word-count job. Then the
     * course's engine on the same input for scale, and whether the two counts are equal.
     */
    public static tech.tablesaw.api.Table compare(Result spark, JobResult<String, Integer> engine) {
        Check.notNull("spark", spark);
        Check.notNull("engine", engine);
        var what = tech.tablesaw.api.StringColumn.create("part");
        var time = tech.tablesaw.api.StringColumn.create("time");
        double rest = spark.totalMs() - spark.startMs() - spark.jobMs();
        what.append("Spark: JVM launch, class loading, writing the output");
        time.append(JobResult.millis(rest));
        what.append("Spark: context start");
        time.append(JobResult.millis(spark.startMs()));
        what.append("Spark: the word-count job");
        time.append(JobResult.millis(spark.jobMs()));
        what.append("Spark: whole child JVM (the sum of the three above)");
        time.append(JobResult.millis(spark.totalMs()));
        what.append("course engine, W=" + engine.workers() + ", whole job in this JVM");
        time.append(JobResult.millis(engine.totalMillis()));
        boolean same = spark.counts().equals(engine.output());
        return tech.tablesaw.api.Table.create(String.format(java.util.Locale.ROOT,
                "%,d bytes of input, %,d distinct words; counts equal: %s",
                spark.inputBytes(), spark.counts().size(), same ? "yes" : "NO")).addColumns(what, time);
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
        Path out = null;
        try {
            long bytes = Files.size(file);
            out = Files.createTempFile("sdx-spark-output-", ".tsv");
            ChildJvm.Run run = ChildJvm.run("spark", command(file, out, workers, bytes < SMALL_INPUT), TIMEOUT_SECONDS);
            if (run.timedOut()) throw new IllegalStateException("Spark did not finish within " + TIMEOUT_SECONDS + " s");
            if (run.exitValue() != 0 || !run.stdout().contains("jobMs=")) {
                throw new IllegalStateException("Spark's child JVM failed (exit " + run.exitValue() + "). Its stderr:\n"
                        + run.stderrTail(4000));
            }
            return new Result(readCounts(out), workers, bytes, run.millis(), number(run.stdout(), "startMs="),
                    number(run.stdout(), "jobMs="));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run Spark's child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark; its child JVM was stopped", e);
        } finally {
            deleteQuietly(out);
        }
    }

    /** The child's command line. */
    static List<String> command(Path input, Path output, int workers, boolean small) {
        return command(targetDir(), input, output, workers, small);
    }

    /** The child's command line, with Spark's jars expected in {@code target/spark}. */
    static List<String> command(Path target, Path input, Path output, int workers, boolean small) {
        Path spark = target.resolve("spark");
        Path all = target.resolve("sdx-all.jar");
        if (!Files.isDirectory(spark) || !Files.isRegularFile(all)) {
            throw new IllegalStateException("Spark's jars are missing: expected " + spark + " and " + all
                    + ". Build them with: cd lib && mvn -q -B package -DskipTests");
        }
        String sep = java.io.File.pathSeparator;
        // Spark's jars first so its versions win (Jackson included: lib/pom.xml copies Spark's own version
        // there); then this library's classes; the shaded jar last supplies the few libraries that Maven
        // resolved once for both (the SLF4J API, commons-*), which Spark's provided scope leaves out.
        String cp = spark + java.io.File.separator + "*" + sep + ChildJvm.libraryLocation(SparkWordCount.class) + sep + all;
        List<String> cmd = new ArrayList<>(List.of(
                ChildJvm.java(),
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
        return ChildJvm.targetDir(SparkWordCount.class);
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

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp file we could not delete is not worth failing the experiment for
        }
    }
}
