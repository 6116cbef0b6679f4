package sdx.sharding;

import java.util.List;
import sdx.core.Check;

/**
 * Space-Saving (Metwally, Agrawal and El Abbadi, "Efficient computation of frequent and top-k elements
 * in data streams", ICDT 2005). It keeps {@code capacity} (key, count) counters. A tracked key's counter
 * goes up by one; an untracked key takes over the counter with the smallest count m and gets m + 1.
 *
 * <p>Guarantees, after n keys: a <em>tracked</em> key's estimate is at least its true count and at most
 * true + n/capacity (it over-counts by the count it inherited when it took a slot, which is 0 only if
 * it took a free slot); an untracked key's estimate is 0, below its true count; and every key seen
 * more than n/capacity times is tracked. So recall of keys above a frequency φ is 1.0 once
 * capacity ≥ 1/φ; larger capacities improve precision.
 */
public final class SpaceSavingSketch implements HeavyHitterSketch {
    private final int capacity;
    private final TopTracker counters;

    /** @param capacity number of counters, at least 1 */
    public SpaceSavingSketch(int capacity) {
        this.capacity = Check.positive("capacity", capacity);
        this.counters = new TopTracker(capacity);
    }

    @Override
    public void add(int key) {
        long c = counters.count(key);
        if (c >= 0) counters.raise(key, c + 1);
        else if (!counters.full()) counters.insert(key, 1);
        else counters.replaceMin(key, counters.minCount() + 1);
    }

    @Override
    public long estimate(int key) {
        return Math.max(0, counters.count(key));
    }


    @Override
    public List<KeyCount> above(long count) {
        return counters.above(count);
    }

    @Override
    public int memory() {
        return capacity;
    }

    @Override
    public String name() {
        return "Space-Saving";
    }

    @Override
    public String toString() {
        return name() + "(" + capacity + ")";
    }
}
