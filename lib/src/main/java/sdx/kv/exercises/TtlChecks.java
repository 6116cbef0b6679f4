package sdx.kv.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.core.Rng;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.kv.KvStore;
import sdx.kv.VirtualClock;

/**
 * Hidden checks of the TTL exercise: hand-worked edge cases on one key (basic), then a long random trace over
 * many keys compared step by step with the library's {@link KvStore}. The grader owns the clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TtlChecks {
    private final TtlStore.Factory factory = Grader.submission(TtlStore.Factory.class);
    private final VirtualClock clock = new VirtualClock();

    private TtlStore fresh() {
        return Objects.requireNonNull(factory.create(clock::now), "the factory returned null");
    }

    @Test
    @Order(1)
    @DisplayName("set, get and delete without TTLs")
    @Hint("get returns null for a missing key; delete removes the key and says whether it was there")
    @Basic
    void setGetDelete() {
        TtlStore s = fresh();
        assertNull(s.get("a"), "get(\"a\") on an empty store");
        s.set("a", "1");
        assertEquals("1", s.get("a"), "get(\"a\") after set(\"a\", \"1\")");
        assertTrue(s.delete("a"), "delete(\"a\") of a present key");
        assertNull(s.get("a"), "get(\"a\") after delete(\"a\")");
        assertFalse(s.delete("a"), "delete(\"a\") again");
    }

    @Test
    @Order(2)
    @DisplayName("a TTL of 500 ms set at 1000 ms: readable at 1499 ms, gone at 1500 ms")
    @Hint("the deadline is now + ttl; a key is expired when now >= deadline (not only when now > deadline)")
    @Basic
    void expiresExactlyAtDeadline() {
        TtlStore s = fresh();
        clock.advanceTo(1_000);
        s.setWithTtl("a", "1", 500);
        clock.advanceTo(1_499);
        assertEquals("1", s.get("a"), "get at 1499 ms");
        clock.advanceTo(1_500);
        assertNull(s.get("a"), "get at 1500 ms (the deadline)");
    }

    @Test
    @Order(3)
    @DisplayName("a plain set over a key with a TTL clears the TTL")
    @Hint("set(key, value) stores a key with no TTL, like Redis's SET: forget the old deadline")
    @Basic
    void plainSetClearsTtl() {
        TtlStore s = fresh();
        s.setWithTtl("a", "1", 100);
        clock.advance(50);
        s.set("a", "2");
        clock.advance(1_000);
        assertEquals("2", s.get("a"), "get 1 s after set(\"a\", \"2\") replaced a key that had a 100 ms TTL");
        assertEquals(-1, s.ttl("a"), "ttl(\"a\") of a key without TTL");
    }

    @Test
    @Order(4)
    @DisplayName("setWithTtl over a key restarts its clock from now")
    @Hint("a new setWithTtl replaces the deadline with now + ttl, even if the key already had one")
    @Basic
    void setWithTtlRestartsTheClock() {
        TtlStore s = fresh();
        s.setWithTtl("a", "1", 100);
        clock.advanceTo(80);
        s.setWithTtl("a", "2", 100);
        clock.advanceTo(150);
        assertEquals("2", s.get("a"), "get at 150 ms (set again at 80 ms with 100 ms to live)");
        clock.advanceTo(180);
        assertNull(s.get("a"), "get at 180 ms, the new deadline");
    }

    @Test
    @Order(5)
    @DisplayName("an expired key is absent to every method, not only to get")
    @Hint("check the deadline in every method (ttl, delete, persist), or remove the key the moment it expires: "
            + "whether expiry is lazy or active must not show")
    @Basic
    void expiredKeyIsAbsentEverywhere() {
        TtlStore s = fresh();
        s.setWithTtl("a", "1", 100);
        s.setWithTtl("b", "2", 100);
        s.setWithTtl("c", "3", 100);
        clock.advance(100);
        assertEquals(-2, s.ttl("a"), "ttl(\"a\") after its deadline");
        assertFalse(s.delete("b"), "delete(\"b\") after its deadline");
        assertFalse(s.persist("c"), "persist(\"c\") after its deadline");
        assertNull(s.get("c"), "get(\"c\") after persist on an expired key");
    }

    @Test
    @Order(6)
    @DisplayName("persist removes a TTL; it reports false when there was none")
    @Hint("persist on a key with a TTL makes it live forever and returns true; on a key without TTL or a "
            + "missing key it changes nothing and returns false")
    @Basic
    void persistRemovesTtl() {
        TtlStore s = fresh();
        s.setWithTtl("a", "1", 100);
        assertTrue(s.persist("a"), "persist(\"a\") of a key with a TTL");
        clock.advance(1_000);
        assertEquals("1", s.get("a"), "get 1 s after persist");
        assertFalse(s.persist("a"), "persist(\"a\") again (no TTL left)");
        assertFalse(s.persist("missing"), "persist of a missing key");
    }

    @Test
    @Order(7)
    @DisplayName("ttl: ms left, -1 without TTL, -2 when absent")
    @Hint("ttl returns deadline - now, not the deadline itself; -1 for a key without TTL, -2 for a missing key")
    @Basic
    void ttlReportsWhatIsLeft() {
        TtlStore s = fresh();
        assertEquals(-2, s.ttl("a"), "ttl of a missing key");
        s.set("a", "1");
        assertEquals(-1, s.ttl("a"), "ttl of a key without TTL");
        clock.advanceTo(100);
        s.setWithTtl("b", "2", 500);
        clock.advanceTo(200);
        assertEquals(400, s.ttl("b"), "ttl at 200 ms of a key given 500 ms at 100 ms");
    }

    @Test
    @Order(8)
    @DisplayName("agrees with the library's store on 5,000 random commands over 30 keys")
    @Hint("keep one deadline per key (a map from key to deadline), and keep it in step with every set, "
            + "setWithTtl, delete and persist")
    void matchesReferenceOnARandomTrace() {
        TtlStore s = fresh();
        KvStore reference = KvStore.unbounded(clock);
        UniformRandomProvider rng = Rng.of(11);
        for (int i = 1; i <= 5_000; i++) {
            String key = "k" + rng.nextInt(30), value = "v" + i;
            int op = rng.nextInt(6);
            String call;
            Object got, expected;
            switch (op) {
                case 0 -> { s.set(key, value); reference.put(key, value); call = "set"; got = expected = null; }
                case 1 -> {
                    long ttl = 1 + rng.nextInt(200);
                    s.setWithTtl(key, value, ttl);
                    reference.put(key, value, ttl);
                    call = "setWithTtl(" + ttl + ")";
                    got = expected = null;
                }
                case 2 -> { call = "delete"; got = s.delete(key); expected = reference.delete(key); }
                case 3 -> { call = "persist"; got = s.persist(key); expected = reference.persist(key); }
                case 4 -> { call = "ttl"; got = s.ttl(key); expected = reference.ttl(key); }
                default -> { call = "get"; got = s.get(key); expected = reference.get(key); }
            }
            if (!Objects.equals(expected, got)) {
                fail("command " + i + ", " + call + "(\"" + key + "\") at " + clock.now() + " ms returned " + got
                        + ", expected " + expected);
            }
            clock.advance(rng.nextInt(20));
        }
    }
}
