package sdx.replication;

import java.util.Map;
import java.util.TreeMap;
import sdx.core.Check;

/**
 * A version vector: per replica, how many writes of that replica this version has seen. One version
 * happened before another if every entry is <= and one is <; if neither is before the other they are
 * concurrent, a conflict no timestamp can order (Parker et al., 1983; Dynamo, 2007).
 *
 * @param counts writes seen per replica (copied, sorted by name)
 */
public record VersionVector(Map<String, Long> counts) {
    /** How two versions relate. */
    public enum Order { BEFORE, AFTER, EQUAL, CONCURRENT }

    public VersionVector {
        Check.notNull("counts", counts);
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** The empty vector. */
    public static VersionVector empty() {
        return new VersionVector(Map.of());
    }

    /** This vector with {@code replica}'s count one higher. */
    public VersionVector increment(String replica) {
        TreeMap<String, Long> m = new TreeMap<>(counts);
        m.merge(replica, 1L, Long::sum);
        return new VersionVector(m);
    }

    /** The entry-wise maximum of both. */
    public VersionVector merge(VersionVector other) {
        TreeMap<String, Long> m = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> m.merge(k, v, Math::max));
        return new VersionVector(m);
    }

    /** Whether this version is before, after, equal to or concurrent with {@code other}. */
    public Order compare(VersionVector other) {
        boolean less = false, more = false;
        TreeMap<String, Long> keys = new TreeMap<>(counts);
        other.counts.forEach(keys::putIfAbsent);
        for (String k : keys.keySet()) {
            long a = counts.getOrDefault(k, 0L), b = other.counts.getOrDefault(k, 0L);
            if (a < b) less = true;
            if (a > b) more = true;
        }
        return less && more ? Order.CONCURRENT : less ? Order.BEFORE : more ? Order.AFTER : Order.EQUAL;
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
