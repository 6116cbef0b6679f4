package sdx.cache.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.cache.LruPolicy;
import sdx.cache.Popularity;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for the LRU exercise: hand-worked tiny traces first (basic), then a long random trace
 * compared request by request with the library's {@link LruPolicy}, which runs only once the basic
 * checks pass. The submission is a
 * {@link SimpleCache.Factory}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class LruChecks {
    private final SimpleCache.Factory factory = Grader.submission(SimpleCache.Factory.class);

    /** Replays space-separated keys cache-aside (get, and put on a miss); returns "h"/"m" per request. */
    static String cacheAside(SimpleCache cache, String keys) {
        StringBuilder out = new StringBuilder();
        for (String k : keys.split(" ")) {
            if (cache.get(k) != null) out.append('h');
            else {
                out.append('m');
                cache.put(k, "value of " + k);
            }
        }
        return out.toString();
    }

    @Test
    @Order(1)
    @DisplayName("a new cache is empty; get returns what put stored")
    @Hint("get returns null for a key never put; after put(k, v), get(k) returns v and size() counts it")
    @Basic
    void putThenGet() {
        SimpleCache c = factory.create(2);
        assertEquals(0, c.size(), "size() of a new cache");
        assertNull(c.get("A"), "get(\"A\") on an empty cache");
        c.put("A", "1");
        assertEquals("1", c.get("A"), "get(\"A\") after put(\"A\", \"1\")");
        assertEquals(1, c.size(), "size() after one put");
    }

    @Test
    @Order(2)
    @DisplayName("A B C A B: 2 hits on capacity 3, 0 hits on capacity 2")
    @Hint("with room for 3 keys nothing is evicted; with room for 2, each new key evicts the one needed next")
    @Basic
    void loopTrace() {
        assertEquals("mmmhh", cacheAside(factory.create(3), "A B C A B"), "hits (h) and misses (m), capacity 3");
        assertEquals("mmmmm", cacheAside(factory.create(2), "A B C A B"), "hits (h) and misses (m), capacity 2");
    }

    @Test
    @Order(3)
    @DisplayName("A B A C A on capacity 2: 2 hits, 3 misses (a get refreshes A)")
    @Hint("the hit on A at step 3 makes A the most recent key, so C must evict B, not A")
    @Basic
    void recencyTrace() {
        assertEquals("mmhmh", cacheAside(factory.create(2), "A B A C A"), "hits (h) and misses (m)");
    }

    @Test
    @Order(4)
    @DisplayName("evicts the least recently used key, not the oldest")
    @Hint("keep keys ordered by last use (get or put); evict from the least recent end")
    @Basic
    void evictionOrder() {
        SimpleCache c = factory.create(3);
        c.put("A", "1");
        c.put("B", "2");
        c.put("C", "3");
        c.get("A");
        c.put("D", "4"); // B is now the least recently used
        assertNull(c.get("B"), "B should have been evicted (least recently used)");
        assertEquals("1", c.get("A"), "A was used after B and must stay");
        assertEquals("3", c.get("C"), "C must stay");
        assertEquals("4", c.get("D"), "D was just added");
    }

    @Test
    @Order(5)
    @DisplayName("capacity 1 keeps only the latest key")
    @Hint("with capacity 1, every put of a new key evicts the previous one")
    @Basic
    void capacityOne() {
        SimpleCache c = factory.create(1);
        c.put("A", "1");
        c.put("B", "2");
        assertEquals(1, c.size(), "size() with capacity 1");
        assertNull(c.get("A"), "A should have been evicted");
        assertEquals("2", c.get("B"), "get(\"B\")");
    }

    @Test
    @Order(6)
    @DisplayName("put on an existing key updates it, keeps the size and makes it most recent")
    @Hint("putting a key that is already cached replaces its value, evicts nothing, and counts as a use")
    @Basic
    void updateExisting() {
        SimpleCache c = factory.create(2);
        c.put("A", "1");
        c.put("B", "2");
        c.put("A", "3");
        assertEquals(2, c.size(), "size() after updating A");
        c.put("C", "4"); // B is the least recently used now
        assertNull(c.get("B"), "B should have been evicted: A was updated after B");
        assertEquals("3", c.get("A"), "A's new value");
    }

    @Test
    @Order(7)
    @DisplayName("holds exactly capacity keys once full")
    @Hint("evict only when a NEW key arrives and the cache already holds capacity keys")
    @Basic
    void sizeInvariant() {
        SimpleCache c = factory.create(5);
        for (int i = 0; i < 20; i++) {
            c.put("k" + i, "v" + i);
            int expected = Math.min(i + 1, 5);
            if (c.size() != expected) {
                fail("after " + (i + 1) + " distinct puts on capacity 5, size() was " + c.size() + ", expected " + expected);
            }
        }
    }

    @Test
    @Order(8)
    @DisplayName("agrees with the reference LRU on 20,000 random requests")
    @Hint("replay a few requests on paper: every get or put must move the key to the most-recent end")
    void matchesReference() {
        int capacity = 50;
        SimpleCache c = factory.create(capacity);
        LruPolicy reference = new LruPolicy(capacity);
        int[] keys = Popularity.zipf(300, 0.8).trace(20_000, 7).keys();
        for (int i = 0; i < keys.length; i++) {
            String k = "k" + keys[i];
            boolean hit = c.get(k) != null;
            if (!hit) c.put(k, "v" + keys[i]);
            boolean expected = reference.access(keys[i]);
            if (hit != expected) {
                fail("request " + (i + 1) + " (key " + k + ") was a " + (hit ? "hit" : "miss") + "; LRU gives a "
                        + (expected ? "hit" : "miss"));
            }
        }
    }
}
