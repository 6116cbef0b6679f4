package sdx.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TheoryTest {
    private static final int KEYS = 10_000, REQUESTS = 200_000;

    @Test
    void uniformTheoryIsCapacityOverKeys() {
        double[] p = Popularity.uniform(1_000).probabilities();
        for (int c : new int[] {1, 10, 100, 500, 999}) {
            assertEquals(c / 1000.0, Theory.lru(p, c), 1e-9, "LRU C=" + c);
            assertEquals(c / 1000.0, Theory.fifo(p, c), 1e-9, "FIFO C=" + c);
            assertEquals(c / 1000.0, Theory.upperBound(p, c), 1e-9, "bound C=" + c);
        }
        assertEquals(1.0, Theory.lru(p, 1000));
    }

    /**
     * Uniform keys: LRU's hit ratio is C/n. Over 200,000 independent requests the binomial standard
     * deviation is sqrt(0.1 * 0.9 / 200,000) = 0.00067, so 0.005 is more than 7 of them.
     */
    @Test
    void uniformLruHitRatioIsCapacityOverKeys() {
        double h = Caching.hitRatio(Policy.LRU, Popularity.uniform(1_000), 10, REQUESTS, 42);
        assertEquals(0.1, h, 0.005);
    }

    /**
     * Che's approximation vs simulation, n = 10,000 keys, 200,000 measured requests after 50,000 of
     * warm-up. Tolerance 0.01 for LRU: Che's approximation itself is within about 0.005 of exact LRU for
     * Zipf popularity at this size (Fricker, Robert and Roberts 2012 show it becomes exact as n grows),
     * and the measurement's noise is a few times the binomial 0.001 (hits are correlated through the
     * cache contents). Observed: at most 0.0021 over these skews and sizes, except s = 1.2 at 50%, where
     * the cache has not filled after warm-up (compulsory misses, see {@link HitRatioCurve}): 0.0057.
     * FIFO's approximation is coarser (Martina et al. report errors of a few thousandths to 0.01 on
     * Zipf): 0.01 as well, observed at most 0.003.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.6, 0.8, 1.0, 1.2})
    void lruAgreesWithChe(double skew) {
        HitRatioCurve curve = Caching.hitRatioCurve(Popularity.zipf(KEYS, skew), REQUESTS, 42,
                new double[] {1, 5, 10, 30, 50}, Policy.FIFO, Policy.LRU);
        assertTrue(curve.maxLruError() <= 0.01, "max |LRU - Che| = " + curve.maxLruError());
        double[] fifo = curve.of(Policy.FIFO);
        for (int i = 0; i < fifo.length; i++) {
            assertEquals(curve.fifoTheory()[i], fifo[i], 0.01, "FIFO at " + curve.percents()[i] + "%");
        }
    }

    /**
     * No online policy beats the top-C mass under independent requests. Allowance 0.005: the
     * measured hit ratio of a policy that held exactly the top C keys would scatter around the bound
     * with standard deviation sqrt(h(1-h)/200,000) <= 0.0012, and 0.005 is 4 of them.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.6, 0.8, 1.0, 1.2})
    void noPolicyBeatsTheUpperBound(double skew) {
        HitRatioCurve curve = Caching.hitRatioCurve(Popularity.zipf(KEYS, skew), REQUESTS, 42, Caching.SIZES,
                Policy.values());
        for (Policy policy : Policy.values()) {
            double[] h = curve.of(policy);
            for (int i = 0; i < h.length; i++) {
                assertTrue(h[i] <= curve.upperBound()[i] + 0.005,
                        policy + " at " + curve.percents()[i] + "%: " + h[i] + " > bound " + curve.upperBound()[i]);
            }
        }
        // Bélády's offline optimum knows the future, so it beats every online policy on the same trace.
        for (Policy policy : Policy.values()) {
            double[] h = curve.of(policy);
            for (int i = 0; i < h.length; i++) assertTrue(h[i] <= curve.belady()[i], policy + " above Bélády");
        }
        // The ordering the notebook teaches: FIFO <= LRU <= LFU at every size, for these traces.
        double[] fifo = curve.of(Policy.FIFO), lru = curve.of(Policy.LRU), lfu = curve.of(Policy.LFU);
        for (int i = 0; i < lru.length; i++) {
            assertTrue(fifo[i] < lru[i] && lru[i] < lfu[i], "FIFO < LRU < LFU at " + curve.percents()[i] + "%");
        }
    }

    /**
     * Compulsory misses: the first request for a key misses in any cache, so even Bélády's offline
     * optimum stays at or under 1 - (share of first requests), and reaches it exactly once the cache
     * can hold every key the trace asks for (s = 1.2 at 50% of 10,000 keys: the measured requests
     * name fewer distinct keys than the cache holds). Exact, so no tolerance beyond rounding.
     */
    @Test
    void beladyStopsAtTheColdMissCeiling() {
        HitRatioCurve curve = Caching.hitRatioCurve(Popularity.zipf(KEYS, 1.2), 100_000, 42, Caching.SIZES, Policy.LRU);
        for (int i = 0; i < curve.belady().length; i++) assertTrue(curve.belady()[i] <= curve.coldCeiling() + 1e-12);
        assertEquals(curve.coldCeiling(), curve.belady()[curve.belady().length - 1], 1e-12);
        // ... which is below the steady-state upper bound: the reason the notebook's s = 1.2 chart crosses.
        assertTrue(curve.coldCeiling() < curve.upperBound()[curve.upperBound().length - 1]);
    }

    @Test
    void characteristicTimeFillsTheCache() {
        double[] p = Popularity.zipf(1_000, 0.9).probabilities();
        double t = Theory.characteristicTime(p, 100);
        double filled = 0;
        for (double pk : p) filled += 1 - Math.exp(-pk * t);
        assertEquals(100, filled, 1e-6);
    }

    @Test
    void rejectsBadArguments() {
        double[] p = Popularity.uniform(10).probabilities();
        assertThrows(IllegalArgumentException.class, () -> Theory.lru(p, 0));
        assertThrows(IllegalArgumentException.class, () -> Theory.lru(new double[] {0.5, 0.6}, 1));
        assertThrows(IllegalArgumentException.class, () -> Theory.characteristicTime(p, 10));
        assertThrows(IllegalArgumentException.class, () -> Theory.upperBound(null, 1));
    }
}
