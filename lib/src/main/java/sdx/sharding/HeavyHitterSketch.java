package sdx.sharding;

import java.util.List;

/**
 * A bounded-memory summary of a key stream that finds the frequent keys (heavy hitters) without
 * counting every key. Implementations: {@link SpaceSavingSketch} and {@link CountMinSketch}.
 */
public interface HeavyHitterSketch {
    /** Sees one occurrence of {@code key}. */
    void add(int key);

    /** Estimated count of {@code key} (0 if the sketch keeps no trace of it). */
    long estimate(int key);

    /** Up to {@code k} tracked keys with the largest estimates, largest first. */
    default List<KeyCount> top(int k) {
        sdx.core.Check.positive("k", k);
        List<KeyCount> all = above(0);
        return all.subList(0, Math.min(k, all.size()));
    }

    /** Tracked keys whose estimate exceeds {@code count}, largest first: the reported heavy hitters. */
    List<KeyCount> above(long count);

    /** Memory used, in counters (one counter = one key slot or one count cell). */
    int memory();

    /** Short name for legends. */
    String name();
}
