package sdx.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdx.core.Check;

/**
 * Least Frequently Used: evict the cached key with the fewest uses; among equals, the one that
 * reached that count first. Counts are kept only while a key is cached ("in-cache LFU"): an evicted
 * key starts again from 1. O(1) per access with frequency buckets and a running minimum, after
 * Shah, Mitra and Matani, "An O(1) algorithm for implementing the LFU cache eviction scheme" (2010).
 */
public final class LfuPolicy implements CachePolicy {
    private final int capacity;
    private final Map<Integer, Integer> counts;
    private final Map<Integer, LinkedHashSet<Integer>> buckets = new HashMap<>();
    private int minCount;

    /** An empty LFU cache holding at most {@code capacity} keys. */
    public LfuPolicy(int capacity) {
        this.capacity = Check.positive("capacity", capacity);
        this.counts = new HashMap<>(Math.min(capacity, 1 << 20) * 2);
    }

    @Override
    public boolean access(int key) {
        Check.that(key >= 0, "key", key, "must be >= 0");
        Integer count = counts.get(key);
        if (count != null) {
            LinkedHashSet<Integer> bucket = buckets.get(count);
            bucket.remove(key);
            if (bucket.isEmpty()) {
                buckets.remove(count);
                if (minCount == count) minCount = count + 1;
            }
            counts.put(key, count + 1);
            buckets.computeIfAbsent(count + 1, c -> new LinkedHashSet<>()).add(key);
            return true;
        }
        if (counts.size() == capacity) evict();
        counts.put(key, 1);
        buckets.computeIfAbsent(1, c -> new LinkedHashSet<>()).add(key);
        minCount = 1;
        CachePolicy.checkSize(name(), counts.size(), capacity);
        return false;
    }

    private void evict() {
        LinkedHashSet<Integer> bucket = buckets.get(minCount);
        Integer victim = bucket.iterator().next();
        bucket.remove(victim);
        if (bucket.isEmpty()) buckets.remove(minCount);
        counts.remove(victim);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        return counts.size();
    }

    @Override
    public List<Integer> evictionOrder() {
        List<Integer> keys = new ArrayList<>(counts.size());
        new TreeMap<>(buckets).values().forEach(keys::addAll);
        return keys;
    }

    /** How many uses {@code key} has had since it entered the cache (0 if not cached). */
    public int count(int key) {
        return counts.getOrDefault(key, 0);
    }

    @Override
    public String name() {
        return "LFU";
    }
}
