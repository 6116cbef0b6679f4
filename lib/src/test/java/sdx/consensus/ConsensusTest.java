package sdx.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Election times against theory, quorum sizes, safety runs, determinism and argument checks. */
class ConsensusTest {

    @Test
    void uniformSumCdfMatchesHandValues() {
        // U(0,1) + U(0,1): CDF at 1 is 1/2, at 0.5 is 0.125, at 2 is 1
        assertEquals(0.5, ElectionTimes.uniformSumCdf(1, 0, 1, 0, 1), 1e-12);
        assertEquals(0.125, ElectionTimes.uniformSumCdf(0.5, 0, 1, 0, 1), 1e-12);
        assertEquals(1, ElectionTimes.uniformSumCdf(2, 0, 1, 0, 1), 1e-12);
        assertEquals(0.5, ElectionTimes.uniformSumCdf(155, 0, 0, 150, 160), 1e-12); // a constant plus a uniform
    }

    @Test
    void expectedFirstTimeoutWithoutJitterIsTheMinimumOfUniforms() {
        // no delays: E[min of 4 U(150,300)] - E[U(0,75)] = 150 + 150/5 - 37.5
        double cdfMean = 0;
        int steps = 4000;
        double lo = 50, hi = 300, dt = (hi - lo) / steps;
        for (int i = 0; i < steps; i++) {
            cdfMean += 1 - ElectionTimes.firstTimeoutCdf(lo + (i + 0.5) * dt, 150, 300, 75, 0, 0, 4);
        }
        assertEquals(150 + 150 / 5.0 - 37.5, lo + cdfMean * dt, 0.05);
    }

    @Test
    void firstTimeoutAgreesWithTheoryByKolmogorovSmirnov() {
        // The first timeout after the crash is exactly min_i(L_i + T_i) - U in the model, so the empirical CDF
        // of n trials must lie within the KS critical distance 1.63/sqrt(n) (alpha = 1%) of the theory CDF.
        for (double[] r : new double[][] {{150, 300}, {150, 200}, {50, 100}}) {
            ElectionTimes e = ElectionTimes.measure(new double[][] {r}, 400, 7);
            double[] x = e.ranges().get(0).firstTimeoutMs();
            Arrays.sort(x);
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                double f = ElectionTimes.firstTimeoutCdf(x[i], r[0], r[1]);
                d = Math.max(d, Math.max(Math.abs((i + 1.0) / x.length - f), Math.abs((double) i / x.length - f)));
            }
            assertTrue(d < 1.63 / Math.sqrt(x.length), Arrays.toString(r) + ": KS distance " + d);
        }
    }

    @Test
    void randomnessRemovesSplitVotesAsInThePaper() {
        ElectionTimes e = ElectionTimes.measure(new double[][] {{150, 150}, {150, 155}, {150, 300}}, 150, 3);
        ElectionTimes.Range fixed = e.ranges().get(0), five = e.ranges().get(1), wide = e.ranges().get(2);
        assertTrue(fixed.noLeaderShare() > 0.2, "fixed timeouts often livelock: " + fixed.noLeaderShare());
        assertEquals(0, wide.noLeaderShare());
        assertTrue(five.splitShare() > wide.splitShare(), five.splitShare() + " vs " + wide.splitShare());
        // every new leader comes after the first timeout
        double[] el = wide.electionMs(), ft = wide.firstTimeoutMs();
        for (int i = 0; i < el.length; i++) assertTrue(el[i] > ft[i]);
    }

    @Test
    void sameSeedSameElections() {
        ElectionTimes a = ElectionTimes.measure(ElectionTimes.PAPER_SHORT, 40, 11);
        ElectionTimes b = ElectionTimes.measure(ElectionTimes.PAPER_SHORT, 40, 11);
        for (int i = 0; i < a.ranges().size(); i++) {
            assertArrayEquals(a.ranges().get(i).electionMs(), b.ranges().get(i).electionMs());
        }
        assertEquals(a.table().print(), b.table().print());
    }

    @Test
    void majoritiesSurviveFloorOfHalfMinusOne() {
        for (int n = 1; n <= 6; n++) assertEquals(Quorums.theory(n), Quorums.failuresSurvived(n, 42), "n = " + n);
    }

    @Test
    void raftKeepsEveryInvariantOverManyFaultRuns() {
        SafetyRuns.Result r = SafetyRuns.explore(SafetyRuns.Variant.RAFT, 300, 1000);
        assertTrue(r.safe(), r.toString());
        assertTrue(r.elections() > 300 && r.commits() > 1000, r.toString());
    }

    @Test
    void explorerFindsTheForgetfulVoterAndReplaysIt() {
        SafetyRuns.Result r = SafetyRuns.explore(SafetyRuns.Variant.FORGETS_VOTE_ON_RESTART, 2000, 1, "ELECTION_SAFETY");
        assertFalse(r.safe());
        assertEquals("ELECTION_SAFETY", r.invariant());
        assertEquals(r, SafetyRuns.explore(SafetyRuns.Variant.FORGETS_VOTE_ON_RESTART, 2000, 1, "ELECTION_SAFETY"));
        assertTrue(SafetyRuns.explain(SafetyRuns.Variant.FORGETS_VOTE_ON_RESTART, r.firstSeed(), "ELECTION_SAFETY")
                .contains("both leaders of term"));
        assertTrue(SafetyRuns.diagram(SafetyRuns.Variant.FORGETS_VOTE_ON_RESTART, r.firstSeed(), "ELECTION_SAFETY", 400)
                .image().getWidth() > 0);
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        var e = assertThrows(IllegalArgumentException.class, () -> ElectionTimes.measure(ElectionTimes.PAPER_SHORT, 0, 1));
        assertTrue(e.getMessage().contains("trials"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ElectionTimes.measure(new double[][] {{200, 100}}, 5, 1));
        assertTrue(e.getMessage().contains("max timeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SafetyRuns.explore(SafetyRuns.Variant.RAFT, 10, 1, "TWO_LEADERS"));
        assertTrue(e.getMessage().contains("invariant"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RaftConfig.timeouts(150, 100));
        assertThrows(IllegalArgumentException.class, () -> Quorums.failuresSurvived(0, 1));
    }
}
