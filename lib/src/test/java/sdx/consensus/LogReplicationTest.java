package sdx.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogReplicationTest {

    /** The outcome the notebook describes, over several seeds (different leaders, timings and terms). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 42})
    void aCutOffLeaderCannotCommitAndItsEntryIsOverwritten(long seed) {
        var r = LogReplication.partitionedLeader(seed);
        assertFalse(r.oldLeader().equals(r.newLeader()), r.table().print());
        for (var row : r.rows()) {
            if (row.side().equals("old leader's side")) {
                assertEquals("x=2", row.beforeHeal().split("@")[0], row.toString()); // stored ...
                assertFalse(row.committedBeforeHeal(), row.toString());               // ... but never committed
            } else if (row.server().equals(r.newLeader())) {
                assertEquals("x=3", row.beforeHeal().split("@")[0], row.toString());
                assertTrue(row.committedBeforeHeal(), row.toString()); // a majority (3 of 5) stored it
            }
            assertEquals("x=3", row.afterHeal().split("@")[0], row.toString()); // x=2 overwritten everywhere
            assertTrue(row.committedAfterHeal(), row.toString());
        }
        assertFalse(r.oldEntryCommitted(), r.table().print());
        assertTrue(r.newEntryEverywhere(), r.table().print());
        // the diagram's trace holds the partition, the heal and the dropped x=2 appends
        assertTrue(r.trace().events().stream().anyMatch(e -> e.kind() == sdx.sim.TraceEvent.Kind.PARTITION));
        assertTrue(r.trace().events().stream().anyMatch(e -> e.kind() == sdx.sim.TraceEvent.Kind.HEAL));
        assertTrue(r.trace().events().stream().anyMatch(e -> e.kind() == sdx.sim.TraceEvent.Kind.DROP
                && e.message() instanceof RaftMessage.AppendEntries ae && !ae.entries().isEmpty()
                && ae.entries().get(ae.entries().size() - 1).command().equals("x=2")));
    }

    @Test
    void sameSeedSameRun() {
        var a = LogReplication.partitionedLeader(7);
        var b = LogReplication.partitionedLeader(7);
        assertEquals(a.rows(), b.rows());
        assertEquals(a.trace().size(), b.trace().size());
    }

    @Test
    void theDiagramDraws() {
        var p = LogReplication.partitionedLeader(1).diagram();
        assertTrue(p.image().getWidth() > 0 && p.image().getHeight() > 0);
    }
}
