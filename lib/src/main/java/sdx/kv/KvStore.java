package sdx.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * A single-node in-memory key-value store in the spirit of Redis: {@code get}, {@code put}, {@code delete},
 * time to live on a {@link VirtualClock}, and least-recently-used eviction when its memory budget is full.
 *
 * <ul>
 *   <li><b>TTL</b> (Redis {@code SET ... PX}, {@code PEXPIRE}, {@code PERSIST}, {@code PTTL}): a key given a
 *       time to live of {@code t} ms at time {@code s} is readable up to {@code s + t - 1} and gone from
 *       {@code s + t} on. A plain {@link #put} clears any TTL, as Redis's {@code SET} does.</li>
 *   <li><b>Expiry</b> is lazy (a read of an expired key deletes it) plus, if called, active:
 *       {@link #activeExpireCycle()} samples 20 keys that have a TTL, deletes the expired ones and repeats while
 *       more than 10% of the sample had expired (Redis's {@code activeExpireCycle}, run 10 times a second).
 *       A caller cannot tell the two apart: an expired key is absent to every method.</li>
 *   <li><b>Memory</b> is an estimate, stated as one: the key's and value's UTF-8 bytes plus
 *       {@link #ENTRY_OVERHEAD_BYTES} for the hash-table slot, entry object, LRU links and deadline. A put that
 *       takes the total over the budget evicts least recently used keys until it fits (Redis's
 *       {@code allkeys-lru}; Redis samples a few keys and evicts the oldest of them, this store is exact LRU).</li>
 * </ul>
 * Single-threaded, like Redis's command loop.
 */
public final class KvStore {
    /** Estimated bytes an entry costs beyond its key and value (an estimate, not a measurement). */
    public static final int ENTRY_OVERHEAD_BYTES = 64;
    /** Keys sampled per round of active expiry (Redis: 20). */
    public static final int EXPIRE_SAMPLE = 20;
    /** At most this many sampling rounds per active-expiry cycle (Redis bounds the cycle by CPU time instead). */
    public static final int EXPIRE_MAX_ROUNDS = 1_000;
    /** A cycle stops once at most this share of a sample had expired (Redis 6 and later: 10%). */
    public static final double ACCEPTABLE_STALE = 0.10;

    private record Entry(String value, long deadline, long bytes) {}

    private static final long NONE = Long.MAX_VALUE;

    private final VirtualClock clock;
    private final long budgetBytes;
    private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>(16, 0.75f, true); // access order = LRU
    private final List<String> withTtl = new ArrayList<>(); // keys that have a deadline, for sampling
    private final Map<String, Integer> ttlIndex = new HashMap<>(); // key -> its place in withTtl
    private final Map<String, Long> deadlines = new HashMap<>(); // read without touching the LRU order
    private final UniformRandomProvider rng;
    private long bytes, evictions, expiredLazily, expiredActively;

    /**
     * An empty store.
     *
     * @param clock       the time TTLs are measured on
     * @param budgetBytes the memory budget in estimated bytes ({@code Long.MAX_VALUE}: no eviction)
     * @param seed        seeds the sampling of active expiry
     */
    public KvStore(VirtualClock clock, long budgetBytes, long seed) {
        this.clock = Check.notNull("clock", clock);
        this.budgetBytes = Check.positive("budgetBytes", budgetBytes);
        this.rng = Rng.of(seed);
    }

    /** An unbounded store (no eviction) on {@code clock}. */
    public static KvStore unbounded(VirtualClock clock) {
        return new KvStore(clock, Long.MAX_VALUE, Rng.DEFAULT_SEED);
    }

    /** The estimated bytes one entry costs. */
    public static long entryBytes(String key, String value) {
        return key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length
                + ENTRY_OVERHEAD_BYTES;
    }

    /** The value of {@code key}, or null if it is absent or expired (an expired key is deleted now). */
    public String get(String key) {
        Entry e = live(key);
        return e == null ? null : e.value();
    }

    /** Stores {@code value} under {@code key} with no TTL (clears an earlier one), evicting LRU keys if needed. */
    public void put(String key, String value) {
        store(key, value, NONE);
    }

    /** Stores {@code value} under {@code key}, alive for {@code ttlMillis} (>= 1) from now. */
    public void put(String key, String value, long ttlMillis) {
        Check.positive("ttlMillis", ttlMillis);
        store(key, value, clock.now() + ttlMillis);
    }

    /** Deletes {@code key}; true if it was present (and not expired). */
    public boolean delete(String key) {
        return live(key) != null && remove(key);
    }

    /** Gives an existing key a TTL of {@code ttlMillis} from now; false if the key is absent. */
    public boolean expire(String key, long ttlMillis) {
        Check.positive("ttlMillis", ttlMillis);
        Entry e = live(key);
        if (e == null) return false;
        setEntry(key, new Entry(e.value(), clock.now() + ttlMillis, e.bytes()));
        return true;
    }

    /** Removes the TTL of {@code key}; true if the key is present and had one. */
    public boolean persist(String key) {
        Entry e = live(key);
        if (e == null || e.deadline() == NONE) return false;
        setEntry(key, new Entry(e.value(), NONE, e.bytes()));
        return true;
    }

    /** Milliseconds left to live, -1 if the key has no TTL, -2 if it is absent (Redis's {@code PTTL}). */
    public long ttl(String key) {
        Entry e = live(key);
        if (e == null) return -2;
        return e.deadline() == NONE ? -1 : e.deadline() - clock.now();
    }

    /**
     * One cycle of active expiry: sample {@link #EXPIRE_SAMPLE} keys that have a TTL, delete the expired ones,
     * and repeat (at most {@link #EXPIRE_MAX_ROUNDS} rounds) while more than {@link #ACCEPTABLE_STALE} of a
     * sample had expired.
     * Returns how many keys it deleted.
     */
    public int activeExpireCycle() {
        int deleted = 0;
        for (int round = 0; round < EXPIRE_MAX_ROUNDS && !withTtl.isEmpty(); round++) {
            int sample = Math.min(EXPIRE_SAMPLE, withTtl.size()), expired = 0;
            for (int i = 0; i < sample && !withTtl.isEmpty(); i++) {
                String key = withTtl.get(rng.nextInt(withTtl.size()));
                if (deadlines.get(key) <= clock.now()) {
                    remove(key);
                    expired++;
                }
            }
            deleted += expired;
            expiredActively += expired;
            if (expired <= ACCEPTABLE_STALE * sample) break;
        }
        return deleted;
    }

    /** Keys held in memory now, including expired keys nobody has touched yet. */
    public int size() {
        return map.size();
    }

    /** Estimated bytes held now (see {@link #ENTRY_OVERHEAD_BYTES}). */
    public long bytesUsed() {
        return bytes;
    }

    /** Keys evicted to stay within the budget so far. */
    public long evictions() {
        return evictions;
    }

    /** Expired keys deleted when a command touched them. */
    public long expiredLazily() {
        return expiredLazily;
    }

    /** Expired keys deleted by {@link #activeExpireCycle()}. */
    public long expiredActively() {
        return expiredActively;
    }

    /** Keys from least to most recently used (for tables and tests; expired keys not yet deleted included). */
    public List<String> keysLruFirst() {
        return List.copyOf(map.keySet());
    }

    private Entry live(String key) {
        Check.notNull("key", key);
        Entry e = map.get(key); // a use: moves the key to the most recent end
        if (e != null && e.deadline() <= clock.now()) {
            remove(key);
            expiredLazily++;
            return null;
        }
        return e;
    }

    private void store(String key, String value, long deadline) {
        Check.notNull("key", key);
        Check.notNull("value", value);
        long size = entryBytes(key, value);
        if (size > budgetBytes) {
            throw Check.fail("an entry of " + size + " estimated bytes cannot fit a budget of " + budgetBytes + " bytes");
        }
        if (map.containsKey(key)) remove(key);
        while (bytes + size > budgetBytes) {
            Iterator<String> eldest = map.keySet().iterator();
            remove(eldest.next());
            evictions++;
        }
        setEntry(key, new Entry(value, deadline, size));
    }

    private void setEntry(String key, Entry e) {
        Entry old = map.put(key, e);
        bytes += e.bytes() - (old == null ? 0 : old.bytes());
        boolean tracked = ttlIndex.containsKey(key);
        if (e.deadline() != NONE) {
            deadlines.put(key, e.deadline());
            if (!tracked) {
                ttlIndex.put(key, withTtl.size());
                withTtl.add(key);
            }
        } else if (tracked) {
            untrack(key);
        }
    }

    private boolean remove(String key) {
        Entry e = map.remove(key);
        if (e == null) return false;
        bytes -= e.bytes();
        if (ttlIndex.containsKey(key)) untrack(key);
        return true;
    }

    private void untrack(String key) {
        deadlines.remove(key);
        int i = ttlIndex.remove(key), last = withTtl.size() - 1;
        String moved = withTtl.remove(last);
        if (i != last) {
            withTtl.set(i, moved);
            ttlIndex.put(moved, i);
        }
    }
}
