package sdx.dcache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import sdx.core.Check;
import sdx.core.HashRing;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Database reads per second over (virtual) time while a cache cluster changes: nodes on a {@link HashRing},
 * each an LRU cache of {@link #NODE_CAPACITY} keys, every key stored on its owner and the next
 * {@code copies - 1} nodes of its preference list. A read asks the owner; on a miss it asks the other
 * copies (a hit there is copied back to the owner); only when no copy has the key does it read the
 * database and fill every copy. At {@link #CHANGE_SEC} a node joins or dies.
 *
 * <p>Simulated in virtual time (requests at a steady {@link #RATE} per second, Zipf {@link #SKEW} over
 * {@link #KEYS} keys), seeded: no network, no real servers.
 *
 * @param nodes   nodes before the change
 * @param change  what happens at {@link #CHANGE_SEC}
 * @param copies  the copy counts compared, one series each
 * @param timeSec bucket start times, seconds
 * @param dbReads database reads per second per bucket, one row per copy count
 * @param seed    the seed
 */
public record MissStorm(int nodes, Change change, int[] copies, double[] timeSec, double[][] dbReads, long seed) {
    /** Keys in the workload. */
    public static final int KEYS = 20_000;
    /** Zipf exponent of the workload. */
    public static final double SKEW = 0.9;
    /** Requests per second. */
    public static final int RATE = 10_000;
    /** Keys each node holds. */
    public static final int NODE_CAPACITY = 1_000;
    /** When the node joins or dies, seconds. */
    public static final double CHANGE_SEC = 4;
    /** Length of the run, seconds. */
    public static final double END_SEC = 8;
    /** Width of a time bucket, seconds. */
    public static final double BUCKET_SEC = 0.2;
    /** Charts and tables start here (the first seconds fill the empty caches). */
    public static final double SHOW_FROM_SEC = 2;

    /** Copies arrays in and out. */
    public MissStorm {
        copies = copies.clone();
        timeSec = timeSec.clone();
        dbReads = deepClone(dbReads);
    }

    static MissStorm run(int nodes, Change change, int[] copies, long seed) {
        Check.inRange("nodes", nodes, 2, 100);
        Check.notNull("change", change);
        Check.notNull("copies", copies);
        Check.that(copies.length > 0, "copies", "[]", "must list at least one copy count");
        for (int c : copies) Check.that(c >= 1 && c <= nodes - 1, "copies", c, "must be 1 to nodes - 1 = " + (nodes - 1));
        int buckets = (int) Math.round((END_SEC - SHOW_FROM_SEC) / BUCKET_SEC);
        double[] time = new double[buckets];
        for (int b = 0; b < buckets; b++) time[b] = SHOW_FROM_SEC + b * BUCKET_SEC;
        double[][] reads = new double[copies.length][];
        for (int i = 0; i < copies.length; i++) {
            long[] counts = simulate(nodes, change, copies[i], seed, buckets);
            reads[i] = new double[buckets];
            for (int b = 0; b < buckets; b++) reads[i][b] = counts[b] / BUCKET_SEC;
        }
        return new MissStorm(nodes, change, copies, time, reads, seed);
    }

    private static long[] simulate(int nodes, Change change, int copies, long seed, int buckets) {
        HashRing ring = HashRing.of(nodes, 100, seed);
        Map<Integer, LruNode> caches = new LinkedHashMap<>();
        for (int n : ring.nodes()) caches.put(n, new LruNode(NODE_CAPACITY));
        UniformRandomProvider rng = Rng.of(seed, 14);
        var zipf = RejectionInversionZipfSampler.of(rng, KEYS, SKEW);
        long total = Math.round(END_SEC * RATE);
        long changeAt = Math.round(CHANGE_SEC * RATE);
        long showFrom = Math.round(SHOW_FROM_SEC * RATE);
        long[] counts = new long[buckets];
        for (long i = 0; i < total; i++) {
            if (i == changeAt) {
                if (change == Change.JOIN) {
                    ring = ring.with(nodes);
                    caches.put(nodes, new LruNode(NODE_CAPACITY));
                } else {
                    int victim = ring.nodes().get(rng.nextInt(nodes));
                    ring = ring.without(victim);
                    caches.remove(victim);
                }
            }
            boolean db = read(ring, caches, zipf.sample() - 1, copies);
            if (db && i >= showFrom) counts[(int) Math.min(buckets - 1, (i - showFrom) / Math.round(BUCKET_SEC * RATE))]++;
        }
        return counts;
    }

    /** One read; true if it had to go to the database. */
    private static boolean read(HashRing ring, Map<Integer, LruNode> caches, long key, int copies) {
        List<Integer> where = ring.preferenceList(key, Math.min(copies, ring.size()));
        LruNode owner = caches.get(where.get(0));
        if (owner.get(key)) return false;
        for (int i = 1; i < where.size(); i++) {
            if (caches.get(where.get(i)).get(key)) {
                owner.put(key);
                return false;
            }
        }
        for (int n : where) caches.get(n).put(key);
        return true;
    }

    /** Mean database reads per second of copy count {@code i} over [from, to) seconds. */
    public double meanRate(int i, double fromSec, double toSec) {
        Check.inRange("i", i, 0, copies.length - 1);
        Check.that(toSec > fromSec, "toSec", toSec, "must be > fromSec (" + fromSec + ")");
        double sum = 0;
        int n = 0;
        for (int b = 0; b < timeSec.length; b++) {
            if (timeSec[b] >= fromSec - 1e-9 && timeSec[b] < toSec - 1e-9) {
                sum += dbReads[i][b];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Highest database reads per second of copy count {@code i} in a bucket at or after the change. */
    public double peakAfter(int i) {
        Check.inRange("i", i, 0, copies.length - 1);
        double m = 0;
        for (int b = 0; b < timeSec.length; b++) if (timeSec[b] >= CHANGE_SEC - 1e-9) m = Math.max(m, dbReads[i][b]);
        return m;
    }

    /** Database reads per second against time, one line per copy count; the change marked in the title. */
    public Plot plot() {
        Plot p = Plot.line(String.format(Locale.ROOT, "Database reads/s: %d nodes, one %s at t = %.0f s",
                nodes, change == Change.JOIN ? "joins" : "dies", CHANGE_SEC), "time (s)", "database reads per second");
        double top = 0;
        for (int i = 0; i < copies.length; i++) {
            p.series(label(copies[i]), timeSec, dbReads[i]);
            for (double v : dbReads[i]) top = Math.max(top, v);
        }
        return p.yRange(0, Math.ceil(top * 1.1 / 500) * 500);
    }

    /** One row per copy count: the rate in the second before the change, the peak after it, and the last second. */
    public Table table() {
        double[] before = new double[copies.length], peak = new double[copies.length], last = new double[copies.length];
        for (int i = 0; i < copies.length; i++) {
            before[i] = Math.round(meanRate(i, CHANGE_SEC - 1, CHANGE_SEC));
            peak[i] = Math.round(peakAfter(i));
            last[i] = Math.round(meanRate(i, END_SEC - 1, END_SEC));
        }
        return Table.create(String.format(Locale.ROOT, "Database reads/s when a node %s (%d nodes, %,d reads/s, buckets of %.0f ms)",
                change == Change.JOIN ? "joins" : "dies", nodes, RATE, BUCKET_SEC * 1000)).addColumns(
                IntColumn.create("copies", copies),
                DoubleColumn.create("second before", before),
                DoubleColumn.create("peak after", peak),
                DoubleColumn.create("last second", last));
    }

    static String label(int copies) {
        return copies == 1 ? "1 copy" : copies + " copies";
    }

    private static double[][] deepClone(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
