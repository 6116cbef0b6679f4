package sdx.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdx.core.Rng;

class LatencyTest {
    private static final LatencyModel MODEL = LatencyModel.typical();
    private static final Popularity ZIPF = Popularity.zipf(10_000, 0.8);

    @Test
    void percentileInvertsTheCdf() {
        for (double h : new double[] {0, 0.3, 0.9, 0.995}) {
            for (double q : new double[] {50, 90, 99}) {
                assertEquals(q / 100, MODEL.cdf(h, MODEL.percentileMicros(h, q)), 1e-6, "h=" + h + " q=" + q);
            }
        }
        // Without a cache, the p99 sits in the slow path: half of its 2% share lies above its median.
        assertEquals(20_000, MODEL.percentileMicros(0, 99), 200);
    }

    @Test
    void samplersFollowTheModel() {
        var store = MODEL.misses(Rng.of(1));
        int n = 400_000, below = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = store.sample();
            sum += x;
            if (x <= 2_000) below++;
        }
        // Mean of a long-tailed mixture: relative sd ~ 2.6 / sqrt(400,000) = 0.4%, allow 2%.
        assertEquals(MODEL.meanMicros(0), sum / n, 0.02 * MODEL.meanMicros(0));
        // A share: binomial sd 0.0005, allow 0.003.
        assertEquals(MODEL.cdf(0, 2_000), below / (double) n, 0.003);
    }

    /**
     * Simulated latency vs the model at the measured hit ratio. Hit/miss and latency draws are
     * independent, so the measured distribution is the model's mixture up to sampling noise. Mean: 3%
     * (the tail makes the mean's relative sd about 0.6% at 200,000 requests, plus HdrHistogram's 0.1%).
     * p50 and p99: 15%, because where the mixture's density is thin (the p99 falls at the slow path's
     * lower edge for mid hit ratios) a 2% error in the count of slow requests moves the percentile by
     * about 5% (observed up to 7%). Latencies are whole microseconds, so never less than 1 µs.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 5, 25, 75})
    void simulationAgreesWithModel(double percent) {
        LatencyRun run = Caching.latency(ZIPF, MODEL, percent, 200_000, 42);
        double h = run.hitRatio();
        assertEquals(MODEL.meanMicros(h), run.mean(), 0.03 * MODEL.meanMicros(h));
        assertEquals(MODEL.percentileMicros(h, 50), run.p50(), tolerance(MODEL.percentileMicros(h, 50)));
        assertEquals(MODEL.percentileMicros(h, 99), run.p99(), tolerance(MODEL.percentileMicros(h, 99)));
    }

    /** 15%, but at least 1 µs: latencies are recorded in whole microseconds. */
    private static double tolerance(double micros) {
        return Math.max(1.0, 0.15 * micros);
    }

    @Test
    void p99OnlyDropsToHitLatencyWhenMissesAreUnderOnePercent() {
        assertTrue(MODEL.percentileMicros(0.985, 99) > 100, "1.5% misses: p99 is still a store read");
        assertTrue(MODEL.percentileMicros(0.995, 99) < 10, "0.5% misses: p99 is a hit");
    }

    @Test
    void sameSeedSameLatencies() {
        LatencyRun a = Caching.latency(ZIPF, MODEL, 10, 50_000, 7), b = Caching.latency(ZIPF, MODEL, 10, 50_000, 7);
        assertEquals(a.summary(), b.summary());
        assertTrue(java.util.Arrays.equals(a.samples(), b.samples()));
        LatencyRun c = Caching.latency(ZIPF, MODEL, 10, 50_000, 8);
        assertTrue(a.mean() != c.mean(), "another seed, other numbers");
    }

    @Test
    void smallestCacheMeetsTheTargetAndOneLessDoesNot() {
        Popularity pop = Popularity.zipf(10_000, 1.0);
        int pct = Caching.smallestCacheFor(pop, MODEL, 3_000, 100_000, 42);
        assertTrue(pct > 1 && pct < 100, "answer " + pct);
        assertTrue(Caching.latency(pop, MODEL, pct, 100_000, 42).p99() <= 3_000);
        assertTrue(Caching.latency(pop, MODEL, pct - 1, 100_000, 42).p99() > 3_000);
        assertEquals(-1, Caching.smallestCacheFor(pop, MODEL, 1, 100_000, 42), "1 µs is out of reach");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyModel(0, 0.3, 1000, 0.5, 0.02, 20000, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new LatencyModel(2, 0.3, 1000, 0.5, 1.5, 20000, 0.5));
        assertThrows(IllegalArgumentException.class, () -> MODEL.percentileMicros(1.2, 99));
        assertThrows(IllegalArgumentException.class, () -> Caching.latency(ZIPF, MODEL, 101, 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> Caching.latencyCdf(ZIPF, MODEL, 0, 1000, 1));
    }
}
