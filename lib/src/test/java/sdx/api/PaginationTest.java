package sdx.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PaginationTest {

    @Test
    void rowsReadAgreeWithTheoryExactly() {
        // The counts are deterministic (no timing): tolerance 0. Offset reads offset + limit rows; keyset reads limit.
        try (Pagination p = Pagination.open(20_000)) {
            Pagination.Cost c = p.cost(20, 0, 1_000, 5_000, 19_980);
            for (int i = 0; i < c.offsets().length; i++) {
                assertEquals(Pagination.Cost.offsetTheory(c.offsets()[i], 20), c.offsetVisits()[i]);
                assertEquals(Pagination.Cost.keysetTheory(20), c.keysetVisits()[i]);
            }
            assertArrayEquals(new long[] {5001, 5002, 5003}, p.byKeyset(5000, 3).ids());
            assertTrue(p.plans().stringColumn(1).get(1).contains("rowid>?") || p.plans().stringColumn(1).get(1).contains("SEARCH"));
            assertThrows(IllegalArgumentException.class, () -> p.cost(20, 19_990));
        }
    }

    @Test
    void offsetPagesRepeatOnInsertsAndSkipOnDeletesKeysetPagesDoNeither() {
        // Inserts on top push unread items down: the next offset re-reads items (repeats). Deletes of items
        // already read pull unread ones up past the offset (skips). A keyset cursor is a position in the data.
        Pagination.Drift inserts = Pagination.driftOf("offset", 100, 10, 2, 0, 7);
        Pagination.Drift deletes = Pagination.driftOf("offset", 100, 10, 0, 2, 7);
        assertEquals(2 * (inserts.pages() - 1), inserts.repeated(), "each page after the first re-reads the 2 new items' worth");
        assertEquals(0, inserts.skipped());
        assertTrue(deletes.skipped() > 0, deletes.toString());
        assertEquals(0, deletes.repeated());
        for (int[] w : new int[][] {{2, 0}, {0, 2}, {3, 3}}) {
            Pagination.Drift k = Pagination.driftOf("keyset", 100, 10, w[0], w[1], 7);
            assertEquals(0, k.repeated(), k.toString());
            assertEquals(0, k.skipped(), k.toString());
        }
        assertEquals(deletes, Pagination.driftOf("offset", 100, 10, 0, 2, 7), "same seed, same counts");
    }
}
