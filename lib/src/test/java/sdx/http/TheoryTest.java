package sdx.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TheoryTest {

    @Test
    void oneServerWaitsWithProbabilityRho() {
        // M/M/1: an arrival finds the server busy with probability rho (PASTA), and W = S / (1 - rho).
        assertEquals(0.3, Theory.erlangC(1, 0.3), 1e-12);
        assertEquals(0.9, Theory.erlangC(1, 0.9), 1e-12);
        assertEquals(0.010 / (1 - 0.8), Theory.meanResponseSeconds(80, 0.010, 1), 1e-12);
    }

    @Test
    void handWorkedValues() {
        // c = 2, a = 1: terms 1, 1 and a^2/2! / (1 - 1/2) = 1, so C = 1/3.
        assertEquals(1.0 / 3, Theory.erlangC(2, 1.0), 1e-12);
        // c = 4, a = 3: 1 + 3 + 4.5 + 4.5 = 13 and 81/24 / 0.25 = 13.5, so C = 13.5 / 26.5; notebook 01's exercise 2.
        assertEquals(13.5 / 26.5, Theory.erlangC(4, 3.0), 1e-12);
        assertEquals(10 + 10 * 13.5 / 26.5, Theory.meanResponseSeconds(300, 0.010, 4) * 1_000, 1e-9);
    }

    @Test
    void agreesWithTheErlangBRecursion() {
        // An independent route: B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), then C = c B / (c - a (1 - B)).
        for (int c : new int[] {1, 2, 3, 8, 20, 100}) {
            for (double rho : new double[] {0.1, 0.5, 0.8, 0.95, 0.99}) {
                double a = rho * c, b = 1;
                for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
                double expected = c * b / (c - a * (1 - b));
                assertEquals(expected, Theory.erlangC(c, a), 1e-10, "c=" + c + " rho=" + rho);
            }
        }
    }

    @Test
    void pooledWorkersBeatSeparateQueues() {
        // The same 4 workers at 75%: one shared queue waits far less than 4 separate M/M/1 queues (40 ms).
        double shared = Theory.meanResponseSeconds(300, 0.010, 4);
        assertTrue(shared < 0.020, "shared queue " + shared);
        assertEquals(0.040, Theory.meanResponseSeconds(75, 0.010, 1), 1e-12);
    }

    @Test
    void rejectsAnUnstableQueueWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theory.erlangC(4, 4.0));
        assertTrue(e.getMessage().contains("a") && e.getMessage().contains("below c = 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Theory.meanResponseSeconds(-1, 0.01, 2));
    }
}
