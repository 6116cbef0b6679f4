package sdx.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdempotencyTest {
    static final double[] LOSS = {0, 0.1, 0.2, 0.3, 0.4, 0.5};

    /**
     * Each payment's duplicates are a small count (0..k−1) with variance below (k−1)²/4 = 1 for k = 3: the mean
     * over 20,000 payments has a standard error below 0.0071; 0.03 is four standard errors.
     */
    @Test
    void duplicatesMatchTheFormula() {
        LossRun r = Idempotency.retriesUnderLoss(LOSS, 3, 20_000, 42);
        System.out.println(r.table().print());
        double[] theory = r.theory(), measured = r.withoutKeys(), keyed = r.withKeys();
        for (int i = 0; i < LOSS.length; i++) {
            assertEquals(theory[i], measured[i], 0.03, "duplicates at loss " + LOSS[i]);
            assertEquals(0, keyed[i], 0, "with keys nothing is charged twice");
        }
        assertEquals(0, measured[0], 0);
        assertTrue(measured[4] > measured[1], "more loss, more retries, more duplicates (until requests stop arriving)");
    }

    @Test
    void formulaByHand() {
        // p = 0.3, k = 5: q = 0.51; charges 0.7 (1 - 0.51^5) / 0.49; charged 1 - 0.3^5
        double charges = 0.7 * (1 - Math.pow(0.51, 5)) / 0.49;
        assertEquals(charges, Theory.chargesPerPayment(0.3, 5), 1e-12);
        assertEquals(charges - (1 - Math.pow(0.3, 5)), Theory.duplicatesPerPayment(0.3, 5), 1e-12);
        assertEquals(0, Theory.duplicatesPerPayment(0.3, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Theory.chargesPerPayment(1.5, 3));
    }

    @Test
    void stormsFollowTheModel() {
        StormRun r = Idempotency.retryStorm(2_000, 20, 3_000, 42);
        StormRun.Result immediate = r.results().get("immediate retries");
        StormRun.Result waves = r.results().get("exponential back-off");
        StormRun.Result jitter = r.results().get("exponential back-off, full jitter");
        // 2,000 arrivals cost 200 units of a 20-unit capacity: nobody is ever served (metastable)
        assertEquals(2_000, immediate.gaveUp());
        assertEquals(2_000L * 3_001, immediate.requests());
        // without jitter every wave arrives in one ms, 2,000 strong, and is rejected whole
        assertEquals(2_000, waves.gaveUp());
        assertEquals(0, jitter.gaveUp());
        assertTrue(jitter.requests() < 10 * 2_000, "jitter: fewer than 10 requests per client");
        for (StormRun.Result x : r.results().values()) {
            long[] served = x.served();
            for (int t = 0; t < served.length; t++) assertTrue(served[t] <= Math.min(2_000, 20L * (t + 1)), "above the bound at " + t);
        }
        assertEquals(r.table().print(), Idempotency.retryStorm(2_000, 20, 3_000, 42).table().print(), "deterministic");
    }

    @Test
    void withoutRejectionCostEveryoneIsServedAtCapacity() {
        StormRun.Result free = Idempotency.storm(2_000, 20, 0, 1_000, Backoff.immediate(), null, 42);
        assertEquals(99, free.lastSuccess(), "2,000 clients at 20 per ms: the last in ms 99");
        assertThrows(IllegalArgumentException.class, () -> Idempotency.storm(0, 20, 1_000, Backoff.immediate(), null, 1));
    }
}
