package sdx.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.core.Trace;

class CachingTest {

    /** The notebook's first experiment, worked out by hand in the notebook's text. */
    @Test
    void handTraceReplay() {
        Replay r = Caching.replay(new LruPolicy(2), "A B A C A");
        assertEquals(2, r.hits());
        assertEquals(3, r.misses());
        assertEquals(1, r.evictions());
        assertEquals(List.of("A", "C"), r.steps().get(3).cacheAfter());
        assertEquals(List.of("B"), r.steps().get(3).evicted());
        assertEquals(5, r.table().rowCount());
        assertTrue(r.table().name().contains("2 hits, 3 misses, 1 eviction"), r.table().name());
    }

    @Test
    void parseRejectsWhatIsNotALetter() {
        assertArrayEquals(new int[] {0, 1, 25}, Replay.parse(" A  B Z "));
        var e = assertThrows(IllegalArgumentException.class, () -> Replay.parse("A b"));
        assertTrue(e.getMessage().contains("capital letters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Replay.parse("  "));
    }

    @Test
    void sameSeedSameCurve() {
        Popularity pop = Popularity.zipf(2_000, 0.9);
        double[] sizes = {1, 10, 50};
        HitRatioCurve a = Caching.hitRatioCurve(pop, 40_000, 3, sizes, Policy.FIFO, Policy.LRU, Policy.LFU);
        HitRatioCurve b = Caching.hitRatioCurve(pop, 40_000, 3, sizes, Policy.FIFO, Policy.LRU, Policy.LFU);
        for (Policy p : List.of(Policy.FIFO, Policy.LRU, Policy.LFU)) assertArrayEquals(a.of(p), b.of(p));
        HitRatioCurve c = Caching.hitRatioCurve(pop, 40_000, 4, sizes, Policy.LRU);
        assertTrue(c.of(Policy.LRU)[0] != a.of(Policy.LRU)[0], "another seed, another trace");
    }

    /**
     * Caffeine's admission draws from an unseeded ThreadLocalRandom, so it is compared across runs
     * within a tolerance instead of exactly: rounded to 3 decimals, five runs stay within 0.005.
     */
    @Test
    void caffeineRepeatsWithinTolerance() {
        Popularity pop = Popularity.zipf(10_000, 0.8);
        double min = 1, max = 0;
        for (int run = 0; run < 5; run++) {
            double h = Caching.hitRatio(Policy.CAFFEINE, pop, 10, 200_000, 42);
            min = Math.min(min, h);
            max = Math.max(max, h);
        }
        assertTrue(max - min <= 0.005, "spread " + (max - min));
    }

    @Test
    void hitRatioOfAGivenTrace() {
        Trace t = Trace.of("loop", 3, 0, 1, 2, 0, 1, 2, 0, 1, 2);
        assertEquals(1.0, Caching.hitRatio(new LruPolicy(3), t, 3));
        assertEquals(0.0, Caching.hitRatio(new LruPolicy(2), t, 3));
        assertThrows(IllegalArgumentException.class, () -> Caching.hitRatio(new LruPolicy(2), t, 9));
    }

    @Test
    void tablesAndPlotsHaveEverySeries() {
        HitRatioCurve curve = Caching.hitRatioCurve(Popularity.zipf(1_000, 0.8), 20_000, 1);
        assertEquals(4 + 4, curve.plot().seriesCount());
        assertEquals(Caching.SIZES.length, curve.table().rowCount());
        LatencyCurve lat = Caching.latencyCurve(Popularity.zipf(1_000, 0.8), LatencyModel.typical(), 20_000, 1);
        assertEquals(6, lat.plot().seriesCount());
        assertEquals(Caching.LATENCY_SIZES.length, lat.table().rowCount());
        assertEquals(4, Caching.latencyCdf(Popularity.zipf(1_000, 0.8), LatencyModel.typical(), 10, 20_000, 1)
                .plot().seriesCount());
    }

    @Test
    void rejectsBadArguments() {
        Popularity pop = Popularity.zipf(100, 1);
        assertThrows(IllegalArgumentException.class, () -> Popularity.zipf(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Popularity.zipf(10, -0.1));
        assertThrows(IllegalArgumentException.class, () -> pop.capacityFor(0));
        assertThrows(IllegalArgumentException.class, () -> Caching.hitRatioCurve(pop, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Caching.hitRatioCurve(pop, 100, 1, new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> Caching.hitRatioCurve(pop, 100, 1, new double[] {10}));
        assertThrows(IllegalArgumentException.class, () -> Caching.replay(null, "A"));
    }
}
