package sdx.sharding;

import java.util.Locale;
import java.util.function.Supplier;
import sdx.core.Workloads;

/**
 * Speed of the sharding toolkit, printed (never asserted): sketch updates per second on a 5M-key Zipf
 * stream (Space-Saving, Count-Min) and consistent-hash lookups per second. Two warm-up rounds, then
 * five measured rounds; prints the median. Run:
 * {@code java -cp lib/target/sdx-all.jar sdx.sharding.Benchmark}
 */
public final class Benchmark {
    private Benchmark() {}

    private static final int WARMUP = 2, ROUNDS = 5;

    /** Runs every benchmark and prints one line each. */
    public static void main(String[] args) {
        int[] stream = Workloads.zipf(1_000_000, 1.0, 5_000_000, 42).keys();
        System.out.printf(Locale.ROOT, "stream: %,d Zipf(s=1.0) keys over 1,000,000 distinct%n", stream.length);
        report("Space-Saving (1,000 counters) updates/s", stream.length, () -> {
            SpaceSavingSketch s = new SpaceSavingSketch(1_000);
            for (int k : stream) s.add(k);
            return s.top(1).get(0).count();
        });
        report("Count-Min (4 x 2,048, 256 tracked) updates/s", stream.length, () -> {
            CountMinSketch s = new CountMinSketch(2_048, 4, 256, 42);
            for (int k : stream) s.add(k);
            return s.top(1).get(0).count();
        });
        ConsistentHashPartitioner ring = ConsistentHashPartitioner.of(100, 200); // 20,000 points
        report("consistent-hash lookups/s (100 shards x 200 vnodes)", stream.length, () -> {
            long sum = 0;
            for (int k : stream) sum += ring.shardOf(k);
            return sum;
        });
        ModHashPartitioner mod = ModHashPartitioner.of(100);
        report("hash mod N lookups/s (100 shards)", stream.length, () -> {
            long sum = 0;
            for (int k : stream) sum += mod.shardOf(k);
            return sum;
        });
    }

    private static void report(String what, int ops, Supplier<Long> body) {
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) sink += body.get();
        double[] rates = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            sink += body.get();
            rates[i] = ops / ((System.nanoTime() - t0) / 1e9);
        }
        java.util.Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%-55s median %,12.0f  (min %,.0f, max %,.0f)%s%n", what, rates[ROUNDS / 2],
                rates[0], rates[ROUNDS - 1], sink == 42 ? " " : "");
    }
}
