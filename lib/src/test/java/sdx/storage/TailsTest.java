package sdx.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sdx.core.Rng;

/** The seeded tail simulations agree with the closed forms in {@link Theory} and {@link TailModel}. */
class TailsTest {
    private final TailModel m = TailModel.typical();

    @Test
    void modelQuantilesInvertTheCdf() {
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) assertEquals(q, m.cdf(m.quantile(q)), 1e-9);
        // by hand: the fast half's median is ln(2 / 0.99 ...) close to ln 2 ms; p99.9 = 10 + 20 ln(10) ms up to e^-55
        assertEquals(10 + 20 * Math.log(0.01 / 0.001), m.quantile(0.999), 1e-6);
        assertEquals(0.99 * 1 + 0.01 * 30, m.mean(), 1e-12);
    }

    @Test
    void percentilesMatchTheModel() {
        Tails.Percentiles p = Tails.percentiles(m, 1_000_000, Rng.DEFAULT_SEED);
        // mean of 10^6 draws: sd = sqrt(var / n) with var about 0.99 + 0.01 * (30^2 + 400) ~ 14 ms^2 -> 0.004 ms; 5 sd
        assertEquals(m.mean(), p.meanMs(), 0.02);
        // quantiles: HdrHistogram keeps 3 digits (0.1%), and the sampling error of the q-quantile is
        // sqrt(q(1-q)/n) / f(x); at p99.9, f = 0.001/20 per ms -> 0.6 ms sd; 3% + 0.01 ms covers all four by > 3 sd
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double t = m.quantile(q);
            assertEquals(t, p.measured(q), 0.03 * t + 0.01, "q = " + q);
        }
        assertTrue(p.meanMs() > p.measured(0.5) * 1.5, "the mean sits well above the median");
    }

    @Test
    void fanOutSlowShareFollowsOneMinusPowerWithinBinomialTolerance() {
        int requests = 20_000;
        Tails.FanOutCurve c = Tails.fanOut(m, Storage.SERVERS, requests, Rng.DEFAULT_SEED);
        double[] t = c.slowShareTheory();
        for (int i = 0; i < t.length; i++) {
            // each request is slow independently with probability t: binomial sd = sqrt(t(1-t)/R); 4 sd
            // (over 8 fan-outs a false alarm has probability < 1e-3)
            double sd = Math.sqrt(t[i] * (1 - t[i]) / requests);
            assertEquals(t[i], c.slowShare()[i], 4 * sd + 1e-9, "n = " + Storage.SERVERS[i]);
            assertEquals(1 - Math.pow(0.99, Storage.SERVERS[i]), t[i], 1e-12);
        }
    }

    @Test
    void fanOutP99FollowsTheMaximumsQuantile() {
        Tails.FanOutCurve c = Tails.fanOut(m, new int[] {1, 10, 100}, 100_000, Rng.DEFAULT_SEED);
        double[] t = c.p99Theory();
        for (int i = 0; i < t.length; i++) {
            // the p99 of 10^5 requests: 1,000 above it; in the slow exponential tail its sd is ~ 20 ms / sqrt(1000)
            // ~ 0.6 ms at n >= 10 (and 0.1 ms at n = 1 where the CDF is steep): 3 ms is > 4 sd
            assertEquals(t[i], c.p99Ms()[i], 3.0, "n = " + c.servers()[i]);
        }
    }

    @Test
    void hedgingCutsTheTailAtTheExpectedLoad() {
        Tails.Hedging h = Storage.hedged(m, 10, 95, 50_000, Rng.DEFAULT_SEED);
        // extra load = 1 - F(p95) = 0.05 exactly; 5*10^5 sub-requests: sd = 0.0003; 0.002 is > 6 sd
        assertEquals(0.05, h.extraLoad(), 0.002);
        assertEquals(0.05, Theory.hedgeLoad(m, m.quantile(0.95)), 1e-9);
        assertTrue(h.hedgedP99() < 0.5 * h.plainP99(), h.table().print());
        // hedged p99 vs its exact value (same sampling argument as above, but the hedged tail is steeper)
        double exact = Theory.hedgedFanOutQuantile(m, 10, m.quantile(0.95), 0.99);
        assertEquals(exact, h.hedgedP99(), 0.05 * exact + 0.05);
    }

    @Test
    void neverHedgingChangesNothing() {
        Tails.Hedging h = Tails.hedged(m, 5, Double.POSITIVE_INFINITY, 5_000, 3);
        assertEquals(0, h.extraLoad());
        for (int i = 0; i < h.plainMs().length; i++) assertEquals(h.plainMs()[i], h.hedgedMs()[i]);
    }

    @Test
    void sameSeedSameNumbers() {
        assertEquals(Tails.fanOut(m, new int[] {3}, 5_000, 9).p99Ms()[0], Tails.fanOut(m, new int[] {3}, 5_000, 9).p99Ms()[0]);
    }
}
