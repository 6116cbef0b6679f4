package sdx.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.Table;

/**
 * Notebook 05's experiments, one static method per question. Measurements of this machine
 * ({@link #memory}, {@link #files}) take wall-clock time and are bounded to a second or two each;
 * simulations of the tail ({@link #percentiles}, {@link #fanOut}, {@link #hedged}) are seeded and exact to
 * repeat.
 */
public final class Storage {
    private Storage() {}

    /** Working sets measured by {@link #memory()}: 16 KiB ... 256 MiB. */
    public static final long MIN_BYTES = 16L << 10, MAX_BYTES = 256L << 20;
    /** Timed loads per repeat in {@link #memory()}. */
    public static final int ACCESSES = 1 << 18;
    /** Timed repeats (the median is kept). */
    public static final int REPEATS = 3;
    /** The file {@link #files()} reads: 64 MiB. */
    public static final long FILE_BYTES = 64L << 20;
    /** At most this many fsync'd writes in {@link #files()}. */
    public static final int FSYNCS = 200;
    /** The fan-outs the notebook simulates. */
    public static final int[] SERVERS = {1, 2, 5, 10, 20, 50, 100, 200};

    /** Facts about this machine (cores, memory, caches, JVM, temp file system), read now. */
    public static Table machine() {
        return Machine.facts();
    }

    /** Pointer chasing from 16 KiB to 256 MiB, each size 4 times the one before, (or a quarter of the heap, whichever is smaller). */
    public static MemoryLatency.Curve memory() {
        long cap = Long.highestOneBit(Runtime.getRuntime().maxMemory() / 4);
        return MemoryLatency.measure(MIN_BYTES, Math.min(MAX_BYTES, cap), 4, ACCESSES, REPEATS, Rng.DEFAULT_SEED);
    }

    /** Pointer chasing from 16 KiB to {@code maxBytes} (16 KiB times a power of 4), seeded permutation. */
    public static MemoryLatency.Curve memory(long maxBytes, long seed) {
        return MemoryLatency.measure(MIN_BYTES, maxBytes, 4, ACCESSES, REPEATS, seed);
    }

    /** 4 KiB reads and writes on a 64 MiB temporary file in the system temp folder (deleted afterwards). */
    public static FileLatency.Result files() {
        return FileLatency.measure(null, FILE_BYTES, FSYNCS, Rng.DEFAULT_SEED);
    }

    /** Keys of {@link #measuredNanos()}. */
    public static final String MEMORY_REFERENCE = "main memory reference", PAGE_CACHE_READ = "read 4 KiB, random, page cache",
            DEVICE_READ = "read 4 KiB, random, from the device", FSYNC_WRITE = "write 4 KiB + fsync";

    /**
     * This notebook's measurements taken again, smaller (memory up to 64 MiB or a quarter of the heap, a 16 MiB
     * file, 50 fsyncs; about two seconds), as nanoseconds by name: the figures notebook 24 builds its latency budget
     * from. {@link #DEVICE_READ} is left out where the page cache cannot be bypassed.
     */
    public static Map<String, Double> measuredNanos() {
        long cap = Long.highestOneBit(Runtime.getRuntime().maxMemory() / 4);
        MemoryLatency.Curve memory = MemoryLatency.measure(MIN_BYTES, Math.min(64L << 20, cap), 4, ACCESSES, REPEATS,
                Rng.DEFAULT_SEED);
        FileLatency.Result files = FileLatency.measure(null, 16L << 20, 50, Rng.DEFAULT_SEED);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MEMORY_REFERENCE, memory.randomNsAt(memory.largest()));
        out.put(PAGE_CACHE_READ, files.op(FileLatency.RANDOM).meanUs() * 1e3);
        FileLatency.Op direct = files.op(FileLatency.DIRECT);
        if (direct != null) out.put(DEVICE_READ, direct.meanUs() * 1e3);
        out.put(FSYNC_WRITE, files.op(FileLatency.FSYNC).meanUs() * 1e3);
        return out;
    }

    /** The classic latency table beside this machine's measurements. */
    public static Table latencyNumbers(MemoryLatency.Curve memory, FileLatency.Result files) {
        return LatencyNumbers.compare(memory, files);
    }

    /** One server under {@code model}: mean and percentiles of {@code requests} replies (seeded). */
    public static Tails.Percentiles percentiles(TailModel model, int requests, long seed) {
        return Tails.percentiles(model, requests, seed);
    }

    /** A request waiting for n servers, for each n in {@code servers} (seeded). */
    public static Tails.FanOutCurve fanOut(TailModel model, int[] servers, int requests, long seed) {
        return Tails.fanOut(model, servers, requests, seed);
    }

    /**
     * Hedged requests: each of {@code servers} sub-requests sends a second copy after the single server's
     * {@code hedgePercentile} (e.g. 95), vs plain requests on the same draws (seeded).
     */
    public static Tails.Hedging hedged(TailModel model, int servers, double hedgePercentile, int requests, long seed) {
        Check.notNull("model", model);
        Check.that(hedgePercentile > 0 && hedgePercentile < 100, "hedgePercentile", hedgePercentile,
                "must be in (0, 100), e.g. 95 to send a second copy after the p95");
        return Tails.hedged(model, servers, model.quantile(hedgePercentile / 100), requests, seed);
    }
}
