package sdx.mapreduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Word-count throughput on a generated Zipf corpus of at least 100 MB: the course's engine at W = 1
 * and W = 2 (combiner on, input read in byte-range splits), a single-threaded plain-Java baseline
 * (one HashMap, the same tokenizer, the same bytes), and Spark {@code local[2]} in a child JVM.
 * Prints MB/s and the ratios; checks that every count is identical. Deletes its temp file.
 *
 * <pre>
 * cd lib &amp;&amp; mvn -q -B package -DskipTests
 * java -Xmx2g -cp target/sdx-all.jar sdx.mapreduce.Benchmark [MB=100] [repeats=3]
 * </pre>
 */
public final class Benchmark {
    private Benchmark() {}

    /** Runs the benchmark; arguments: corpus size in MB (default 100), repeats per measurement (default 3). */
    public static void main(String[] args) throws IOException {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("sdx-bench-corpus-", ".txt");
        try {
            warmUp(file);
            long bytes = sdx.core.Corpus.writeZipf(file, (long) mb << 20, 50_000, 1.0, 12, 42);
            double size = bytes / 1e6;
            System.out.printf(Locale.ROOT, "corpus: %,d bytes (%.1f MB), Zipf(1.0), vocabulary 50,000; %d cores; "
                            + "max heap %d MB; best of %d runs%n", bytes, size,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, repeats);

            Map<String, Integer> truth = null;
            double base = Double.POSITIVE_INFINITY;
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                truth = WordCount.sequential(file);
                base = Math.min(base, (System.nanoTime() - t) / 1e6);
            }
            line("plain Java, 1 thread, one HashMap", size, base, base);

            for (int w = 1; w <= 2; w++) {
                var job = WordCount.job().combiner(WordCount.reducer()).workers(w).mapTasks(16).reducers(4);
                double best = Double.POSITIVE_INFINITY;
                JobResult<String, Integer> r = null;
                for (int i = 0; i < repeats; i++) {
                    r = job.run(Input.textFile(file));
                    best = Math.min(best, r.totalMillis());
                }
                check("engine W=" + w, truth, r.output());
                line("course engine, W=" + w + ", M=16, R=4, combiner", size, best, base);
                System.out.printf(Locale.ROOT, "    last run: map %.0f ms, shuffle %.0f ms (%,d pairs), reduce %.0f ms%n",
                        r.phase("map").millis(), r.phase("shuffle").millis(), r.shuffleRecords(),
                        r.phase("reduce").millis());
            }

            var spark = SparkWordCount.run(file, 2);
            check("Spark", truth, spark.counts());
            line("Spark local[2], job only", size, spark.jobMs(), base);
            line("Spark local[2], whole child JVM", size, spark.totalMs(), base);
            System.out.printf(Locale.ROOT, "(ratio = baseline time / this time: above 1 is faster than the baseline)%n");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** JIT-compiles the hot paths on a 10 MB corpus, so no timed run pays for compilation. */
    private static void warmUp(Path file) {
        sdx.core.Corpus.writeZipf(file, 10L << 20, 50_000, 1.0, 12, 7);
        for (int i = 0; i < 2; i++) {
            WordCount.sequential(file);
            WordCount.job().combiner(WordCount.reducer()).workers(2).mapTasks(16).reducers(4).run(Input.textFile(file));
        }
    }

    private static void line(String what, double mb, double ms, double baseMs) {
        System.out.printf(Locale.ROOT, "%-48s %9.0f ms %8.1f MB/s   ratio to baseline %.2f%n", what, ms,
                mb / (ms / 1000), baseMs / ms);
    }

    private static void check(String what, Map<String, Integer> truth, Map<String, Integer> counts) {
        if (!truth.equals(counts)) throw new IllegalStateException(what + " counted differently from the baseline");
    }
}
