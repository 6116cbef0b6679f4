package sdx.sharding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed-capacity set of (key, count) entries kept in an indexed binary min-heap on count, so the
 * smallest entry is found in O(1) and an increased count is re-placed in O(log capacity). Shared by
 * the sketches; not part of the notebook API.
 */
final class TopTracker {
    private final int capacity;
    private final int[] keys;
    private final long[] counts;
    private final Map<Integer, Integer> position;
    private int size;

    TopTracker(int capacity) {
        this.capacity = capacity;
        keys = new int[capacity];
        counts = new long[capacity];
        position = new HashMap<>(capacity * 2);
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == capacity;
    }

    /** Count of {@code key}, or -1 if not tracked. */
    long count(int key) {
        Integer i = position.get(key);
        return i == null ? -1 : counts[i];
    }

    long minCount() {
        return size == 0 ? 0 : counts[0];
    }

    /** Raises a tracked key's count to {@code count} (must not decrease); false if not tracked. */
    boolean raise(int key, long count) {
        Integer i = position.get(key);
        if (i == null) return false;
        counts[i] = count;
        siftDown(i);
        return true;
    }

    /** Adds a new key; the tracker must not be full. */
    void insert(int key, long count) {
        int i = size++;
        keys[i] = key;
        counts[i] = count;
        position.put(key, i);
        siftUp(i);
    }

    /** Replaces the minimum entry by {@code key} with {@code count} (>= the old minimum). */
    void replaceMin(int key, long count) {
        position.remove(keys[0]);
        keys[0] = key;
        counts[0] = count;
        position.put(key, 0);
        siftDown(0);
    }

    /** Entries with count > {@code threshold}, largest first (ties by key). */
    List<KeyCount> above(long threshold) {
        List<KeyCount> out = new ArrayList<>();
        for (int i = 0; i < size; i++) if (counts[i] > threshold) out.add(new KeyCount(keys[i], counts[i]));
        out.sort(ORDER);
        return out;
    }

    static final Comparator<KeyCount> ORDER =
            Comparator.comparingLong(KeyCount::count).reversed().thenComparingInt(KeyCount::key);

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < size && less(l, m)) m = l;
            if (r < size && less(r, m)) m = r;
            if (m == i) return;
            swap(i, m);
            i = m;
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!less(i, p)) return;
            swap(i, p);
            i = p;
        }
    }

    private boolean less(int a, int b) { // ties broken by key so runs are reproducible
        return counts[a] < counts[b] || (counts[a] == counts[b] && keys[a] < keys[b]);
    }

    private void swap(int a, int b) {
        int k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        long c = counts[a];
        counts[a] = counts[b];
        counts[b] = c;
        position.put(keys[a], a);
        position.put(keys[b], b);
    }
}
