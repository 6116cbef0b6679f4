package sdx.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AtomicCommitTest {
    @Test
    void allYesCommits() {
        CommitRun r = AtomicCommit.twoPc(CommitScenario.of(1));
        assertEquals(Map.of("p1", "commit", "p2", "commit", "p3", "commit"), r.decisions());
        assertTrue(r.maxLockedMs() < 30, "locks held about two hops plus p3's slow link: " + r.maxLockedMs());
    }

    @Test
    void oneNoAbortsEveryone() {
        CommitRun r = AtomicCommit.twoPc(CommitScenario.of(1).voteNo(2));
        assertEquals(Map.of("p1", "abort", "p2", "abort", "p3", "abort"), r.decisions());
    }

    @Test
    void coordinatorCrashBetweenVotesBlocksUntilItRestartsThenPresumedAbort() {
        CommitRun r = AtomicCommit.twoPc(CommitScenario.of(1).crashCoordinator(10, 500));
        assertEquals(Map.of("p1", "abort", "p2", "abort", "p3", "abort"), r.decisions());
        for (double held : r.lockedMs().values()) assertEquals(510, held, 3.0, "locked from ~1 hop to restart + 1 hop");
    }

    @Test
    void blockingGrowsWithDowntimeAsExpected() {
        // each hop is uniform in [1, 3] ms: the lock-to-unlock time differs from crash + downtime by the
        // difference of two hops, so by at most 2 ms; the longest of three participants by the same bound.
        BlockingStudy b = AtomicCommit.blocking(10, new double[] {50, 200, 500, 800}, 3);
        double[] d = b.downtimesMs(), h = b.maxHeldMs();
        for (int i = 0; i < d.length; i++) assertEquals(b.expectedMs(d[i]), h[i], 2.0, "downtime " + d[i]);
    }

    @Test
    void threePcDoesNotBlockOnACoordinatorCrash() {
        CommitRun r = AtomicCommit.threePc(CommitScenario.of(1).crashCoordinator(10, 900));
        assertTrue(r.agree());
        assertTrue(!r.decisions().containsValue("undecided"), r.decisions().toString());
    }

    @Test
    void partitionsMakeThreePcDisagreeButNeverTwoPc() {
        PartitionStudy p = AtomicCommit.underPartitions(300, 5);
        assertTrue(p.disagree3() > 0, "the explorer must find a 3PC disagreement");
        assertEquals(0, p.disagree2(), "2PC never disagrees");
        assertTrue(p.undecided2() > 0, "2PC blocks instead");
        CommitRun c = p.counterexample().orElseThrow();
        CommitRun again = AtomicCommit.threePc(c.scenario(), AtomicCommit.randomPartition(c.scenario()));
        assertEquals(c.decisions(), again.decisions(), "reproduced from its scenario's seed");
        assertEquals(c.sim().trace().size(), again.sim().trace().size());
    }

    @Test
    void sameSeedSameRun() {
        assertEquals(AtomicCommit.underPartitions(50, 9).table().print(), AtomicCommit.underPartitions(50, 9).table().print());
    }
}
