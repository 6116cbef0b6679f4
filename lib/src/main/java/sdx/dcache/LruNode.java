package sdx.dcache;

import java.util.LinkedHashMap;
import java.util.Map;

/** One cache node's memory: the JDK's LinkedHashMap in access order, evicting the least recently used key. */
final class LruNode {
    private final LinkedHashMap<Long, Boolean> entries;

    LruNode(int capacity) {
        entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True if {@code key} is cached (a use: it becomes the most recent). */
    boolean get(long key) {
        return entries.get(key) != null;
    }

    void put(long key) {
        entries.put(key, Boolean.TRUE);
    }

    int size() {
        return entries.size();
    }
}
