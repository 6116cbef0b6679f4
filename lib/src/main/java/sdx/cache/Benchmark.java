package sdx.cache;

import java.util.Arrays;
import java.util.Locale;
import sdx.core.Rng;
import sdx.core.Trace;

/**
 * Simulation speed: accesses per second of each policy (and of Caffeine) on a 1,000,000-request
 * Zipf trace, after a few warm-up rounds that let the JIT compile the hot loops. Speed is measured
 * here, printed, and never asserted in unit tests.
 *
 * <pre>java -cp lib/target/sdx-all.jar sdx.cache.Benchmark [keys] [skew] [cache % of keys]</pre>
 */
public final class Benchmark {
    private Benchmark() {}

    private static final int WARMUP_ROUNDS = 3, MEASURED_ROUNDS = 5, REQUESTS = 1_000_000;

    /** Prints one line per policy: median and best accesses per second over the measured rounds. */
    public static void main(String[] args) {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double skew = args.length > 1 ? Double.parseDouble(args[1]) : 0.8;
        double percent = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        Popularity popularity = Popularity.zipf(keys, skew);
        Trace trace = popularity.trace(REQUESTS, Rng.DEFAULT_SEED);
        int capacity = popularity.capacityFor(percent);
        System.out.printf(Locale.ROOT, "trace: %s, %,d requests; cache %,d keys (%.0f%%); %d warm-up + %d measured rounds%n",
                popularity.label(), REQUESTS, capacity, percent, WARMUP_ROUNDS, MEASURED_ROUNDS);
        for (Policy policy : Policy.values()) {
            double hitRatio = 0;
            double[] rate = new double[MEASURED_ROUNDS];
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                CachePolicy cache = policy.create(capacity);
                long start = System.nanoTime();
                long hits = 0;
                for (int key : trace.keys()) if (cache.access(key)) hits++;
                long nanos = System.nanoTime() - start;
                hitRatio = hits / (double) REQUESTS;
                if (round >= WARMUP_ROUNDS) rate[round - WARMUP_ROUNDS] = REQUESTS / (nanos / 1e9);
            }
            Arrays.sort(rate);
            System.out.printf(Locale.ROOT, "%-22s %6.1f M accesses/s median, %6.1f M best   (hit ratio %.4f)%n",
                    policy.create(1).name(), rate[MEASURED_ROUNDS / 2] / 1e6, rate[MEASURED_ROUNDS - 1] / 1e6, hitRatio);
        }
    }
}
