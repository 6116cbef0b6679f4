package sdx.sharding;

import java.util.List;
import sdx.core.Check;

/**
 * Count-Min (Cormode and Muthukrishnan, "An improved data stream summary: the count-min sketch and its
 * applications", J. Algorithms 2005): {@code depth} rows of {@code width} counters, one seeded hash per
 * row. Adding a key increments one counter per row; its estimate is the minimum of its counters, which
 * never under-counts and over-counts by at most e·n/width with probability 1 − e^−depth.
 *
 * <p>A Count-Min sketch alone cannot list keys, so this one also tracks the {@code tracked} keys with the
 * largest estimates seen so far (the usual "sketch + heap" for heavy hitters).
 */
public final class CountMinSketch implements HeavyHitterSketch {
    private final int width, depth;
    private final long[][] rows;
    private final long[] seeds;
    private final TopTracker top;
    private final int tracked;

    /**
     * @param width   counters per row, at least 1
     * @param depth   rows (independent hashes), in [1, 16]
     * @param tracked candidate keys kept for reporting, at least 1
     * @param seed    hash seed
     */
    public CountMinSketch(int width, int depth, int tracked, long seed) {
        this.width = Check.positive("width", width);
        this.depth = Check.inRange("depth", depth, 1, 16);
        this.tracked = Check.positive("tracked", tracked);
        rows = new long[depth][width];
        seeds = new long[depth];
        for (int d = 0; d < depth; d++) seeds[d] = Hash64.mix(seed + d);
        top = new TopTracker(tracked);
    }

    @Override
    public void add(int key) {
        long est = Long.MAX_VALUE;
        for (int d = 0; d < depth; d++) {
            long[] row = rows[d];
            int i = Hash64.bucket(Hash64.hash(key, seeds[d]), width);
            est = Math.min(est, ++row[i]);
        }
        if (top.raise(key, est)) return;
        if (!top.full()) top.insert(key, est);
        else if (est > top.minCount()) top.replaceMin(key, est);
    }

    @Override
    public long estimate(int key) {
        long est = Long.MAX_VALUE;
        for (int d = 0; d < depth; d++) est = Math.min(est, rows[d][Hash64.bucket(Hash64.hash(key, seeds[d]), width)]);
        return est;
    }


    @Override
    public List<KeyCount> above(long count) {
        return top.above(count);
    }

    @Override
    public int memory() {
        return width * depth + tracked;
    }

    @Override
    public String name() {
        return "Count-Min";
    }

    @Override
    public String toString() {
        return name() + "(" + depth + "x" + width + ", tracked " + tracked + ")";
    }
}
