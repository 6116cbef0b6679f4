package sdx.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;
import sdx.core.Corpus;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * COST, the "Configuration that Outperforms a Single Thread" (McSherry, Isard &amp; Murray,
 * "Scalability! But at what COST?", HotOS 2015): before asking how well a framework scales, ask how
 * many cores it needs to beat one good thread on the same input. Word count on the same file of
 * generated text by: {@link TunedWordCount} (one thread, no framework), the course's engine at W = 1
 * with the textbook mapper ((word, 1) per word, plus a combiner), the engine at W = 1 and W = 2 with
 * in-mapper combining ({@link WordCount#inMapperCombining()}), and, optionally, Spark {@code local[2]} in a child JVM. Every count is checked equal to
 * the single thread's. Times are wall-clock, best of {@code repeats}.
 *
 * @param bytes   size of the input file
 * @param runs    one row per system, in the order above
 * @param spark   Spark's result, or null when Spark was not run
 */
public record Cost(long bytes, List<Run> runs, SparkWordCount.Result spark) {

    /**
     * One system's time on the input.
     *
     * @param name   what ran
     * @param cores  how many threads it was given
     * @param millis best wall time in ms (for Spark: the job inside its JVM, start-up excluded)
     */
    public record Run(String name, int cores, double millis) {}

    /** Copies the list. */
    public Cost {
        runs = List.copyOf(runs);
    }

    /**
     * Writes about {@code megabytes} MB of Zipf(1.0) text over a 50,000-word vocabulary to a temp
     * file (deleted afterwards), then times each system on it, best of {@code repeats} (Spark once).
     */
    public static Cost measure(double megabytes, int repeats, boolean withSpark, long seed) {
        Check.inRange("megabytes", megabytes, 0.01, 2000.0);
        Check.inRange("repeats", repeats, 1, 20);
        Path file = null;
        try {
            file = Files.createTempFile("sdx-cost-corpus-", ".txt");
            long bytes = Corpus.writeZipf(file, (long) (megabytes * 1e6), 50_000, 1.0, 12, seed);
            return measure(file, bytes, repeats, withSpark);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the corpus file", e);
        } finally {
            try {
                if (file != null) Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file we could not delete is not worth failing the experiment for
            }
        }
    }

    private static Cost measure(Path file, long bytes, int repeats, boolean withSpark) {
        List<Run> runs = new ArrayList<>();
        Map<String, Integer> truth = TunedWordCount.count(file); // also the warm-up
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            TunedWordCount.count(file);
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        runs.add(new Run("one tuned thread (no framework)", 1, best));
        var perWord = WordCount.job().combiner(WordCount.reducer()).workers(1).mapTasks(8).reducers(4);
        runs.add(new Run("course engine, (word, 1) + combiner, W=1", 1, best(perWord, file, repeats, truth)));
        for (int w = 1; w <= 2; w++) {
            var job = MapReduce.job(WordCount.inMapperCombining(), WordCount.reducer()).workers(w).mapTasks(8).reducers(4);
            runs.add(new Run("course engine, in-mapper combining, W=" + w, w, best(job, file, repeats, truth)));
        }
        SparkWordCount.Result spark = null;
        if (withSpark) {
            spark = SparkWordCount.run(file, 2);
            same("Spark", truth, spark.counts());
            runs.add(new Run("Spark local[2], job only", 2, spark.jobMs()));
        }
        return new Cost(bytes, runs, spark);
    }

    private static double best(Job<String, String, Integer, Integer> job, Path file, int repeats,
            Map<String, Integer> truth) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            JobResult<String, Integer> r = job.run(Input.textFile(file));
            same("engine W=" + job.workers(), truth, r.output());
            best = Math.min(best, r.totalMillis());
        }
        return best;
    }

    private static void same(String who, Map<String, Integer> truth, Map<String, Integer> counts) {
        if (!truth.equals(counts)) {
            throw new IllegalStateException(who + " counted differently from the single thread");
        }
    }

    /** Throughput of run {@code i} in MB/s (10^6 bytes per second). */
    public double megabytesPerSecond(int i) {
        return bytes / 1e6 / (runs.get(i).millis() / 1000);
    }

    /** How many times slower than the single thread run {@code i} is (1 for the thread itself). */
    public double slowdown(int i) {
        return runs.get(i).millis() / runs.get(0).millis();
    }

    /** One row per system: time, MB/s, and time relative to the single thread. */
    public Table table() {
        StringColumn name = StringColumn.create("system"), time = StringColumn.create("time"),
                rate = StringColumn.create("throughput"), rel = StringColumn.create("time / one thread");
        for (int i = 0; i < runs.size(); i++) {
            name.append(runs.get(i).name());
            time.append(JobResult.millis(runs.get(i).millis()));
            rate.append(String.format(Locale.ROOT, "%.1f MB/s", megabytesPerSecond(i)));
            rel.append(String.format(Locale.ROOT, "%.2f×", slowdown(i)));
        }
        return Table.create(String.format(Locale.ROOT, "word count on the same %.1f MB, counts all equal", bytes / 1e6))
                .addColumns(name, time, rate, rel);
    }

    /** Throughput of each system as bars. */
    public Plot plot() {
        List<String> names = runs.stream().map(Run::name).toList();
        double[] mbs = new double[runs.size()];
        for (int i = 0; i < mbs.length; i++) mbs[i] = megabytesPerSecond(i);
        return Plot.bar(String.format(Locale.ROOT, "Word count throughput on the same %.1f MB", bytes / 1e6),
                "system", "MB/s").bars("throughput", names, mbs);
    }

    /**
     * Where Spark's time went, in parts that add up to its whole child JVM (launch and class loading
     * and output; context start; the job). Fails if Spark was not run.
     */
    public Table sparkParts() {
        Check.that(spark != null, "spark", "null", "must have run: call measure(..., withSpark = true, ...)");
        StringColumn part = StringColumn.create("part of Spark's run"), time = StringColumn.create("time");
        part.append("JVM launch, class loading, writing the output");
        time.append(JobResult.millis(spark.totalMs() - spark.startMs() - spark.jobMs()));
        part.append("Spark context start");
        time.append(JobResult.millis(spark.startMs()));
        part.append("the word-count job");
        time.append(JobResult.millis(spark.jobMs()));
        part.append("whole child JVM (the sum of the three above)");
        time.append(JobResult.millis(spark.totalMs()));
        return Table.create("Spark local[2] in a child JVM").addColumns(part, time);
    }

    /** The lines {@code make bench} prints. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-42s %2d core(s) %9.0f ms %8.1f MB/s   %.2f× the single thread's time%n",
                    runs.get(i).name(), runs.get(i).cores(), runs.get(i).millis(), megabytesPerSecond(i), slowdown(i)));
        }
        if (spark != null) {
            sb.append(String.format(Locale.ROOT, "%-42s %2d core(s) %9.0f ms (JVM start, Spark start, job, output)%n",
                    "Spark local[2], whole child JVM", 2, spark.totalMs()));
        }
        return sb.toString();
    }
}
