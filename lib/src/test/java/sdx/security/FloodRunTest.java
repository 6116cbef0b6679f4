package sdx.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The real flood on loopback: wall-clock, so only coarse claims that hold on a busy 2-core machine. */
class FloodRunTest {
    private static long floodThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("sdx-security")).count();
    }

    @Test
    void rateLimitAndConnectionCapProtectTheLegitimateClientsAndNothingIsLeftRunning() {
        FloodSettings s = FloodSettings.defaults();
        FloodOutcome none = FloodRun.run(s, Protection.NONE, 3_000, 1.0, 1);
        FloodOutcome limit = FloodRun.run(s, Protection.RATE_LIMIT, 3_000, 1.0, 1);
        FloodOutcome cap = FloodRun.run(s, Protection.CONNECTION_CAP, 3_000, 1.0, 1);
        assertTrue(limit.goodput() > 2 * none.goodput() && cap.goodput() > 2 * none.goodput(),
                "goodput none " + none + ", limit " + limit + ", cap " + cap);
        assertTrue(none.attackServed() > 0 && limit.rejected() > 0 && cap.rejected() > 0, none + " " + limit + " " + cap);
        assertEquals(0, floodThreads(), "threads left after the runs");
    }
}
