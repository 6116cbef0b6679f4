package sdx.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The formulas against cases worked by hand. */
class FloodTheoryTest {
    @Test
    void erlangCForTwoServersAtLoadOne() {
        // c = 2, a = 1: P0 = 1 / (1 + 1 + 1/2 * 2/(2-1)) = 1/3; C = (a^2/2!) * (2/(2-1)) * P0 = 1/3
        assertEquals(1.0 / 3, FloodTheory.erlangC(2, 1), 1e-12);
    }

    @Test
    void blockingOfOneServerIsTheMm1kFormula() {
        double rho = 0.8;
        int k = 5;   // M/M/1/K: P_K = (1 - rho) rho^K / (1 - rho^(K+1))
        assertEquals((1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1)), FloodTheory.blocking(80, 100, 1, k), 1e-12);
    }

    @Test
    void oneServerResponseTimeIsExponentialAtMuMinusLambda() {
        // M/M/1 FIFO: the response time is exponential with rate mu - lambda
        assertEquals(1 - Math.exp(-(100 - 60) * 0.03), FloodTheory.withinDeadline(60, 100, 1, 0.03), 1e-9);
    }

    @Test
    void admittedResponseTimeWithRoomForEveryoneIsTheServiceTime() {
        // a huge N at a tiny load: nobody waits, P(R <= d) = 1 - e^(-mu d)
        assertEquals(1 - Math.exp(-100 * 0.01), FloodTheory.admittedWithinDeadline(0.001, 100, 2, 50, 0.01), 1e-6);
    }
}
