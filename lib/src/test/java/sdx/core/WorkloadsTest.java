package sdx.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void sameSeedSameKeysOtherSeedOtherKeys() {
        assertEquals(Workloads.zipf(1000, 0.9, 5000, 1), Workloads.zipf(1000, 0.9, 5000, 1));
        assertFalse(Arrays.equals(Workloads.zipf(1000, 0.9, 5000, 1).keys(), Workloads.zipf(1000, 0.9, 5000, 2).keys()));
        assertEquals(Workloads.uniform(10, 100, 3), Workloads.uniform(10, 100, 3));
        assertEquals(Workloads.celebrity(10, 0.5, 100, 3), Workloads.celebrity(10, 0.5, 100, 3));
    }

    /**
     * Sampled frequencies match the Zipf probabilities. With 400k draws the standard error of a
     * frequency p is sqrt(p(1-p)/400k) <= 0.0008; 0.004 is five standard errors.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.6, 0.8, 1.0, 1.2})
    void zipfFrequenciesMatchProbabilities(double skew) {
        int n = 200, draws = 400_000;
        long[] counts = Workloads.zipf(n, skew, draws, 11).counts();
        double[] p = Workloads.zipfProbabilities(n, skew);
        for (int k = 0; k < 20; k++) {
            assertEquals(p[k], counts[k] / (double) draws, 0.004, "key " + k + " at skew " + skew);
        }
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
    }

    @Test
    void celebrityGetsItsShare() {
        long[] c = Workloads.celebrity(1000, 0.3, 100_000, 5).counts();
        assertEquals(0.3, c[0] / 100_000.0, 0.006); // 4 standard errors of sqrt(.3*.7/1e5)=0.00145
    }

    @Test
    void keysStayInRange() {
        for (Trace t : new Trace[] {Workloads.zipf(7, 1.5, 1000, 1), Workloads.uniform(7, 1000, 1), Workloads.celebrity(7, .9, 1000, 1)}) {
            assertTrue(t.stream().allMatch(k -> k >= 0 && k < 7), t.toString());
        }
    }

    @Test
    void badArgumentsNameTheParameterAndValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Workloads.zipf(0, 1, 10, 1));
        assertEquals("keySpace must be >= 1, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Workloads.zipf(10, -0.5, 10, 1));
        assertEquals("skew must be a finite number >= 0.0, was -0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Workloads.celebrity(10, 1.5, 10, 1));
        assertEquals("hotShare must be in [0.0, 1.0], was 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trace.of("t", 3, 0, 3));
        assertEquals("keys[1] must be in [0, 3), was 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workloads.uniform(5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Workloads.zipf(10, Double.NaN, 10, 1));
    }

    @Test
    void traceCountsByHand() {
        assertArrayEquals(new long[] {3, 1, 1}, Trace.of("t", 3, 0, 1, 0, 2, 0).counts());
    }
}
