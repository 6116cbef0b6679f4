package sdx.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reduce side of the shuffle: fetch as map tasks commit, in any order; merge in map-task order. */
class ShuffleTest {

    private static MapOutput<String, Integer> mapOutput(int value, String... keys) {
        MapOutput<String, Integer> out = new MapOutput<>(1, (k, r) -> 0, null);
        for (String k : keys) out.emit(k, value);
        out.finish();
        return out;
    }

    /** Map tasks commit in the order 2, 0, 1; the reducer still sees values in map-task order 0, 1, 2. */
    @Test
    void fetchesInCommitOrderMergesInMapOrder() {
        Shuffle.Inbox<String, Integer> inbox = new Shuffle.Inbox<>(3, 0);
        assertTrue(inbox.fetch(2, mapOutput(30, "b", "a")));
        assertTrue(inbox.fetch(0, mapOutput(10, "a")));
        assertThrows(IllegalStateException.class, inbox::merge, "the merge must wait for every map task");
        assertTrue(inbox.fetch(1, mapOutput(20, "a", "c")));
        assertEquals(5, inbox.records);
        // "a\t30\n" is 5 bytes: a 10, a 20, c 20, b 30, a 30 -> 5 pairs of 5 bytes
        assertEquals(25, inbox.bytes);
        var p = inbox.merge();
        assertEquals(Map.of("a", List.of(10, 20, 30), "b", List.of(30), "c", List.of(20)), p.groups());
        assertEquals(List.of("a", "b", "c"), List.copyOf(p.groups().keySet()), "keys sorted");
    }

    /** A re-executed map task's output is not fetched twice by a partition that already holds it. */
    @Test
    void aReExecutedMapTaskIsFetchedOnce() {
        Shuffle.Inbox<String, Integer> inbox = new Shuffle.Inbox<>(1, 0);
        assertTrue(inbox.fetch(0, mapOutput(1, "x")));
        assertFalse(inbox.fetch(0, mapOutput(1, "x")));
        assertEquals(1, inbox.records);
    }
}
