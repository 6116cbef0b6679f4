package sdx.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sdx.sim.Exploration;

class LeaderFollowerTest {
    @Test
    void synchronousAndSemiSynchronousLoseNothingAsynchronousDoes() {
        ModeStudy m = LeaderFollower.modes(1, 10);
        assertEquals(0, m.row(Mode.SYNC).lost(), m.table().plain());
        assertEquals(0, m.row(Mode.SEMI_SYNC).lost(), m.table().plain());
        assertTrue(m.row(Mode.ASYNC).lost() > 0, m.table().plain());
        // the price: async answers after the client round trip alone (2 ms), sync waits for the slower follower
        assertEquals(2.0, m.row(Mode.ASYNC).p50Ms(), 1e-9);
        assertTrue(m.row(Mode.SYNC).p50Ms() > m.row(Mode.SEMI_SYNC).p50Ms(), m.table().plain());
    }

    @Test
    void asyncLossFollowsLittlesLaw() {
        LossCurve c = LeaderFollower.asyncLoss(1, new double[] {100, 400}, 40);
        double[] lost = c.lost(), theory = c.theory();
        for (int i = 0; i < lost.length; i++) {
            // the count lost per crash has a standard deviation near sqrt(mean) (<= 1.7 here); over 40 crashes the mean's
            // is <= 0.27, so 0.6 + 10% allows a little over 2 standard errors plus the lag estimate's own error
            assertEquals(theory[i], lost[i], 0.6 + 0.1 * theory[i], c.table().plain());
        }
    }

    @Test
    void staleReadsMatchTheDelayModelAndTheTokenRemovesThem() {
        StaleReads s = LeaderFollower.staleReads(1, new double[] {0, 2, 4, 8}, 400);
        double[] stale = s.stale(), theory = s.theory(), token = s.staleWithToken();
        for (int i = 0; i < stale.length; i++) {
            // binomial standard error with 400 trials is at most 0.025: allow about 3 of them
            assertEquals(theory[i], stale[i], 0.075, s.table().plain());
            assertEquals(0.0, token[i], s.table().plain());
        }
    }

    @Test
    void fencingStopsTheOldLeader() {
        SplitBrain without = LeaderFollower.splitBrain(1, false), with = LeaderFollower.splitBrain(1, true);
        assertTrue(without.ackedByOld() > 0 && without.ackedByNew() > 0, "two leaders accept writes");
        assertTrue(without.lost() > 0);
        assertEquals("LEADER", without.oldLeaderRoleAtEnd());
        assertEquals(0, with.ackedByOld());
        assertEquals(0, with.lost());
        assertEquals(0, with.divergentPositions());
        assertEquals("FOLLOWER", with.oldLeaderRoleAtEnd());
        assertTrue(with.ackedByNew() > 0);
        assertTrue(with.oldLeaderDropped() > 0, "n1 took writes while cut off that nobody acknowledged, and dropped them");
        assertTrue(without.divergentPositions() > 0);
        assertEquals(0, without.oldLeaderDropped());
    }

    @Test
    void aDeposedLeaderRejoinsAndEndsWithTheNewLeadersLog() {
        Cluster c = Cluster.start(3, Cluster.Settings.of(Mode.SEMI_SYNC).fencing(true).clients(1))
                .writes(sdx.sim.Time.ms(10), 60);
        c.staleClientWrites("n1", sdx.sim.Time.ms(10), 60);
        c.sim().at(LeaderFollower.CUT, s -> s.partition(java.util.Set.of("n1")));
        c.sim().at(LeaderFollower.PROMOTE, s -> c.failover());
        c.sim().at(LeaderFollower.HEAL, s -> s.heal());
        c.sim().runFor(sdx.sim.Time.ms(1000));
        Replica old = c.replica("n1"), leader = c.replica("n2");
        assertEquals(Replica.Role.FOLLOWER, old.role());
        assertEquals(leader.epoch(), old.epoch());
        assertEquals(leader.log(), old.log(), "after rejoining, the old leader holds exactly the new leader's log");
        assertEquals(leader.applied(), old.applied());
        assertTrue(old.discarded() > 0);
    }

    @Test
    void explorerFindsLostWritesOnlyWithAsync() {
        assertTrue(LeaderFollower.explore(Mode.SYNC, 1, 40).ok());
        assertTrue(LeaderFollower.explore(Mode.SEMI_SYNC, 1, 40).ok());
        Exploration e = LeaderFollower.explore(Mode.ASYNC, 1, 40);
        assertFalse(e.ok());
        assertEquals(LeaderFollower.NO_ACKED_WRITE_LOST, e.firstFailure().invariant());
        assertTrue(e.firstFailure().reproduced());
    }

    @Test
    void sameSeedSameNumbers() {
        assertEquals(LeaderFollower.modes(3, 2), LeaderFollower.modes(3, 2));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LeaderFollower.modes(1, 0));
        assertTrue(e.getMessage().contains("runs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Cluster.Settings.of(Mode.SYNC).followers(0));
        assertTrue(e.getMessage().contains("followers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LeaderFollower.staleReads(1, new double[] {-1}, 10));
        assertTrue(e.getMessage().contains("gapsMs[0]"), e.getMessage());
    }
}
