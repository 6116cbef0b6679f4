package sdx.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The facade's tables and the sweep's chart, against values worked out by hand. */
class TablesTest {

    @Test
    void redundancyByHand() {
        // one needed: servers of 0.9 reach 99.9% with 3 (0.1^3 = 1e-3 down) and 99.99% with 4;
        // servers of 0.99 reach both with 2 (0.01^2 = 1e-4 down).
        Table t = Availability.redundancyFor(1, new double[] {0.9, 0.99}, new double[] {0.999, 0.9999});
        assertEquals(List.of("server availability", "for 99.9%", "for 99.99%"), t.columnNames());
        assertEquals(3, t.intColumn(1).get(0));
        assertEquals(4, t.intColumn(2).get(0));
        assertEquals(2, t.intColumn(1).get(1));
        assertEquals(2, t.intColumn(2).get(1));
    }

    @Test
    void failoverBudgetByHand() {
        // five nines: 1e-5 of 8,766 h = 315.576 s a year
        Table t = Availability.failoverBudget(0.99999, 1, 60, 400);
        assertEquals(315, t.doubleColumn(1).get(0));
        assertEquals(5, t.doubleColumn(1).get(1));
        assertEquals(0, t.doubleColumn(1).get(2));
        assertTrue(t.name().contains("5.26 min"), t.name());
    }

    @Test
    void evaluateShowsFormulaExactAndSimulated() {
        Block.Part rack = Block.part("rack", 9_990, 10);
        Block shared = Block.parallel(Block.series(rack, Block.part("A", 990, 10)), Block.series(rack, Block.part("B", 990, 10)));
        Table t = Availability.evaluate(shared, 100, 1);
        assertEquals(3, t.rowCount());
        assertEquals(Diagram.percent(shared.availability()), t.stringColumn("availability").get(0));
        assertEquals(Diagram.percent(shared.exactAvailability()), t.stringColumn("availability").get(1));
        assertEquals("99.89%", t.stringColumn("availability").get(1)); // 0.999 * 0.9999 = 0.9989001
    }

    @Test
    void sweepPlotsTheoryDashedBesideEachMeasurementAndSkipsZerosOnALogAxis() {
        Sweep.Line line = new Sweep.Line("pair", new double[] {0, 1e-3}, new double[] {0, 1e-4}, "pair theory", new double[] {1e-4, 1e-3});
        Sweep s = new Sweep("t", "x", "y", new double[] {1, 2}, List.of(line), true);
        String alt = s.plot().altText();
        assertTrue(alt.contains("pair theory (theory for pair, dashed)"), alt);
        assertTrue(alt.contains("log scale"), alt);
        assertEquals(2, s.plot().seriesCount());
        assertEquals(4, s.table().columnCount());
        Sweep empty = new Sweep("t", "x", "y", new double[] {1}, List.of(new Sweep.Line("none", new double[] {0},
                new double[] {0}, "th", new double[] {1e-4})), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, empty::plot);
        assertTrue(e.getMessage().contains("simulate longer"), e.getMessage());
    }

    @Test
    void aRunTooLargeIsRefusedBeforeItStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Availability.simulate(Block.part("fast", 1, 1), 100_000, 1));
        assertTrue(e.getMessage().startsWith("years must be small enough for at most 50,000,000 failures and repairs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Availability.simulateFailover(1, 1, 0, 100_000, 1));
    }
}
