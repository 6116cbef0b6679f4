package sdx.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyAndStatsTest {

    @Test
    void percentilesOfOneToThousand() {
        Latency l = new Latency("1..1000");
        for (int i = 1; i <= 1000; i++) l.record(i);
        assertEquals(500.5, l.mean(), 0.5);
        assertEquals(500, l.percentile(50), 1);   // HdrHistogram keeps 3 significant digits
        assertEquals(990, l.percentile(99), 1);
        assertEquals(1000, l.summary().max(), 1);
    }

    @Test
    void emptyAndBadValuesAreClearErrors() {
        Latency l = new Latency("empty");
        assertEquals("latency 'empty' has no recorded values yet",
                assertThrows(IllegalStateException.class, l::mean).getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.record(-1));
        assertThrows(IllegalArgumentException.class, () -> l.percentile(101));
    }

    @Test
    void imbalanceIsMaxOverMean() {
        assertEquals(1.0, Stats.imbalance(5, 5, 5, 5), 1e-12);
        assertEquals(2.0, Stats.imbalance(10, 0, 5, 5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Stats.imbalance());
    }

    @Test
    void tableHasOneRowPerSummary() {
        Latency a = new Latency("a");
        a.record(10);
        var t = Stats.table("t", List.of(a.summary(), a.summary()));
        assertEquals(2, t.rowCount());
        assertEquals("a", t.stringColumn("name").get(0));
    }
}
