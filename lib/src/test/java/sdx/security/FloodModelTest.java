package sdx.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloodModelTest {
    private static final FloodSettings S = FloodSettings.defaults();
    /**
     * 60 virtual seconds at 160 legitimate requests/s: about 9,600 legitimate requests, so the goodput's sampling
     * spread is about sqrt(9,600) / 60 = 1.6 requests/s when most succeed; 8 requests/s (5% of the legitimate rate)
     * is five such spreads, wide enough never to fail by chance and narrow enough to catch a wrong formula.
     */
    private static final double SECONDS = 60, TOLERANCE = 8;

    private static void agrees(Protection p, double attackRate) {
        double model = FloodModel.run(S, p, attackRate, SECONDS, 7).goodput();
        double theory = FloodTheory.goodput(S, p, attackRate, SECONDS);
        assertEquals(theory, model, TOLERANCE, p + " at attack rate " + attackRate);
    }

    @Test
    void noProtectionMatchesMmcBelowCapacityAndTheFluidQueueAbove() {
        agrees(Protection.NONE, 0);
        agrees(Protection.NONE, 200);
        agrees(Protection.NONE, 1_000);       // twice the capacity: the fluid queue lets almost nobody in in time
        agrees(Protection.NONE, 4_000);
    }

    @Test
    void loadSheddingMatchesTheMmcnBlockingProbability() {
        agrees(Protection.LOAD_SHEDDING, 0);
        agrees(Protection.LOAD_SHEDDING, 300);
        agrees(Protection.LOAD_SHEDDING, 1_000);
        agrees(Protection.LOAD_SHEDDING, 4_000);
    }

    @Test
    void aRateLimitedAttackerLeavesTheLegitimateClientsTheirGoodput() {
        agrees(Protection.RATE_LIMIT, 1_000);
        agrees(Protection.RATE_LIMIT, 4_000);
    }

    @Test
    void underAHeavyFloodTheOrderingIsNoneThenSheddingThenCapAndLimit() {
        double none = FloodModel.run(S, Protection.NONE, 3_000, 20, 1).goodput();
        double shed = FloodModel.run(S, Protection.LOAD_SHEDDING, 3_000, 20, 1).goodput();
        double limit = FloodModel.run(S, Protection.RATE_LIMIT, 3_000, 20, 1).goodput();
        double cap = FloodModel.run(S, Protection.CONNECTION_CAP, 3_000, 20, 1).goodput();
        assertTrue(none < shed && shed < limit && shed < cap, none + " " + shed + " " + limit + " " + cap);
        assertTrue(limit > 0.9 * S.legitRate() && cap > 0.9 * S.legitRate(), limit + " " + cap);
    }

    @Test
    void theSameSeedGivesTheSameOutcome() {
        assertEquals(FloodModel.run(S, Protection.LOAD_SHEDDING, 900, 5, 3), FloodModel.run(S, Protection.LOAD_SHEDDING, 900, 5, 3));
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> FloodModel.run(S, Protection.NONE, -1, 5, 3));
        assertTrue(e.getMessage().contains("attackRate"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> new FloodSettings(0, 4, 4, 40, 50, 50, 10, 8, 2, 48));
        assertTrue(f.getMessage().contains("workers"), f.getMessage());
    }
}
