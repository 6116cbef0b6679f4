package sdx.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sdx.sim.Time;

/** The model agrees with the theory where theory exists. */
class ProxyTheoryTest {

    @Test
    void fluidLimitPredictsTheFullestBin() {
        // Mean over 20 seeds; the max load is an integer whose spread across seeds is about ±1, so the mean
        // of 20 is within ~0.25 of its expectation; the fluid limit plus Poisson tail is accurate to ~0.3 at
        // n >= 1,000: 0.6 covers both.
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            for (int d = 1; d <= 3; d++) {
                double measured = BallsIntoBins.meanMaxLoad(n, d, 20, 7);
                assertEquals(Theory.maxLoad(n, n, d), measured, 0.6, "n=" + n + " d=" + d);
            }
        }
    }

    @Test
    void twoChoicesBeatOneByAWideMargin() {
        int n = 100_000;
        assertTrue(BallsIntoBins.meanMaxLoad(n, 2, 5, 1) + 3 <= BallsIntoBins.meanMaxLoad(n, 1, 5, 1));
    }

    @Test
    void busiestOfRandomMatchesSimulation() {
        // 10,000 requests over 100 backends, 200 seeds: the mean max has a standard error of about 0.5; the
        // independence approximation is good to well under 1 %. 1.5 requests covers both.
        double sum = 0;
        for (int seed = 0; seed < 200; seed++) {
            int[] load = new int[100];
            var r = sdx.core.Rng.of(seed);
            for (int i = 0; i < 10_000; i++) load[r.nextInt(100)]++;
            sum += Arrays.stream(load).max().getAsInt();
        }
        assertEquals(Theory.busiestOfRandom(10_000, 100), sum / 200, 1.5);
    }

    @Test
    void randomSplitMatchesMM1() {
        // 40,000 requests at low-to-moderate load: the mean of exponential-ish latencies has a relative
        // standard error of ~1-2 % there, autocorrelation in the queue widens it; 8 % is a safe bound.
        double[] speeds = {1, 1, 2, 4};
        for (double load : new double[] {0.2, 0.3}) {
            ModelRun r = LoadBalancerModel.of(Policy.RANDOM).speeds(speeds).load(load).requests(30_000).seed(3).run();
            double theory = Theory.randomSplitMeanMs(speeds, load);
            assertEquals(theory, r.meanMs(), 0.08 * theory, "load " + load);
        }
    }

    @Test
    void leastOutstandingBeatsRandomOnUnequalBackends() {
        double[] speeds = {1, 1, 2, 4};
        ModelRun random = LoadBalancerModel.of(Policy.RANDOM).speeds(speeds).load(0.4).requests(20_000).run();
        ModelRun lor = LoadBalancerModel.of(Policy.LEAST_OUTSTANDING).speeds(speeds).load(0.4).requests(20_000).run();
        ModelRun two = LoadBalancerModel.of(Policy.TWO_CHOICES).speeds(speeds).load(0.4).requests(20_000).run();
        assertTrue(lor.meanMs() < 0.7 * random.meanMs(), lor.meanMs() + " vs " + random.meanMs());
        assertTrue(lor.p99Ms() < random.p99Ms());
        assertTrue(two.meanMs() < random.meanMs());
    }

    @Test
    void activeHealthCheckLosesWhatTheoryPredicts() {
        // Mean over 20 seeds of the failures after a crash under round robin (share 1/4). The detection delay is
        // uniform over an interval (the probes' phase is random), so one run's count spreads over 0..2x its
        // mean: 20 seeds give a standard error of about 13 % of the mean; 25 % of the theory plus 2 requests
        // covers that and the M/M/1 queue term's approximation.
        for (long interval : new long[] {Time.ms(50), Time.ms(200), Time.ms(1_000)}) {
            double sum = 0;
            LoadBalancerModel m = LoadBalancerModel.of(Policy.ROUND_ROBIN).load(0.5).requests(3_000)
                    .crash(1, Time.ms(300)).probeEvery(interval).timeout(Time.ms(200));
            for (int seed = 0; seed < 20; seed++) sum += m.seed(seed).run().failed();
            double theory = Theory.failedBeforeActiveEjection(m.arrivalsPerSecond(), 0.25, interval / 1000.0, 5, 0.5);
            assertEquals(theory, sum / 20, 0.25 * theory + 2, "interval " + interval);
        }
    }

    @Test
    void passiveHealthCheckLosesWhatTheoryPredicts() {
        double sum = 0;
        LoadBalancerModel m = LoadBalancerModel.of(Policy.ROUND_ROBIN).load(0.5).requests(3_000)
                .crash(1, Time.ms(300)).passive(3).timeout(Time.ms(500));
        for (int seed = 0; seed < 10; seed++) sum += m.seed(seed).run().failed();
        double theory = Theory.failedBeforePassiveEjection(m.arrivalsPerSecond(), 0.25, 500, 3, 0.5);
        assertEquals(theory, sum / 10, 0.25 * theory + 2);
    }

    @Test
    void retriesHideFailuresAndAmplifyLoad() {
        LoadBalancerModel m = LoadBalancerModel.of(Policy.ROUND_ROBIN).load(0.5).requests(3_000)
                .crash(1, Time.ms(300)).passive(3).timeout(Time.ms(500));
        ModelRun without = m.run();
        ModelRun with = m.retries(1).run();
        assertTrue(without.failed() > 10);
        assertEquals(0, with.failed());
        assertEquals(3_000 + with.totalFailedAttempts(), with.totalAttempts(), "each failed attempt is retried once");
    }

    @Test
    void outlierEjectionCutsTheTail() {
        LoadBalancerModel m = LoadBalancerModel.of(Policy.ROUND_ROBIN).speeds(1, 1, 1, 0.4).load(0.4).requests(6_000);
        ModelRun without = m.run();
        ModelRun with = m.outlierEjection(3).run();
        assertTrue(with.p99Ms() < 0.6 * without.p99Ms(), with.p99Ms() + " vs " + without.p99Ms());
    }

    @Test
    void sameSeedSameRun() {
        LoadBalancerModel m = LoadBalancerModel.of(Policy.TWO_CHOICES).requests(2_000);
        ModelRun a = m.run(), b = m.run();
        assertEquals(a.latency(), b.latency());
        assertEquals(Arrays.toString(a.attempts()), Arrays.toString(b.attempts()));
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> LoadBalancerModel.of(Policy.RANDOM).load(1.5));
        assertTrue(e.getMessage().contains("load"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Policy.RANDOM.create(0, 1));
        assertTrue(e.getMessage().contains("backends"), e.getMessage());
    }
}
