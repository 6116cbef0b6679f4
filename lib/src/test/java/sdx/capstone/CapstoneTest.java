package sdx.capstone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import sdx.capacity.Units;
import sdx.core.Rng;

class CapstoneTest {
    /** The notebook's passing design for the standard day. */
    static final Design GOOD = Design.builder().appServers(14).zones(3).shards(4).replicas(2).cacheEntries(20_000)
            .rateLimitPerClient(20).tls(true).codeLength(7).randomCodes(true).build();

    // ---- theory beside measurement

    @Test
    void replicaAvailabilityMatchesTheParallelFormula() {
        // 2,000 shard-days of nodes 90% available with 2 h repairs: about 2,400 down periods for one copy, so the
        // share of time down has a relative standard error near sqrt(2/2400) = 3%; for three copies the time all
        // are down comes from roughly a hundred overlaps (about 10%). 20% allows two standard errors at r = 3.
        ReplicaSweep sweep = Capstone.replicaSweep(0.9, 2, 3, 2_000, 7);
        for (int i = 0; i < 3; i++) {
            double measured = 1 - sweep.measured()[i], theory = 1 - sweep.theory()[i];
            assertEquals(theory, measured, 0.2 * theory, "time with no live copy, r = " + (i + 1));
        }
        assertEquals(0.1 * 0.1 * 0.1, 1 - Theory.parallel(0.9, 3), 1e-12);
    }

    @Test
    void lruHitRatioMatchesChesApproximationOnAQuietDay() {
        // A quiet day is independent Zipf requests, Che's setting; his approximation is within about 1% of LRU
        // for Zipf popularity at these sizes (Fricker, Robert and Roberts 2012). 100,000 sampled lookups add a
        // standard error near 0.0014. 0.015 covers both.
        Scenario quiet = Scenario.standard().quiet();
        DayReport r = Capstone.simulate(GOOD, quiet, Prices.standard(), Targets.standard(), 3);
        double[] hits = r.hitRatioByHour();
        double mean = 0;
        for (double h : hits) mean += h / hits.length;
        assertEquals(r.cheHitRatio(), mean, 0.015, "mean hourly hit ratio vs Che");
        assertTrue(r.cheHitRatio() > 0.5 && r.cheHitRatio() < 0.95, "a cache that matters: " + r.cheHitRatio());
    }

