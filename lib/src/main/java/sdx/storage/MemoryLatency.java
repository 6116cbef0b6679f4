package sdx.storage;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Memory access time vs working-set size, measured by pointer chasing: an {@code int[]} in which each
 * 64-byte cache line holds the index of the next line to visit, so every load depends on the one before
 * and the CPU cannot overlap them. In random order (a single cycle from Sattolo's algorithm, seeded) the
 * hardware prefetcher cannot guess the next line, so the time per access is the latency of whichever cache
 * level holds the working set; in sequential order the prefetcher runs ahead and hides most of it.
 * (Sattolo 1986, "An algorithm to generate a random cyclic permutation"; the method is that of lmbench's
 * lat_mem_rd, McVoy and Staelin 1996.)
 *
 * <p>Honest-harness rules: a warm-up chase before timing (JIT compilation, caches and TLB filled), the
 * median of several timed repeats, and every chase's final index folded into a checksum that is returned,
 * so the JIT cannot drop the work.
 */
public final class MemoryLatency {
    private MemoryLatency() {}

    /** A cache line, in bytes, and in ints. */
    static final int LINE = 64, INTS_PER_LINE = LINE / Integer.BYTES;
    /** The least time spent warming up the JIT before the first timed chase. */
    static final long WARMUP_NANOS = 300_000_000L;

    /**
     * The measured curve.
     *
     * @param bytes         working-set sizes
     * @param randomNs      ns per dependent access in random order (median of repeats)
     * @param sequentialNs  ns per dependent access in sequential order
     * @param streamGBps    bandwidth of a plain sequential sum over the largest working set, GB/s
     * @param checksum      the chases' final indices folded together (keeps the work alive)
     */
    public record Curve(long[] bytes, double[] randomNs, double[] sequentialNs, double streamGBps, long checksum) {
        public Curve {
            bytes = bytes.clone();
            randomNs = randomNs.clone();
            sequentialNs = sequentialNs.clone();
        }

        @Override public long[] bytes() { return bytes.clone(); }
        @Override public double[] randomNs() { return randomNs.clone(); }
        @Override public double[] sequentialNs() { return sequentialNs.clone(); }

        /** ns per random access at the measured size nearest (on a log scale) to {@code size} bytes. */
        public double randomNsAt(long size) {
            Check.positive("size", size);
            int best = 0;
            for (int i = 1; i < bytes.length; i++) {
                if (Math.abs(Math.log((double) bytes[i] / size)) < Math.abs(Math.log((double) bytes[best] / size))) best = i;
            }
            return randomNs[best];
        }

        /** The largest working set measured, in bytes. */
        public long largest() {
            return bytes[bytes.length - 1];
        }

        private double[] kib() {
            double[] x = new double[bytes.length];
            for (int i = 0; i < x.length; i++) x[i] = bytes[i] / 1024.0;
            return x;
        }

        /** ns per access vs working set (KiB), log-log, random and sequential. */
        public Plot plot() {
            return Plot.line("Memory access time vs working set (pointer chasing)", "working set (KiB, log scale)",
                            "ns per access (log scale)")
                    .series("random order", kib(), randomNs)
                    .series("sequential order", kib(), sequentialNs)
                    .logX().logY();
        }

        /** One row per working set. */
        public Table table() {
            StringColumn size = StringColumn.create("working set");
            DoubleColumn r = DoubleColumn.create("random ns"), s = DoubleColumn.create("sequential ns"),
                    ratio = DoubleColumn.create("random / sequential");
            for (int i = 0; i < bytes.length; i++) {
                size.append(Machine.bytes(bytes[i]));
                r.append(Tails.round(randomNs[i]));
                s.append(Tails.round(sequentialNs[i]));
                ratio.append(Math.round(randomNs[i] / sequentialNs[i] * 10) / 10.0);
            }
            return Table.create("ns per dependent access (median of repeats)").addColumns(size, r, s, ratio);
        }
    }

    /**
     * Measures working sets from {@code minBytes} to {@code maxBytes}, each {@code factor} (2 or 4) times the
     * one before; {@code accesses} timed
     * loads per repeat, the median of {@code repeats}. The largest set must fit in a quarter of the heap.
     */
    public static Curve measure(long minBytes, long maxBytes, int factor, int accesses, int repeats, long seed) {
        Check.that(minBytes >= 4 * 1024 && Long.bitCount(minBytes) == 1, "minBytes", minBytes, "must be a power of two >= 4096");
        Check.that(maxBytes >= minBytes && Long.bitCount(maxBytes) == 1, "maxBytes", maxBytes,
                "must be a power of two >= minBytes = " + minBytes);
        long heap = Runtime.getRuntime().maxMemory();
        Check.that(maxBytes <= heap / 4, "maxBytes", maxBytes, "must be <= a quarter of the max heap (" + Machine.bytes(heap)
                + "); raise -Xmx in jupyter/kernel-jvm.options to go further");
        Check.that(factor == 2 || factor == 4, "factor", factor, "must be 2 or 4");
        Check.inRange("accesses", accesses, 1_000, 100_000_000);
        Check.inRange("repeats", repeats, 1, 50);
        int shift = factor == 2 ? 1 : 2;
        Check.that((Long.numberOfTrailingZeros(maxBytes) - Long.numberOfTrailingZeros(minBytes)) % shift == 0, "maxBytes",
                maxBytes, "must be minBytes times a power of " + factor);
        int sizes = (Long.numberOfTrailingZeros(maxBytes) - Long.numberOfTrailingZeros(minBytes)) / shift + 1;
        long[] bytes = new long[sizes];
        double[] random = new double[sizes], sequential = new double[sizes];
        int[] next = new int[(int) (maxBytes / Integer.BYTES)];
        UniformRandomProvider rng = Rng.of(seed);
        long checksum = chase(next, 0, 1); // touch
        sequentialCycle(next, (int) (minBytes / LINE));
        // JIT warm-up on a tiny set: many calls for at least WARMUP_NANOS, so the chase loop is compiled (the
        // compiler works in the background, slower on a busy machine) before the first timed chase
        long warm = System.nanoTime();
        for (int k = 0; k < 100 || System.nanoTime() - warm < WARMUP_NANOS; k++) checksum ^= chase(next, k & 1, 50_000);
        for (int s = 0; s < sizes; s++) {
            bytes[s] = minBytes << (shift * s);
            int lines = (int) (bytes[s] / LINE);
            sequentialCycle(next, lines);
            long[] seq = time(next, accesses, repeats, lines);
            sequential[s] = median(seq, repeats) / accesses;
            checksum ^= seq[repeats];
            randomCycle(next, lines, rng);
            long[] rnd = time(next, accesses, repeats, lines);
            random[s] = median(rnd, repeats) / accesses;
            checksum ^= rnd[repeats];
        }
        long[] stream = stream(next, repeats);
        double gbps = (double) maxBytes / median(stream, repeats);
        checksum ^= stream[repeats];
        return new Curve(bytes, random, sequential, gbps, checksum);
    }

    /** Line i points to line i + 1, the last back to 0. */
    static void sequentialCycle(int[] next, int lines) {
        for (int i = 0; i < lines; i++) next[i * INTS_PER_LINE] = ((i + 1) % lines) * INTS_PER_LINE;
    }

    /** One random cycle through all lines (Sattolo's algorithm: every line visited once per lap). */
    static void randomCycle(int[] next, int lines, UniformRandomProvider rng) {
        int[] p = new int[lines];
        for (int i = 0; i < lines; i++) p[i] = i;
        for (int i = lines - 1; i > 0; i--) {
            int j = rng.nextInt(i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < lines; i++) next[i * INTS_PER_LINE] = p[i] * INTS_PER_LINE;
    }

    /** Follows {@code steps} pointers from {@code start}; returns where it ended. */
    static int chase(int[] next, int start, long steps) {
        int i = start;
        for (long k = 0; k < steps; k++) i = next[i];
        return i;
    }

    /** Warm-up (one lap, at most {@code accesses}), then {@code repeats} timed chases: ns each, and the last index. */
    private static long[] time(int[] next, int accesses, int repeats, int lines) {
        long[] out = new long[repeats + 1];
        int at = chase(next, 0, Math.min(lines, accesses / 2));
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            at = chase(next, at, accesses);
            out[r] = System.nanoTime() - t0;
        }
        out[repeats] = at;
        return out;
    }

    /** Sums the whole array {@code repeats} times (after one untimed pass): ns each, and the last sum. */
    private static long[] stream(int[] a, int repeats) {
        long[] out = new long[repeats + 1];
        long sum = sum(a);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            sum += sum(a);
            out[r] = System.nanoTime() - t0;
        }
        out[repeats] = sum;
        return out;
    }

    private static long sum(int[] a) {
        long s = 0;
        for (int v : a) s += v;
        return s;
    }

    /** The median of the first {@code count} entries (the timed repeats). */
    static double median(long[] times, int count) {
        long[] t = Arrays.copyOf(times, count);
        Arrays.sort(t);
        return count % 2 == 1 ? t[count / 2] : (t[count / 2 - 1] + t[count / 2]) / 2.0;
    }
}
