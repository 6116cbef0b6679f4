package sdx.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The failure simulation against theory.
 *
 * <p><b>Tolerance.</b> A simulated availability is a time average, so its error shrinks like
 * {@code 1/sqrt(simulated time)}. Each {@link Measurement} carries its standard error by batch means (20
 * batches); {@link #batchMeansErrorMatchesTakacs} first shows that this estimate agrees with the exact
 * asymptotic variance of one part's downtime (Takács: {@code Var D(T) ≈ T (μ²σ_d² + ν²σ_u²)/(μ + ν)³}, for
 * exponential up and down times {@code 2Tμ²ν²/(μ + ν)³}). Agreement with theory is then asserted within 4
 * standard errors (with 19 degrees of freedom, a correct simulation lands outside that about once in 1,000
 * comparisons; the seeds are fixed, so the test is deterministic). Each test also asserts that 4 standard
 * errors are a small share of the value, so that a wrong formula or a wrong simulation would fail.
 */
class SimulationTest {
    private static final long SEED = 42;

    private static void agrees(double theoryUnavailability, Measurement m, double sharpness) {
        double gap = Math.abs(m.unavailability() - theoryUnavailability);
        assertTrue(gap <= 4 * m.standardError(), "measured " + m.unavailability() + " vs theory " + theoryUnavailability
                + ": " + gap / m.standardError() + " standard errors");
        assertTrue(4 * m.standardError() <= sharpness * theoryUnavailability,
                "the test must be able to fail: 4 s.e. = " + 4 * m.standardError() + " vs " + theoryUnavailability);
    }

    @Test
    void batchMeansErrorMatchesTakacs() {
        double mu = 900, nu = 100, years = 2_000;
        double t = years * Theory.HOURS_PER_YEAR;
        double exact = Math.sqrt(2 * mu * mu * nu * nu / Math.pow(mu + nu, 3) / t);
        for (long seed = 1; seed <= 5; seed++) {
            Measurement m = Availability.simulate(Block.part("A", mu, nu), years, seed);
            // a 20-batch estimate of a standard deviation is itself off by about 1/sqrt(2 * 19) = 16% (one s.d.)
            double ratio = m.standardError() / exact;
            assertTrue(ratio > 0.5 && ratio < 1.6, "batch-means s.e. / Takács = " + ratio + " (seed " + seed + ")");
            agrees(0.1, m, 0.1);
        }
    }

    @Test
    void failuresComeAtTheRenewalRate() {
        // one part: 2 events (a failure and a repair) per MTBF + MTTR hours on average
        Measurement m = Availability.simulate(Block.part("A", 900, 100), 2_000, SEED);
        double expected = 2 * 2_000 * Theory.HOURS_PER_YEAR / 1_000;
        assertEquals(expected, m.events(), 0.03 * expected); // Poisson-like count of ~35,000: s.d. under 1%
        assertEquals(m.events() / 2.0, m.outages(), 1.0);
        assertEquals(100, m.meanOutageHours(), 5); // mean repair time, within ~3 s.e. of 17,500 repairs
    }

    @Test
    void seriesAndParallelAgreeWithTheFormulas() {
        Sweep s = Availability.seriesVsParallel(900, 100, 3, 4_000, SEED);
        for (int n = 1; n <= 3; n++) {
            Sweep.Line series = s.line("series (all needed)"), parallel = s.line("parallel (any one)");
            agrees(1 - Math.pow(0.9, n), measurement(series, n - 1), 0.1);
            agrees(Math.pow(0.1, n), measurement(parallel, n - 1), 0.35);
        }
    }

    @Test
    void sparesAgreeWithTheBinomialTail() {
        Sweep s = Availability.spares(4, 2, 900, 100, 4_000, SEED);
        for (int k = 0; k <= 2; k++) agrees(1 - Theory.kOfN(4, 4 + k, 0.9), measurement(s.lines().get(0), k), 0.1);
    }

    @Test
    void aSharedRackBreaksTheIndependentFormula() {
        Block.Part rack = Block.part("rack", 2_000, 4), a = Block.part("A", 990, 10), b = Block.part("B", 990, 10);
        Block shared = Block.parallel(Block.series(rack, a), Block.series(rack, b));
        Measurement m = Availability.simulate(shared, 4_000, SEED);
        agrees(1 - shared.exactAvailability(), m, 0.1);
        double naive = 1 - shared.availability();
        assertTrue(m.unavailability() - naive > 20 * m.standardError(), "far above the formula that treats paths as independent");
        Block separate = Block.parallel(Block.series(rack, a), Block.series(Block.part("rack 2", 2_000, 4), b));
        agrees(naive, Availability.simulate(separate, 4_000, SEED), 0.35);
    }

    @Test
    void failoverTimeAddsTheFirstOrderTerm() {
        for (double minutes : new double[] {0, 10, 60}) {
            Measurement m = Availability.simulateFailover(1_000, 10, minutes / 60, 4_000, SEED);
            // the theory is first order: its own error is about d/MTBF relative (1e-3 at an hour), far below 4 s.e.
            agrees(Theory.failoverPairUnavailability(1_000, 10, minutes / 60), m, 0.35);
        }
    }

    @Test
    void sameSeedSameNumbers() {
        Block web = Block.series(Block.part("lb", 5_000, 2), Block.parallel(Block.part("a", 2_000, 4), Block.part("b", 2_000, 4)));
        assertEquals(Availability.simulate(web, 500, 7), Availability.simulate(web, 500, 7));
        assertNotEquals(Availability.simulate(web, 500, 7), Availability.simulate(web, 500, 8));
        assertEquals(Availability.simulateFailover(1_000, 10, 0.5, 500, 7), Availability.simulateFailover(1_000, 10, 0.5, 500, 7));
    }

    @Test
    void badInputIsNamed() {
        Block p = Block.part("A", 900, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Availability.simulate(p, 0, 1));
        assertEquals("years must be a finite number > 0, was 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Availability.simulateFailover(1_000, 10, -1, 10, 1));
        assertEquals("failoverHours must be a finite number >= 0.0, was -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Availability.seriesVsParallel(900, 100, 9, 10, 1));
        assertEquals("maxParts must be in [1, 8], was 9", e.getMessage());
    }

    private static Measurement measurement(Sweep.Line line, int i) {
        return new Measurement(1 - line.measured()[i], line.standardError()[i], 0, 0, 0);
    }
}