    @Test
    void sharedQueueMatchesErlangC() {
        // The pool the simulation uses, fed Poisson arrivals with exponential service: an M/M/8 queue at 80% load.
        // 400,000 requests in busy periods of a few dozen requests give a relative standard error of the mean
        // wait near 2%; 6% is three of them.
        int c = 8;
        double mu = 1, lambda = 0.8 * c * mu;
        ServerPool pool = new ServerPool(c);
        UniformRandomProvider rng = Rng.of(11);
        double t = 0, waits = 0;
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - rng.nextDouble()) / lambda;
            int s = pool.earliestFree(x -> true);
            double w = pool.waitAt(s, t);
            pool.occupy(s, t, w, -Math.log(1 - rng.nextDouble()) / mu);
            waits += w;
        }
        double theory = Theory.erlangCWait(c, lambda, mu);
        assertEquals(theory, waits / n, 0.06 * theory, "mean wait in M/M/8 at rho = 0.8");
    }

    @Test
    void utilizationFollowsTheUtilizationLawEveryHour() {
        // rho = lambda S / c from the requests the servers took; the measurement sums exponential service times
        // of about 2,000 to 8,000 sampled requests an hour: relative standard error 1-2%, 7% is over three.
        DayReport r = Capstone.simulate(GOOD, 5);
        double[] measured = r.utilizationByHour(), theory = r.utilizationTheoryByHour();
        for (int h = 0; h < 24; h++) {
            assertEquals(theory[h], measured[h], 0.07 * theory[h], "utilization at hour " + h);
        }
    }

    @Test
    void theMonthsBillMatchesItsClosedFormOnAQuietDay() {
        // Servers, nodes, cache and storage are exact; egress counts sampled responses (about 200,000, standard
        // error 0.2% of the traffic line, itself under 5% of the bill): 0.5% of the bill is generous.
        Scenario quiet = Scenario.standard().quiet();
        DayReport r = Capstone.simulate(GOOD, quiet, Prices.standard(), Targets.standard(), 9);
        double theory = Theory.monthlyCost(GOOD, quiet, Prices.standard());
        assertEquals(theory, r.monthlyCost(), 0.005 * theory);
        assertEquals(720 * 14 * 0.10, r.monthlyCostParts().get("app servers"), 1e-9);
        assertEquals(720 * 8 * 0.40, r.monthlyCostParts().get("database nodes"), 1e-9);
        assertEquals(1.0, r.availability(), "a quiet day loses nothing");
    }

    @Test
    void aRateLimitLetsThroughItsRateAndNoMore() {
        // 2,000 requests/s against 20/s: one in a hundred gets through, and a client under the limit is untouched.
        double[] flood = DaySimulation.admitted(2_000, 20, 0, 3_600, Rng.of(1));
        double mean = 0;
        for (int s = 0; s < 3_600; s++) mean += flood[s] / 3_600;
        assertEquals(0.01, mean, 0.0005);
        double[] partner = DaySimulation.admitted(5, 20, 0, 3_600, Rng.of(2));
        for (int s = 0; s < 3_600; s++) assertEquals(1.0, partner[s], "second " + s);
    }

    // ---- the day, per principle

    @Test
    void theNaiveDesignFailsEveryPrincipleButCostWithItsCause() {
        Scorecard card = Capstone.simulate(Design.naive(), 42).scorecard();
        assertFalse(card.passed());
        for (String id : new String[] {"availability", "p99 latency", "tls", "bot at database", "guessable codes"}) {
            Score s = card.score(id).orElseThrow();
            assertFalse(s.passed(), id);
            assertFalse(s.why().isBlank(), id + " says why");
        }
        assertTrue(card.score("cost").orElseThrow().passed());
        assertTrue(card.score("guessable codes").orElseThrow().why().contains("counted up"));
    }

    @Test
    void theNotebooksGoodDesignPassesEveryTarget() {
        Scorecard card = Capstone.simulate(GOOD, 42).scorecard();
        assertTrue(card.passed(), card.scores().toString());
        assertTrue(card.scores().stream().allMatch(s -> s.why().isEmpty()));
    }

    @Test
    void oneCopyPerShardFailsAvailabilityInTheZoneOutage() {
        Score s = Capstone.simulate(GOOD.toBuilder().replicas(1).build(), 42).scorecard().score("availability").orElseThrow();
        assertFalse(s.passed());
        assertTrue(s.why().contains("no live copy") && s.why().contains("13:00"), s.why());
    }

    @Test
    void writesWaitForANewLeaderAndOneCopyHasNone() {
        // Only the zone outage (13:00 for 1.5 h) on an otherwise quiet day. Writes are about 1% of requests.
        Scenario outage = Scenario.standard().quiet().withZoneOutage(13, 1.5);
        String failover = DaySimulation.Reason.FAILOVER.words, noCopy = DaySimulation.Reason.NO_DATABASE_COPY.words;
        // Two copies, an instant promotion: nothing is lost.
        DayReport instant = Capstone.simulate(GOOD, outage.withFailoverSeconds(0), Prices.standard(), Targets.standard(), 4);
        assertEquals(java.util.Map.of(), instant.failures());
        // A promotion that takes an hour: writes to the shards whose leader was in zone 0 fail, reads do not.
        DayReport slow = Capstone.simulate(GOOD, outage.withFailoverSeconds(3_600), Prices.standard(), Targets.standard(), 4);
        assertEquals(java.util.Set.of(failover), slow.failures().keySet());
        // One copy: the shards in zone 0 have nothing to promote, and their reads that miss the cache fail too.
        DayReport single = Capstone.simulate(GOOD.toBuilder().replicas(1).build(), outage, Prices.standard(), Targets.standard(), 4);
        assertEquals(java.util.Set.of(noCopy), single.failures().keySet());
        assertTrue(single.failures().get(noCopy) > 10 * slow.failures().get(failover), single.failures() + " vs " + slow.failures());
        double[] byHour = single.availabilityByHour();
        for (int h = 0; h < 24; h++) assertEquals(h == 13 || h == 14, byHour[h] < 1, "hour " + h + ": " + byHour[h]);
    }

    @Test
    void moreCopiesNeverLowerAvailabilityForTheSameSeed() {
        for (long seed = 1; seed <= 3; seed++) {
            double previous = 0;
            for (int r = 1; r <= 4; r++) {
                double a = Capstone.simulate(GOOD.toBuilder().replicas(r).build(), seed).availability();
                assertTrue(a >= previous, "seed " + seed + ": " + r + " copies gave " + a + " < " + previous);
                previous = a;
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameScorecardAndAnotherSeedAnotherDay() {
        DayReport a = Capstone.simulate(GOOD, 42), b = Capstone.simulate(GOOD, 42), c = Capstone.simulate(GOOD, 43);
        assertEquals(a.scorecard(), b.scorecard());
        assertArrayEquals(a.p99ByHour(), b.p99ByHour());
        assertArrayEquals(a.availabilityByHour(), b.availabilityByHour());
        assertNotEquals(a.p99ByHour()[20], c.p99ByHour()[20]);
    }

    @Test
    void theChartsHaveTheirSeriesAndTheTarget() {
        DayReport r = Capstone.simulate(GOOD, 42);
        assertEquals(2, r.availabilityPlot().seriesCount());
        assertEquals(3, r.latencyPlot().seriesCount());
        assertEquals(3, r.costPlot().seriesCount());
        assertEquals(2, r.securityPlot().seriesCount());
        assertEquals(2, r.cachePlot().seriesCount());
        assertTrue(r.table().html().contains("p99 (ms)"));
    }

    // ---- the estimate

    @Test
    void theEstimateIsTheAssumptionsMultipliedOut() {
        Estimate e = Capstone.estimate(Scenario.standard());
        assertEquals(100e6 / 86_400, e.averageReads().in(Units.REQUEST.per(Units.SECOND)), 1e-9);
        assertEquals(100e6 / 86_400 * 1.6 + 5, e.peakReads().in(Units.REQUEST.per(Units.SECOND)), 1e-9);
        assertEquals(100e6 * 500, e.storage().in(Units.BYTE), 1);
        assertEquals(1e6 * 365 * 500, e.storagePerYear().in(Units.BYTE), 1);
        // (1,851.9 + 5 + 18.5 writes) x 4 ms / 0.7 = 10.7 -> 11 servers
        assertEquals(11, e.serversAtPeak().value(), 1e-9);
    }

    // ---- bad input

    @Test
    void badSettingsAreRefusedWithNameValueAndRule() {
        var e = assertThrows(IllegalArgumentException.class, () -> Design.builder().replicas(0).build());
        assertEquals("replicas must be in [1, 5], was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Design.builder().rateLimitPerClient(0.5).build());
        assertTrue(e.getMessage().startsWith("rateLimitPerClient must be 0 (no limit) or in [1, 1000000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Design.builder().zones(4).build());
        assertEquals("zones must be in [1, 3], was 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scenario.standard().sampledEvery(10));
        assertTrue(e.getMessage().startsWith("sampleEvery is too small"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Capstone.simulate(null, 1));
        assertEquals("d must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Capstone.replicaSweep(0.9, 2, 6, 10, 1));
        assertEquals("maxReplicas must be in [1, 5], was 6", e.getMessage());
    }
}
