package sdx.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KvStoreTest {

    @Test
    void ttlBoundaryWorkedByHand() {
        VirtualClock clock = new VirtualClock();
        KvStore s = KvStore.unbounded(clock);
        s.put("session:1", "alice", 1_000);
        clock.advance(999);
        assertEquals("alice", s.get("session:1"));
        assertEquals(1, s.ttl("session:1"));
        clock.advance(1);
        assertNull(s.get("session:1"));
        assertEquals(-2, s.ttl("session:1"));
        assertEquals(1, s.expiredLazily());
    }

    @Test
    void plainPutClearsTtlAndPersistKeepsTheKey() {
        VirtualClock clock = new VirtualClock();
        KvStore s = KvStore.unbounded(clock);
        s.put("a", "1", 100);
        s.put("a", "2");
        assertEquals(-1, s.ttl("a"));
        s.put("b", "1", 100);
        assertTrue(s.persist("b"));
        assertFalse(s.persist("b"));
        clock.advance(1_000);
        assertEquals("2", s.get("a"));
        assertEquals("1", s.get("b"));
        assertTrue(s.expire("b", 10));
        clock.advance(10);
        assertFalse(s.delete("b"));
    }

    /**
     * Budget of three entries of equal size: put A B C, read A, put D. By hand: B is the least recently used, so
     * it is the one evicted; bytes stay within the budget.
     */
    @Test
    void lruEvictionAtTheBudgetWorkedByHand() {
        VirtualClock clock = new VirtualClock();
        long entry = KvStore.entryBytes("user:A", "x".repeat(100));
        KvStore s = new KvStore(clock, 3 * entry, 1);
        for (String k : List.of("A", "B", "C")) s.put("user:" + k, "x".repeat(100));
        s.get("user:A");
        s.put("user:D", "x".repeat(100));
        assertEquals(List.of("user:C", "user:A", "user:D"), s.keysLruFirst());
        assertEquals(1, s.evictions());
        assertEquals(3 * entry, s.bytesUsed());
        assertTrue(s.bytesUsed() <= 3 * entry);
    }

    @Test
    void bytesAreKeyPlusValuePlusOverhead() {
        assertEquals(2 + 3 + KvStore.ENTRY_OVERHEAD_BYTES, KvStore.entryBytes("ab", "xyz"));
        assertEquals(1 + 2 + KvStore.ENTRY_OVERHEAD_BYTES, KvStore.entryBytes("a", "é"), "UTF-8 bytes, not chars");
    }

    @Test
    void activeExpiryDeletesKeysNobodyReads() {
        VirtualClock clock = new VirtualClock();
        KvStore s = KvStore.unbounded(clock);
        for (int i = 0; i < 1_000; i++) s.put("k" + i, "v", 100);
        for (int i = 0; i < 100; i++) s.put("forever" + i, "v");
        clock.advance(100);
        int deleted = 0;
        for (int c = 0; c < 200 && s.size() > 100; c++) deleted += s.activeExpireCycle();
        assertEquals(1_000, deleted);
        assertEquals(100, s.size());
        assertEquals(1_000, s.expiredActively());
    }

    /**
     * Little's law: with w keys a second living T seconds, w·T keys are live; the sampler's mean-field steady
     * state (Theory.keysWithActiveExpiry) adds the expired share it tolerates. Lazy expiry alone (few reads) holds
     * nearly every key ever written. Tolerance 5%: the steady state averages 30 one-second points, each off by a
     * few percent through the noise of 20-key samples, and the mean-field estimate ignores that the share moves
     * during a cycle.
     */
    @Test
    void activeExpiryStaysNearLittlesLaw() {
        ExpiryRun r = ExpiryRun.simulate(1_000, 10, 100, 60, 42);
        double live = Theory.liveKeys(1_000, 10), bound = Theory.keysWithActiveExpiry(1_000, 10);
        assertTrue(r.activeSteadyState() > live, "steady state " + r.activeSteadyState() + " vs " + live);
        assertEquals(bound, r.activeSteadyState(), 0.05 * bound, "steady state vs the sampler's theory");
        double[] lazy = r.lazyOnly();
        assertTrue(lazy[60] > 0.9 * 60_000, "lazy only keeps nearly every key: " + lazy[60]);
        assertEquals(r.activeSteadyState(), ExpiryRun.simulate(1_000, 10, 100, 60, 42).activeSteadyState(), "seeded");
        assertEquals(4, r.plot().seriesCount());
    }

    @Test
    void badInputIsNamed() {
        VirtualClock clock = new VirtualClock();
        KvStore s = new KvStore(clock, 100, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> s.put("k", "x".repeat(100)));
        assertTrue(e.getMessage().contains("budget of 100 bytes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.put("k", "v", 0));
        assertTrue(e.getMessage().contains("ttlMillis must be >= 1, was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> clock.advance(-1));
        assertTrue(e.getMessage().contains("millis must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExpiryRun.simulate(5, 10, 0, 10, 1));
        assertTrue(e.getMessage().contains("keysPerSecond must be in [10, 10000], was 5"), e.getMessage());
    }
}
