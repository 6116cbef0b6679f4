package sdx.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** TTL, invalidation, refresh-ahead against the renewal-argument theory; write strategies by hand. */
class FreshnessTest {

    /**
     * Simulation vs theory, 200,000 reads after warm-up. Hit ratios: the misses are about 6,000 to
     * 110,000 renewal cycles, so the binomial noise is at most about 0.002; tolerance 0.005. Stale
     * shares: stale reads come in runs (every hit on an outdated entry until it expires), so the
     * independent unit is a cycle, not a read; with a few thousand cycles at the longest TTL the noise
     * is about 0.006, and 0.02 is three of those. Observed: hits within 0.001, stale within 0.012.
     * Invalidation on update makes stale reads impossible here: exactly 0.
     */
    @Test
    void ttlAndInvalidationAgreeWithTheory() {
        double[] ttls = {0.3, 1, 3, 10, 30};
        Freshness f = Freshness.run(Popularity.zipf(1_000, 0.8), 1_000, 0.05, ttls, 200_000, 42);
        for (int i = 0; i < ttls.length; i++) {
            assertEquals(f.hitTheory()[0][i], f.hit()[0][i], 0.005, "TTL hits at " + ttls[i]);
            assertEquals(f.staleTheory()[0][i], f.stale()[0][i], 0.02, "TTL stale at " + ttls[i]);
            assertEquals(f.hitTheory()[1][i], f.hit()[1][i], 0.005, "invalidate hits at " + ttls[i]);
            assertEquals(0.0, f.stale()[1][i], "no stale read after invalidation");
            assertTrue(f.hit()[2][i] > f.hit()[0][i], "refresh-ahead hides expiries");
            if (i > 0) assertTrue(f.stale()[0][i] > f.stale()[0][i - 1], "a longer TTL serves staler data");
        }
        assertThrows(IllegalArgumentException.class, () -> Freshness.run(Popularity.zipf(10, 1), 1, 0.1, new double[] {0}, 1_000, 1));
    }

    /** The theory on one key, worked by hand: r = 2/s, u = 0.5/s, T = 1 s. */
    @Test
    void theoryOnOneKey() {
        double[] t = Freshness.theory(new double[] {1.0}, 2, 0.5, 1);
        assertEquals(2.0 / 3, t[0], 1e-12);                               // rT/(1+rT)
        assertEquals(2 * (1 - (1 - Math.exp(-0.5)) / 0.5) / 3, t[1], 1e-12); // r(T - (1-e^-uT)/u)/(1+rT)
        double a = 2 * (1 - Math.exp(-0.5)) / 0.5;
        assertEquals(a / (1 + a), t[2], 1e-12);
    }

    @Test
    void writeStrategiesCountWhatTheyPromise() {
        WritePolicies w = WritePolicies.run(Popularity.zipf(10_000, 0.8), 10, 100_000, 0.2, 42);
        var through = w.rows().get(WritePolicies.Strategy.WRITE_THROUGH);
        var around = w.rows().get(WritePolicies.Strategy.WRITE_AROUND);
        var back = w.rows().get(WritePolicies.Strategy.WRITE_BACK);
        assertEquals(through.storeWrites(), around.storeWrites(), "both write every update to the store");
        assertEquals(through.storeWrites(), through.writesWaitingForStore());
        assertEquals(0, back.writesWaitingForStore());
        assertTrue(back.storeWrites() < through.storeWrites(), "write-back coalesces repeated writes");
        assertTrue(back.dirtyAtEnd() > 0 && back.dirtyAtEnd() <= w.capacity());
        assertTrue(around.readHitRatio() < through.readHitRatio(), "write-around turns reads-after-writes into misses");
        // LRU order depends only on which keys are touched, and write-through touches exactly what write-back does.
        assertEquals(through.readHitRatio(), back.readHitRatio());
        assertEquals(3, w.table().rowCount());
    }
}
