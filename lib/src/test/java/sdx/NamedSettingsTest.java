package sdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sdx.core.Corpus;
import sdx.gossip.BroadcastRun;
import sdx.mapreduce.BackupTasks;
import sdx.sharding.SecondaryIndexes;
import sdx.sim.Time;

/**
 * The named settings notebooks use in place of long positional lists: each names what it sets, runs exactly what
 * the positional call runs, and refuses a bad value by name.
 */
class NamedSettingsTest {
    @Test
    void broadcastSettingsRunWhatThePositionalCallRuns() {
        var named = BroadcastRun.run(BroadcastRun.Settings.defaults().withSeconds(1).withPartition(Time.ms(300), Time.ms(700)).withSeed(4));
        var positional = BroadcastRun.run(5, 0.05, 1, Time.ms(300), Time.ms(700), 4);
        assertEquals(positional.report().toString(), named.report().toString());
        assertEquals(java.util.Arrays.toString(positional.stable()), java.util.Arrays.toString(named.stable()));
        var e = assertThrows(IllegalArgumentException.class,
                () -> BroadcastRun.Settings.defaults().withPartition(Time.s(2), Time.s(1)));
        assertTrue(e.getMessage().contains("healAt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BroadcastRun.Settings.defaults().withNodes(2));
        assertTrue(e.getMessage().contains("nodes") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void secondaryIndexSettingsRunWhatThePositionalCallRuns() {
        var named = SecondaryIndexes.run(SecondaryIndexes.Settings.defaults().withDocs(5_000).withValues(500).withQueries(400));
        assertEquals(SecondaryIndexes.run(8, 5_000, 500, 400, 42), named);
        var e = assertThrows(IllegalArgumentException.class, () -> SecondaryIndexes.Settings.defaults().withShards(1));
        assertTrue(e.getMessage().contains("shards"), e.getMessage());
    }

    @Test
    void backupTaskSettingsRunWhatThePositionalCallRuns() {
        var named = BackupTasks.simulate(BackupTasks.Settings.defaults().withBackups(true));
        assertEquals(BackupTasks.simulate(16, 4, 4, true, 1), named);
        assertEquals(3, BackupTasks.Settings.defaults().withWorkers(3).slowWorker(), "the last worker is the slow one");
        var e = assertThrows(IllegalArgumentException.class, () -> BackupTasks.Settings.defaults().withTasks(0));
        assertTrue(e.getMessage().contains("tasks"), e.getMessage());
    }

    @Test
    void corpusTextGeneratesWhatThePositionalCallGenerates() {
        assertEquals(Corpus.zipf(3_000, 20_000, 1.2, 10, 42), Corpus.zipf(Corpus.Text.of(3_000).withSkew(1.2).withWordsPerLine(10)));
        var e = assertThrows(IllegalArgumentException.class, () -> Corpus.Text.of(100).withSkew(-1));
        assertTrue(e.getMessage().contains("skew"), e.getMessage());
    }
}
