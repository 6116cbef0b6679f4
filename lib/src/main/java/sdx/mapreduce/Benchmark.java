package sdx.mapreduce;

import java.util.Locale;

/**
 * The COST of word count on this machine ({@link Cost}): one tuned thread, the course's engine at
 * W = 1 and W = 2, and Spark {@code local[2]}, on the same generated file of about 100 MB (Zipf(1.0),
 * 50,000 words). Prints each one's time, MB/s and its time relative to the single thread; checks that
 * every count is identical; deletes its temp file. {@code make bench} runs it.
 *
 * <pre>
 * cd lib &amp;&amp; mvn -q -B package -DskipTests
 * java -Xmx2g -cp target/sdx-all.jar sdx.mapreduce.Benchmark [MB=100] [repeats=3]
 * </pre>
 */
public final class Benchmark {
    private Benchmark() {}

    /** Runs the benchmark; arguments: corpus size in MB (default 100), repeats per measurement (default 3). */
    public static void main(String[] args) {
        double mb = args.length > 0 ? Double.parseDouble(args[0]) : 100;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Cost.measure(10, 2, false, 7); // JIT warm-up, so no timed run pays for compilation
        Cost cost = Cost.measure(mb, repeats, true, 42);
        System.out.printf(Locale.ROOT, "word count, %.1f MB of Zipf(1.0) text, %d cores, max heap %d MB, best of %d "
                        + "(Spark: one run)%n", cost.bytes() / 1e6, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, repeats);
        System.out.print(cost.report());
        System.out.println("every count identical to the single thread's: yes (checked)");
    }
}
