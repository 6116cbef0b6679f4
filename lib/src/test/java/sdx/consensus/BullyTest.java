package sdx.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BullyTest {

    /** The count is exact, not statistical: every node that hears ELECTION answers and holds one election. */
    @Test
    void messagesMatchTheFormulaForEverySizeAndFirstNoticer() {
        for (int n = 3; n <= 12; n++) {
            for (int k = 1; k < n; k++) {
                for (long seed = 1; seed <= 3; seed++) { // different delays, same count
                    var r = Bully.run(n, k, seed);
                    assertEquals(Bully.expectedMessages(n, k), r.messages(), r.toString());
                    assertEquals(n - 1, r.coordinator(), r.toString());
                }
            }
        }
        assertEquals(4, Bully.expectedMessages(5, 4)); // best case N - 1
        assertEquals(19, Bully.expectedMessages(5, 1)); // worst case (N-1)^2 + N - 2
    }

    /**
     * A random first noticer, uniform over b1..b(N-1): the mean of (N-k)^2 + N - 2 is N(2N-1)/6 + N - 2. With
     * 4,000 runs the sample mean's standard error is below 0.6 messages for N = 10 (the spread of m^2 over
     * m = 1..9 is about 26), so 2.5 messages is over 4 standard errors.
     */
    @Test
    void aRandomFirstNoticerAveragesTheFormula() {
        int n = 10, trials = 4000;
        var pick = new java.util.SplittableRandom(5);
        double sum = 0;
        for (int t = 0; t < trials; t++) sum += Bully.run(n, 1 + pick.nextInt(n - 1), pick.nextLong()).messages();
        assertEquals(n * (2.0 * n - 1) / 6 + n - 2, sum / trials, 2.5);
    }

    @Test
    void thePlotHasThreeMeasuredSeriesAndTheirTheories() {
        assertEquals(6, Bully.plot(8, 20, 1).seriesCount());
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bully.run(2, 1, 1)).getMessage().contains("n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bully.run(5, 5, 1)).getMessage().contains("detector"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bully.plot(100, 1, 1)).getMessage().contains("maxN"));
    }
}
