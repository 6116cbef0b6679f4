package sdx.sharding;

import java.util.Arrays;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Consistent hashing (Karger, Lehman, Leighton, Panigrahy, Levine and Lewin, "Consistent hashing and
 * random trees", STOC 1997), with virtual nodes as in Amazon's Dynamo (DeCandia et al., SOSP 2007).
 *
 * <p>Every shard places {@code vnodes} points on a ring of 2^64 positions (the signed 64-bit values in
 * ascending order, wrapping from {@code Long.MAX_VALUE} back to {@code Long.MIN_VALUE}). A key hashes
 * to a position and belongs to the first point at or after it, wrapping around to the first point.
 * The ring is a sorted array searched in O(log(N·V)). A shard's points depend only on (seed, shard,
 * vnode), so adding shard N leaves the points of shards 0..N-1 where they were: only keys that fall
 * on the new shard's arcs move, about 1/(N+1) of them.
 */
public final class ConsistentHashPartitioner implements Partitioner {
    private static final long KEY_SALT = 0x5DEECE66DL;
    private final int shards;
    private final int vnodes;
    private final long seed;
    private final long[] points;
    private final int[] owners;

    /**
     * @param shards number of shards, at least 1
     * @param vnodes virtual nodes (ring points) per shard, at least 1
     * @param seed   hash seed (moves every point)
     */
    public ConsistentHashPartitioner(int shards, int vnodes, long seed) {
        this.shards = Check.positive("shards", shards);
        this.vnodes = Check.positive("vnodes", vnodes);
        Check.that((long) shards * vnodes <= 50_000_000L, "shards*vnodes", (long) shards * vnodes, "must be <= 50,000,000");
        this.seed = seed;
        int n = shards * vnodes;
        long[] p = new long[n];
        int[] o = new int[n];
        for (int s = 0, i = 0; s < shards; s++) {
            for (int v = 0; v < vnodes; v++, i++) {
                p[i] = pointOf(s, v);
                o[i] = s;
            }
        }
        points = new long[n];
        owners = new int[n];
        sortRing(p, o, points, owners);
    }

    /**
     * Sorts (point, owner) pairs by point, then owner, without boxing: sort composite longs (the point's
     * high bits, the index in the low bits), then repair the rare pairs whose points share those high
     * bits with one insertion-sort pass.
     */
    private static void sortRing(long[] p, int[] o, long[] points, int[] owners) {
        int n = p.length, bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long mask = (1L << bits) - 1;
        long[] composite = new long[n];
        for (int i = 0; i < n; i++) composite[i] = (p[i] & ~mask) | i;
        Arrays.sort(composite);
        for (int i = 0; i < n; i++) {
            int idx = (int) (composite[i] & mask);
            points[i] = p[idx];
            owners[i] = o[idx];
        }
        for (int i = 1; i < n; i++) {
            long pt = points[i];
            int ow = owners[i], j = i - 1;
            while (j >= 0 && (points[j] > pt || (points[j] == pt && owners[j] > ow))) {
                points[j + 1] = points[j];
                owners[j + 1] = owners[j];
                j--;
            }
            points[j + 1] = pt;
            owners[j + 1] = ow;
        }
    }

    /** {@code shards} shards with {@code vnodes} points each, default seed. */
    public static ConsistentHashPartitioner of(int shards, int vnodes) {
        return new ConsistentHashPartitioner(shards, vnodes, Rng.DEFAULT_SEED);
    }

    /** The same ring with {@code n} shards (same seed and vnodes): existing shards keep their points. */
    public ConsistentHashPartitioner withShards(int n) {
        return new ConsistentHashPartitioner(n, vnodes, seed);
    }

    private long pointOf(int shard, int vnode) {
        return Hash64.hash(((long) shard << 32) | vnode, seed);
    }

    /** The ring position of {@code key}. */
    public long hashOf(int key) {
        return Hash64.hash(key, seed ^ KEY_SALT);
    }

    @Override
    public int shardOf(int key) {
        return ownerOf(hashOf(key));
    }

    /** The shard owning ring position {@code hash}: first point {@code >= hash}, wrapping around. */
    public int ownerOf(long hash) {
        return owner(points, owners, hash);
    }

    /** Reference lookup: binary search for the first point >= hash; past the last point, wrap to 0. */
    static int owner(long[] points, int[] owners, long hash) {
        int lo = 0, hi = points.length; // answer in [lo, hi]; hi == length means "wrap"
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points[mid] >= hash) hi = mid;
            else lo = mid + 1;
        }
        return owners[lo == points.length ? 0 : lo];
    }

    /**
     * Each shard's share of the ring (sums to 1): the fraction of uniformly hashed keys it will own. The
     * arc ending at a point (exclusive of the previous point) belongs to that point's shard.
     */
    public double[] shares() {
        double[] share = new double[shards];
        int n = points.length;
        for (int i = 0; i < n; i++) {
            long arc = points[i] - points[(i - 1 + n) % n]; // wrapping subtraction = unsigned arc length
            share[owners[i]] += n == 1 ? 1.0 : Hash64.unsignedFraction(arc);
        }
        double sum = Arrays.stream(share).sum();
        for (int s = 0; s < shards; s++) share[s] /= sum;
        return share;
    }

    /** The ring itself: sorted points and their owners (copies). */
    public Ring ring() {
        return new Ring(points.clone(), owners.clone());
    }

    /** Virtual nodes per shard. */
    public int vnodes() {
        return vnodes;
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public String name() {
        return "consistent x" + shards + " (V=" + vnodes + ")";
    }

    @Override
    public String toString() {
        return name();
    }

    /**
     * A hash ring: {@code points} sorted ascending (signed order), {@code owners[i]} the shard of
     * {@code points[i]}.
     *
     * @param points ring positions, ascending
     * @param owners shard of each position
     */
    public record Ring(long[] points, int[] owners) {
        /** Validates shape and order. */
        public Ring {
            Check.notNull("points", points);
            Check.notNull("owners", owners);
            Check.that(points.length == owners.length, "owners.length", owners.length, "must equal points.length = " + points.length);
            Check.that(points.length > 0, "points", "[]", "must not be empty");
            for (int i = 1; i < points.length; i++) {
                Check.that(points[i] >= points[i - 1], "points[" + i + "]", points[i], "must be >= points[" + (i - 1) + "]");
            }
            points = points == null ? null : points.clone();
            owners = owners == null ? null : owners.clone();
        }

        /** Number of points. */
        public int size() {
            return points.length;
        }

        /** The ring as a table (position, owning shard), first rows only when large. */
        public Table table() {
            Table t = Table.create("hash ring: " + points.length + " points");
            LongColumn p = LongColumn.create("point (64-bit position)");
            IntColumn o = IntColumn.create("shard");
            for (int i = 0; i < points.length; i++) {
                p.append(points[i]);
                o.append(owners[i]);
            }
            return t.addColumns(p, o);
        }

        @Override
        public String toString() {
            return "Ring[" + points.length + " points]";
        }

        /** A copy of {@code points}. */
        @Override
        public long[] points() {
            return points.clone();
        }

        /** A copy of {@code owners}. */
        @Override
        public int[] owners() {
            return owners.clone();
        }
    }
}
