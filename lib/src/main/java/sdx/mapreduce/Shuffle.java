package sdx.mapreduce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shuffle, reduce side. Each reduce partition has an {@link Inbox}: as soon as a map task
 * commits, every partition fetches its piece of that task's output (on a cluster, over the network,
 * while other map tasks still run). Only the final {@link Inbox#merge() merge}, which groups the
 * fetched pieces by key, must wait for every map task. Records are sized as text lines
 * {@code key TAB value NEWLINE}.
 */
final class Shuffle {
    private Shuffle() {}

    /** UTF-8 length of {@code String.valueOf(o)}, without building a byte array. */
    static long textBytes(Object o) {
        String s = o instanceof String str ? str : String.valueOf(o);
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    /** Bytes of one shuffled pair as a text line. */
    static long pairBytes(Object key, Object value) {
        return textBytes(key) + textBytes(value) + 2;
    }

    /** What one reduce partition has fetched: one piece per map task, kept in map-task order. */
    static final class Inbox<K, V> {
        private final List<K>[] keys;
        private final List<V>[] values;
        private final int partition;
        long records, bytes;

        @SuppressWarnings("unchecked")
        Inbox(int mapTasks, int partition) {
            keys = new List[mapTasks];
            values = new List[mapTasks];
            this.partition = partition;
        }

        /**
         * Fetches map task {@code m}'s piece for this partition, unless already fetched: a re-executed
         * map task produces the same pairs, and a partition that already holds them keeps its copy.
         */
        boolean fetch(int m, MapOutput<K, V> out) {
            if (keys[m] != null) return false;
            keys[m] = out.keys[partition];
            values[m] = out.values[partition];
            for (int i = 0; i < keys[m].size(); i++) bytes += pairBytes(keys[m].get(i), values[m].get(i));
            records += keys[m].size();
            return true;
        }

        /** Groups every fetched pair by key, in map-task order, keys sorted when comparable (the paper's sorted reduce input). */
        Partition<K, V> merge() {
            Map<K, List<V>> groups = new HashMap<>();
            for (int m = 0; m < keys.length; m++) {
                if (keys[m] == null) throw new IllegalStateException("map task " + m + " was never fetched");
                List<K> ks = keys[m];
                List<V> vs = values[m];
                for (int i = 0; i < ks.size(); i++) groups.computeIfAbsent(ks.get(i), x -> new ArrayList<>(2)).add(vs.get(i));
            }
            return new Partition<>(sorted(groups), records, bytes);
        }
    }

    /** One reduce partition after the merge: every key with all its values. */
    record Partition<K, V>(Map<K, List<V>> groups, long records, long bytes) {}

    /** Keys in their natural order when they have one, else as they came. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <K, V> Map<K, V> sorted(Map<K, V> m) {
        if (m.isEmpty() || !(m.keySet().iterator().next() instanceof Comparable)) return m;
        try {
            return new TreeMap<>((Map) m);
        } catch (ClassCastException mixedKeyTypes) {
            return m;
        }
    }
}
