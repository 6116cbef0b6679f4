package sdx.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The closed forms against values worked out by hand. */
class TheoryTest {
    private static final double EPS = 1e-12;

    @Test
    void onePartFromMtbfAndMttr() {
        assertEquals(0.99, Theory.availability(990, 10), EPS);
        assertEquals(0.5, Theory.availability(3, 3), EPS);
    }

    @Test
    void seriesAndParallelByHand() {
        assertEquals(0.81, Theory.series(0.9, 0.9), EPS);
        assertEquals(0.99, Theory.parallel(0.9, 0.9), EPS);
        assertEquals(0.999, Theory.parallel(0.9, 3), EPS);
        assertEquals(0.9 * 0.8 * 0.5, Theory.series(0.9, 0.8, 0.5), EPS);
        assertEquals(1 - 0.1 * 0.2, Theory.parallel(0.9, 0.8), EPS);
    }

    @Test
    void kOfNByHand() {
        // 2 of 3 at 0.9: all up 0.729, exactly two up 3 * 0.81 * 0.1 = 0.243.
        assertEquals(0.972, Theory.kOfN(2, 3, 0.9), EPS);
        assertEquals(Theory.parallel(0.9, 4), Theory.kOfN(1, 4, 0.9), EPS);
        assertEquals(Math.pow(0.9, 4), Theory.kOfN(4, 4, 0.9), EPS);
        // 2 of 4 at 0.99: down only with 0 or 1 up: 1e-8 + 4 * 0.99 * 1e-6.
        assertEquals(1 - 1e-8 - 4 * 0.99 * 1e-6, Theory.kOfN(2, 4, 0.99), 1e-15);
    }

    @Test
    void partsForATarget() {
        assertEquals(4, Theory.partsFor(2, 0.99, 0.99999)); // 3 give 0.999702, 4 give 0.99999603
        assertEquals(3, Theory.partsFor(1, 0.99, 0.999999)); // (0.01)^3 = 1e-6 exactly meets it
        assertEquals(2, Theory.partsFor(1, 0.9, 0.99));
        assertEquals(5, Theory.partsFor(1, 0.9, 0.99999)); // 0.1^5 = 1e-5: a tie that rounding must not break
        assertEquals(1e-5, Theory.kOfNUnavailability(1, 5, 0.9), 1e-18);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theory.partsFor(1, 1.0, 0.9));
        assertTrue(e.getMessage().contains("a must be in (0, 1)"), e.getMessage());
    }

    @Test
    void failoverPairReducesToThePairWhenFailoverIsInstant() {
        assertEquals(1e-4, Theory.failoverPairUnavailability(990, 10, 0), 1e-15);
        // d = 1 h, MTBF 990: one hour per failover, 0.99^2 / 990 of the time.
        assertEquals(1e-4 + 0.9801 / 990, Theory.failoverPairUnavailability(990, 10, 1), 1e-15);
    }

    @Test
    void ninesAndDowntime() {
        assertEquals(3, Theory.nines(0.999), 1e-9);
        assertEquals(8.766, Theory.downtimeHoursPerYear(0.999), 1e-9);
        Table t = Availability.ninesTable(99.999, 99.9);
        assertEquals("5.26 min", t.stringColumn("down per year").get(0)); // 1e-5 * 525,960 min
        assertEquals("26.3 s", t.stringColumn("down per month").get(0));   // 1e-5 * 730.5 h * 3600
        assertEquals("6.05 s", t.stringColumn("down per week").get(0));    // 1e-5 * 168 h * 3600
        assertEquals("8.77 h", t.stringColumn("down per year").get(1));
        assertEquals("43.8 min", t.stringColumn("down per month").get(1));
    }

    @Test
    void percentShowsTheNines() {
        assertEquals("99.999%", Diagram.percent(0.99999));
        assertEquals("99%", Diagram.percent(0.99));
        assertEquals("90%", Diagram.percent(0.9));
        assertEquals("99.959%", Diagram.percent(0.999588));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theory.kOfN(4, 3, 0.9));
        assertEquals("k must be in [1, 3], was 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Theory.series(0.9, 1.2));
        assertEquals("availabilities[i] must be in [0.0, 1.0], was 1.2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Theory.availability(0, 1));
        assertEquals("mtbfHours must be a finite number > 0, was 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Availability.ninesTable(100));
        assertEquals("percents[i] must be in (0, 100), was 100.0", e.getMessage());
    }
}
