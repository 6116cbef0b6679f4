package sdx.dcache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Notebook 14's experiments against their theory, and their edge cases. */
class DistributedCacheTest {

    /**
     * Keys moved on a ring vs 1/n. A node's share of a ring with 100 vnodes varies by about 1/sqrt(100) = 10%
     * from ring to ring; the mean of 30 rings by about 1.8%, and counting 10,000 keys adds under 1%: 8% is
     * about four standard deviations. Modulo hashing moves 1 - 1/n up to key sampling (sd under 0.005).
     */
    @Test
    void keysMovedAgreeWithTheory() {
        KeyMoves m = KeyMoves.run(10, 100, 10_000, 30, 7);
        assertTrue(m.maxRelativeError() < 0.08, "max relative error " + m.maxRelativeError());
        double[] mod = m.modulo(), theory = m.theoryModulo();
        for (int i = 0; i < mod.length; i++) assertEquals(theory[i], mod[i], 0.02, "mod n at n = " + m.sizes()[i]);
    }

    @Test
    void theoryByHand() {
        assertEquals(0.25, Theory.movedConsistent(4), 1e-12);
        assertEquals(0.75, Theory.movedModulo(4), 1e-12);
        assertEquals(6.0, Theory.stampedeLoads(100, 0.05), 1e-12);
        // 20 servers, 200 reads/s of one key: 10/s each; TTL 0.1 s: 10 / (1 + 1) = 5 fetches/s each, 100 in all
        assertEquals(100.0, Theory.nearCacheFetchRate(200, 20, 0.1), 1e-9);
        assertEquals(200.0, Theory.nearCacheFetchRate(200, 20, 0), 1e-9);
    }

    /**
     * Loads per expiry with no protection vs 1 + λδ: each expiry's count is 1 + Poisson(λδ), so the mean of 200
     * has a standard deviation of sqrt(λδ/200), at most 2% of 1 + λδ here: 10% is over four of them. Single
     * flight loads exactly once; early expiration loads far less than no protection once λδ is large.
     */
    @Test
    void stampedeAgreesWithTheory() {
        Stampede s = Stampede.run(new double[] {2, 20, 200, 1000}, 1.0, 200, 3);
        double[] none = s.loads(Protection.NONE), theory = s.theoryNone();
        for (int i = 0; i < none.length; i++) assertEquals(theory[i], none[i], 0.1 * theory[i], "rate " + s.rates()[i]);
        for (double v : s.loads(Protection.SINGLE_FLIGHT)) assertEquals(1.0, v, 1e-12);
        double[] early = s.loads(Protection.EARLY_EXPIRATION);
        assertTrue(early[3] < none[3] / 5, "early expiration " + early[3] + " vs none " + none[3]);
        assertTrue(s.waits(Protection.EARLY_EXPIRATION)[3] < 0.5, "readers waiting with early expiration");
    }

    /**
     * The busiest node vs the exact expectation. Its Poisson count over the run has a standard deviation
     * under 2%; near-caches start empty, which the steady-state model does not count (a few % at TTL 1 s):
     * 8% and 4% leave room for both.
     */
    @Test
    void hotKeysAgreeWithTheModel() {
        HotKeyCurve near = HotKeys.nearCache(new double[] {0, 0.1, 1}, 5);
        assertTrue(near.maxRelativeError() < 0.08, "near-cache: " + near.maxRelativeError());
        HotKeyCurve copies = HotKeys.replicas(new int[] {1, 3, 10}, 5);
        assertTrue(copies.maxRelativeError() < 0.04, "copies: " + copies.maxRelativeError());
        assertTrue(near.measured()[2] < near.measured()[0] / 2, "a 1 s near-cache halves the busiest node's load at least");
    }

    @Test
    void aDeathCausesAMissStormAndSecondCopiesSoftenAJoin() {
        MissStorm death = MissStorm.run(8, Change.DEATH, new int[] {1}, 11);
        double before = death.meanRate(0, MissStorm.CHANGE_SEC - 1, MissStorm.CHANGE_SEC);
        assertTrue(death.peakAfter(0) > 1.2 * before, "peak " + death.peakAfter(0) + " vs before " + before);
        MissStorm join = MissStorm.run(8, Change.JOIN, new int[] {1, 2}, 11);
        double spike1 = join.peakAfter(0) / join.meanRate(0, MissStorm.CHANGE_SEC - 1, MissStorm.CHANGE_SEC);
        double spike2 = join.peakAfter(1) / join.meanRate(1, MissStorm.CHANGE_SEC - 1, MissStorm.CHANGE_SEC);
        assertTrue(spike2 < spike1, "relative spike with 2 copies " + spike2 + " vs 1 copy " + spike1);
    }

    @Test
    void sameSeedSameNumbers() {
        assertArrayEquals(MissStorm.run(4, Change.DEATH, new int[] {1}, 3).dbReads()[0],
                MissStorm.run(4, Change.DEATH, new int[] {1}, 3).dbReads()[0]);
        assertArrayEquals(Stampede.run(new double[] {50}, 1, 50, 3).loads(Protection.EARLY_EXPIRATION),
                Stampede.run(new double[] {50}, 1, 50, 3).loads(Protection.EARLY_EXPIRATION));
    }

    @Test
    void leasesPreventEveryStaleSet() {
        StaleSet.Count c = StaleSet.count(200);
        assertTrue(c.without() > 0, "the race happens without leases");
        assertEquals(0, c.with(), "no stale value with leases");
        long seed = StaleSet.firstStaleSeed();
        StaleSet.Run stale = StaleSet.run(false, seed);
        assertTrue(stale.stale(), stale.toString());
        assertEquals("old", stale.cached());
        assertEquals("new", stale.stored());
        StaleSet.Run fixed = StaleSet.run(true, seed);
        assertTrue(!fixed.stale(), fixed.toString());
        assertTrue(stale.trace().size() > 8, "the trace holds the messages");
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> DistributedCache.missStorm(1, Change.JOIN, 1));
        assertTrue(e.getMessage().contains("nodes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MissStorm.run(3, Change.JOIN, new int[] {3}, 1));
        assertTrue(e.getMessage().contains("copies"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributedCache.stampede(new double[] {-1}, 1));
        assertTrue(e.getMessage().contains("rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributedCache.nearCache(new double[] {-1}, 1));
        assertTrue(e.getMessage().contains("ttlSec"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributedCache.staleSets(0));
        assertTrue(e.getMessage().contains("seeds"), e.getMessage());
    }
}
