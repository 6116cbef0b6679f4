package sdx.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinAndBackupTest {

    /** Worked by hand: users 0 (FR), 1 (US); orders 0->100, 1->50, 0->7: FR 107, US 50. */
    @Test
    void bothJoinPlansGiveTheHandAnswer() {
        Join j = new Join(List.of(new Join.User(0, "FR"), new Join.User(1, "US")),
                List.of(new Join.Order(0, 0, 100), new Join.Order(1, 1, 50), new Join.Order(2, 0, 7)));
        assertEquals(Map.of("FR", 107L, "US", 50L), j.revenueByCountry());
        var rs = j.reduceSide(2, 2, 2);
        assertEquals(Map.of(0, "FR|107", 1, "US|50"), rs.output());
        assertEquals(5, rs.shuffleRecords(), "2 users + 3 orders cross the shuffle");
        var bc = j.broadcast(2, 1, 2);
        assertEquals(Map.of("FR", 107L, "US", 50L), bc.output());
        assertEquals(2, bc.shuffleRecords(), "one map task, combiner: one pair per country");
    }

    @Test
    void broadcastShufflesLessButCopiesTheSmallTable() {
        Join j = Join.generate(2_000, 50_000, 3);
        var rs = j.reduceSide(2, 8, 4);
        var bc = j.broadcast(2, 8, 4);
        assertEquals(j.revenueByCountry(), Join.byCountry(rs.output()));
        assertEquals(j.revenueByCountry(), bc.output());
        assertEquals(52_000, rs.shuffleRecords());
        assertTrue(bc.shuffleRecords() <= 8 * 8, "at most one pair per country per map task");
        var t = j.compare(rs, bc);
        assertTrue(t.name().endsWith("equal: yes"), t.name());
        assertEquals(j.usersBytes() * 8, t.longColumn("bytes broadcast").get(1));
    }

    /**
     * The paper's straggler in simulated time: 16 tasks of 64 MB on 4 workers, worker 4 at 1 MB/s.
     * Without backups the phase ends when worker 4's first task does (64 s +-10%); with backups it ends
     * a little after the 15 other tasks (about 15 / 3 tasks per worker * 2.1 s, plus one backup of 2.1 s).
     */
    @Test
    void backupTasksRescueTheSimulatedStraggler() {
        var off = BackupTasks.simulate(16, 4, 4, false, 1);
        var on = BackupTasks.simulate(16, 4, 4, true, 1);
        var slowFirst = off.attempts().stream().filter(a -> a.worker() == 4).findFirst().orElseThrow();
        assertEquals(slowFirst.endMs() / 1000, off.finishSeconds(), 1e-9);
        assertTrue(off.finishSeconds() > 57 && off.finishSeconds() < 71, "64 s +-10%: " + off.finishSeconds());
        assertEquals(0, off.backupsLaunched());
        assertTrue(on.finishSeconds() < 16, "with backups: " + on.finishSeconds());
        assertTrue(on.backupsLaunched() >= 1);
        assertTrue(on.attempts().stream().anyMatch(a -> a.backup() && a.outcome() == TaskAttempt.Outcome.SUCCEEDED));
        assertEquals(on.finishSeconds(), BackupTasks.simulate(16, 4, 4, true, 1).finishSeconds(), 0.0, "deterministic");
        assertEquals(2, BackupTasks.compare(off, on).rowCount());
    }
}
