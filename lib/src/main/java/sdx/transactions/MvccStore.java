package sdx.transactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import sdx.core.Check;

/**
 * A multi-version key-value store with snapshot reads, the way PostgreSQL, MySQL InnoDB and most
 * modern databases do concurrency control (MVCC): a write adds a new version instead of overwriting,
 * so a reader never waits for a writer and a writer never waits for a reader. Each key keeps a chain
 * of committed versions; a transaction reads the newest version visible to it; {@link #vacuum()}
 * removes versions that no running transaction can see any more.
 *
 * <p>Logical time is a counter: each begin and each commit takes the next tick. Single-threaded: the
 * notebook interleaves transactions step by step, which is what makes anomalies reproducible.
 */
public final class MvccStore {
    private final Map<String, List<Version>> versions = new TreeMap<>();
    private final NavigableSet<Long> activeSnapshots = new TreeSet<>();
    private final Map<Long, Long> snapshotOf = new HashMap<>();
    private long clock;
    private long nextTxn = 1;
    private long commits, aborts;

    /** An empty store; a key never written reads as 0. */
    public static MvccStore create() {
        return new MvccStore();
    }

    /** Loads initial values (version 0, visible to every transaction). */
    public MvccStore load(Map<String, Long> initial) {
        Check.notNull("initial", initial);
        initial.forEach((k, v) -> versions.computeIfAbsent(Check.notNull("key", k), x -> new ArrayList<>())
                .add(new Version(v, 0, 0)));
        return this;
    }

    /** Starts a transaction at {@code isolation}; its snapshot is the current logical time. */
    public Transaction begin(Isolation isolation) {
        Check.notNull("isolation", isolation);
        long id = nextTxn++;
        long snapshot = ++clock;
        activeSnapshots.add(snapshot);
        snapshotOf.put(id, snapshot);
        return new Transaction(this, id, isolation, snapshot);
    }

    /** The latest committed value of {@code key} (what a new transaction would read). */
    public long latest(String key) {
        return visible(key, Long.MAX_VALUE);
    }

    /** All keys with their latest committed values. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        versions.keySet().forEach(k -> out.put(k, latest(k)));
        return out;
    }

    /** The committed versions of {@code key}, oldest first. */
    public List<Version> versions(String key) {
        return List.copyOf(versions.getOrDefault(Check.notNull("key", key), List.of()));
    }

    /** The number of versions kept over all keys. */
    public int versionCount() {
        return versions.values().stream().mapToInt(List::size).sum();
    }

    /** Commits and aborts so far. */
    public long commits() {
        return commits;
    }

    /** Aborts so far. */
    public long aborts() {
        return aborts;
    }

    /**
     * Garbage-collects old versions: for each key, keeps the newest version and every version that a
     * running transaction may still read (the newest one at or before each active snapshot). Returns
     * how many versions were removed. A long-running transaction therefore pins old versions.
     */
    public int vacuum() {
        int removed = 0;
        for (List<Version> chain : versions.values()) {
            List<Version> keep = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                Version v = chain.get(i);
                long nextTs = i + 1 < chain.size() ? chain.get(i + 1).commitTs() : Long.MAX_VALUE;
                // v is visible to snapshots s with v.commitTs <= s < nextTs
                Long s = activeSnapshots.ceiling(v.commitTs());
                boolean needed = nextTs == Long.MAX_VALUE || (s != null && s < nextTs);
                if (needed) keep.add(v); else removed++;
            }
            chain.clear();
            chain.addAll(keep);
        }
        return removed;
    }

    long visible(String key, long snapshot) {
        List<Version> chain = versions.get(key);
        if (chain == null) return 0;
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).commitTs() <= snapshot) return chain.get(i).value();
        }
        return 0;
    }

    long newestCommitTs(String key) {
        List<Version> chain = versions.get(key);
        return chain == null || chain.isEmpty() ? 0 : chain.get(chain.size() - 1).commitTs();
    }

    long now() {
        return clock;
    }

    /** Validates and installs a transaction's writes; returns null on success, else the reason to abort. */
    String commit(Transaction t) {
        String conflict = conflict(t);
        finish(t);
        if (conflict != null) {
            aborts++;
            return conflict;
        }
        long ts = ++clock;
        t.writes().forEach((k, v) -> versions.computeIfAbsent(k, x -> new ArrayList<>()).add(new Version(v, ts, t.id())));
        commits++;
        return null;
    }

    void abort(Transaction t) {
        finish(t);
        aborts++;
    }

    private void finish(Transaction t) {
        activeSnapshots.remove(t.snapshot());
        snapshotOf.remove(t.id());
    }

    private String conflict(Transaction t) {
        if (t.isolation() == Isolation.READ_COMMITTED) return null;
        for (String k : t.writes().keySet()) {
            if (newestCommitTs(k) > t.snapshot()) {
                return "write-write conflict on " + k + ": another transaction committed it first";
            }
        }
        if (t.isolation() == Isolation.SERIALIZABLE) {
            for (String k : t.reads()) {
                if (newestCommitTs(k) > t.snapshot()) {
                    return "read-write conflict on " + k + ": it changed after this transaction read it";
                }
            }
        }
        return null;
    }
}
