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
