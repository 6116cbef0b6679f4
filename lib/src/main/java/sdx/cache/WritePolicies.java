package sdx.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a cache does with writes, counted on one seeded mix of reads and writes over a Zipf
 * {@link Popularity}, with an LRU cache of fixed size in front of the store. Reads are cache-aside in
 * every strategy (a miss reads the store and fills the cache); the strategies differ on writes:
 * <ul>
 *   <li>{@link Strategy#WRITE_THROUGH}: write the store, then update the cached copy. Every write waits
 *       for the store; a read right after a write hits.</li>
 *   <li>{@link Strategy#WRITE_AROUND}: write the store and delete the cached copy; the next read misses
 *       and fetches it. Keeps written-once data out of the cache.</li>
 *   <li>{@link Strategy#WRITE_BACK}: write only the cache and mark the entry dirty; the store is written
 *       when a dirty entry is evicted, so repeated writes to a key cost one store write. Dirty entries
 *       are lost if the cache crashes before they are written.</li>
 * </ul>
 *
 * @param popularity the key popularity
 * @param capacity   the LRU cache's capacity in keys
 * @param operations reads plus writes simulated
 * @param writeShare share of operations that are writes
 * @param rows       one result per strategy
 */
public record WritePolicies(Popularity popularity, int capacity, int operations, double writeShare, Map<Strategy, Result> rows) {

    /** How writes reach the store. */
    public enum Strategy {
        /** Store and cache, synchronously. */
        WRITE_THROUGH,
        /** Store only; the cached copy is deleted. */
        WRITE_AROUND,
        /** Cache only; the store is written on eviction. */
        WRITE_BACK
    }

    /**
     * The counts for one strategy.
     *
     * @param readHitRatio       share of reads answered by the cache
     * @param storeReads         reads that went to the store (misses)
     * @param storeWrites        writes that reached the store
     * @param writesWaitingForStore writes whose caller waited for the store
     * @param dirtyAtEnd         entries written to the cache but not yet to the store at the end (lost if the cache crashed then)
     */
    public record Result(double readHitRatio, long storeReads, long storeWrites, long writesWaitingForStore, long dirtyAtEnd) {}

    /** Copies the map. */
    public WritePolicies {
        rows = Map.copyOf(rows);
    }

    /**
     * Runs every strategy on the same seeded operations.
     *
     * @param cachePercent cache size, % of the keys
     * @param operations   reads plus writes, at least 1
     * @param writeShare   share of writes, in [0, 1]
     */
    public static WritePolicies run(Popularity popularity, double cachePercent, int operations, double writeShare, long seed) {
        Check.notNull("popularity", popularity);
        Check.positive("operations", operations);
        Check.inRange("writeShare", writeShare, 0.0, 1.0);
        int capacity = popularity.capacityFor(cachePercent);
        int[] keys = popularity.trace(operations, seed).keys();
        UniformRandomProvider rng = Rng.of(seed, 3);
        boolean[] write = new boolean[operations];
        for (int i = 0; i < operations; i++) write[i] = rng.nextDouble() < writeShare;
        Map<Strategy, Result> rows = new java.util.EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) rows.put(s, simulate(s, capacity, keys, write));
        return new WritePolicies(popularity, capacity, operations, writeShare, rows);
    }

    private static Result simulate(Strategy strategy, int capacity, int[] keys, boolean[] write) {
        long[] storeWrites = {0};
        // access-ordered LRU of key -> dirty; evicting a dirty entry writes it to the store
        LinkedHashMap<Integer, Boolean> cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                if (size() <= capacity) return false;
                if (eldest.getValue()) storeWrites[0]++;
                return true;
            }
        };
        long reads = 0, hits = 0, storeReads = 0, waiting = 0;
        for (int i = 0; i < keys.length; i++) {
            int k = keys[i];
            if (!write[i]) {
                reads++;
                if (cache.get(k) != null) hits++;
                else {
                    storeReads++;
                    cache.put(k, false);
                }
                continue;
            }
            switch (strategy) {
                case WRITE_THROUGH -> {
                    storeWrites[0]++;
                    waiting++;
                    cache.put(k, false);
                }
                case WRITE_AROUND -> {
                    storeWrites[0]++;
                    waiting++;
                    cache.remove(k);
                }
                case WRITE_BACK -> cache.put(k, true);
            }
        }
        long dirty = cache.values().stream().filter(d -> d).count();
        return new Result(reads == 0 ? 0 : hits / (double) reads, storeReads, storeWrites[0], waiting, dirty);
    }

    /** One row per strategy. */
    public Table table() {
        Table t = Table.create(String.format(java.util.Locale.ROOT, "Writes: %,d operations, %.0f%% writes, %s, LRU cache of %,d keys",
                operations, writeShare * 100, popularity.label(), capacity));
        StringColumn name = StringColumn.create("strategy");
        DoubleColumn hit = DoubleColumn.create("read hit ratio");
        LongColumn sr = LongColumn.create("store reads"), sw = LongColumn.create("store writes"),
                wait = LongColumn.create("writes waiting for the store"), dirty = LongColumn.create("dirty entries at the end");
        for (Strategy s : Strategy.values()) {
            Result r = rows.get(s);
            name.append(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            hit.append(HitRatioCurve.round(r.readHitRatio()));
            sr.append(r.storeReads());
            sw.append(r.storeWrites());
            wait.append(r.writesWaitingForStore());
            dirty.append(r.dirtyAtEnd());
        }
        return t.addColumns(name, hit, sr, sw, wait, dirty);
    }
}
