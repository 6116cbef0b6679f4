package sdx.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.viz.Picture;

/** Block diagrams: formulas, shared parts counted once by the exact sum, and the drawing. */
class BlockTest {
    private static final double EPS = 1e-12;
    private final Block.Part a = Block.part("A", 990, 10), b = Block.part("B", 990, 10), rack = Block.part("rack", 9_990, 10);

    @Test
    void formulasComposeAsTheTheorySays() {
        Block web = Block.series(rack, Block.parallel(a, b));
        assertEquals(0.999 * 0.9999, web.availability(), EPS);
        assertEquals(web.availability(), web.exactAvailability(), EPS); // no part appears twice
        assertEquals(Theory.kOfN(2, 3, 0.99), Block.kOfN(2, a, b, Block.part("C", 990, 10)).availability(), EPS);
    }

    @Test
    void kOfNWithUnequalPartsByHand() {
        // 2 of (0.9, 0.8, 0.5): all up 0.36; exactly two: 0.9*0.8*0.5 + 0.9*0.2*0.5 + 0.1*0.8*0.5 = 0.36 + 0.09 + 0.04.
        Block k = Block.kOfN(2, Block.part("x", 9, 1), Block.part("y", 4, 1), Block.part("z", 1, 1));
        assertEquals(0.85, k.availability(), EPS);
        assertEquals(0.85, k.exactAvailability(), EPS);
    }

    @Test
    void aSharedPartIsCountedOnceByTheExactSumOnly() {
        Block shared = Block.parallel(Block.series(rack, a), Block.series(rack, b));
        assertEquals(List.of(rack, a, b), shared.parts());
        assertEquals(0.999 * (1 - 0.01 * 0.01), shared.exactAvailability(), EPS);
        double paths = 1 - (1 - 0.999 * 0.99) * (1 - 0.999 * 0.99);
        assertEquals(paths, shared.availability(), EPS); // the formula treats the two racks as two
        assertTrue(1 - shared.exactAvailability() > 9 * (1 - shared.availability()), "the shared rack dominates the downtime");
    }

    @Test
    void oneNameIsOnePart() {
        Block bad = Block.series(Block.part("A", 990, 10), Block.part("A", 500, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::parts);
        assertTrue(e.getMessage().startsWith("part \"A\" must have one MTBF and MTTR wherever the name is used"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Block.kOfN(3, a, b));
        assertEquals("k must be in [1, 2], was 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Block.series());
        assertEquals("series blocks must hold at least one block, was []", e.getMessage());
    }

    @Test
    void pictureNamesTheDiagramAndItsAvailability() {
        Block web = Block.series(rack, Block.parallel(a, b));
        Picture p = web.picture();
        assertTrue(p.altText().contains("series(rack, parallel(A, B))"), p.altText());
        assertTrue(p.altText().contains(Diagram.percent(web.availability())), p.altText());
        assertTrue(p.image().getWidth() > 2 * 150 && p.image().getHeight() > 2 * 46, "room for two columns and two rows");
    }

    @Test
    void timelineCountsTheSameOutagesAsTheSimulation() {
        Block pair = Block.parallel(Block.part("A", 900, 100), Block.part("B", 900, 100));
        Picture p = Availability.timeline(pair, 2, 42);
        long outages = Availability.simulate(pair, 2, 42).outages();
        assertTrue(outages > 0, "a pair of 90% servers has outages within 2 years");
        assertTrue(p.altText().endsWith(outages + " outages of the system."), p.altText());
        assertEquals(40 + 30 * 3 + 40, p.image().getHeight(), "two part lanes and the system's");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Availability.timeline(pair, 500, 1));
        assertEquals("years must be in [0.01, 100.0], was 500.0", e.getMessage());
    }
}
