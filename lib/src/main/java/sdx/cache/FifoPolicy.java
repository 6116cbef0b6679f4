package sdx.cache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sdx.core.Check;

/**
 * First In, First Out: evict the key that entered the cache earliest, however often it was used
 * since. A hit changes nothing. Keys sit in a ring buffer in arrival order; a hash set answers
 * "is it cached?". Its steady-state hit ratio under independent requests is approximated in
 * Martina, Garetto and Leonardi, "A unified approach to the performance analysis of caching
 * systems" (INFOCOM 2014), see {@link Theory#fifo}.
 */
public final class FifoPolicy implements CachePolicy {
    private final int capacity;
    private final int[] ring;
    private final Set<Integer> cached;
    private int oldest;

    /** An empty FIFO cache holding at most {@code capacity} keys. */
    public FifoPolicy(int capacity) {
        this.capacity = Check.positive("capacity", capacity);
        this.ring = new int[capacity];
        this.cached = new HashSet<>(Math.min(capacity, 1 << 20) * 2);
    }

    @Override
    public boolean access(int key) {
        Check.that(key >= 0, "key", key, "must be >= 0");
        if (cached.contains(key)) return true;
        int size = cached.size();
        if (size == capacity) {
            cached.remove(ring[oldest]);
            ring[oldest] = key;
            oldest = (oldest + 1) % capacity;
        } else {
            ring[(oldest + size) % capacity] = key;
        }
        cached.add(key);
        CachePolicy.checkSize(name(), cached.size(), capacity);
        return false;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        return cached.size();
    }

    @Override
    public List<Integer> evictionOrder() {
        List<Integer> keys = new ArrayList<>(cached.size());
        for (int i = 0; i < cached.size(); i++) keys.add(ring[(oldest + i) % capacity]);
        return keys;
    }

    @Override
    public String name() {
        return "FIFO";
    }
}
