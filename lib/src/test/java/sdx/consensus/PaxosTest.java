package sdx.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PaxosTest {

    @Test
    void paxosNeverChoosesTwoValuesUnderLossAndCrashes() {
        var e = Paxos.explore(Paxos.Variant.PAXOS, 300);
        assertTrue(e.ok(), e.toString());
    }

    /** The invariant can fail: a proposer that ignores the promises' accepted values chooses a second value. */
    @Test
    void theExplorerFindsTheBrokenProposer() {
        var e = Paxos.explore(Paxos.Variant.IGNORES_PROMISES, 300);
        assertFalse(e.ok(), e.toString());
        assertEquals(Paxos.AT_MOST_ONE_CHOSEN, e.firstFailure().invariant());
        assertTrue(e.firstFailure().message().contains("seed " + e.firstFailure().seed()), e.firstFailure().message());
        assertTrue(e.firstFailure().reproduced(), e.toString());
    }

    @Test
    void immediateRetriesStallLongerThanRandomBackOff() {
        var p = Paxos.progress(200);
        var immediate = p.runs().get(Paxos.Retry.IMMEDIATE);
        var backoff = p.runs().get(Paxos.Retry.RANDOM_BACKOFF);
        int maxImmediate = Arrays.stream(immediate).mapToInt(Paxos.Duel::ballots).max().orElseThrow();
        int maxBackoff = Arrays.stream(backoff).mapToInt(Paxos.Duel::ballots).max().orElseThrow();
        // a stall: both proposers pre-empted each other several times (2 ballots would be no duel at all)
        assertTrue(maxImmediate >= 8, "longest immediate-retry duel: " + maxImmediate + " ballots");
        assertTrue(maxBackoff < maxImmediate, maxBackoff + " vs " + maxImmediate);
        var worst = Paxos.duel(p.worstSeed(Paxos.Retry.IMMEDIATE), Paxos.Retry.IMMEDIATE);
        assertEquals(maxImmediate, worst.ballots());
        for (var runs : p.runs().values()) {
            for (var d : runs) {
                assertTrue(Double.isFinite(d.chosenMs()), "undecided: seed " + d.seed() + " " + d.retry());
                assertTrue(d.value().equals("A") || d.value().equals("B"), String.valueOf(d.value()));
                assertTrue(Paxos.chosen(d.sim()).size() == 1 && Paxos.chosen(d.sim()).contains(d.value()),
                        "seed " + d.seed() + ": the proposers learned " + d.value() + ", the acceptors chose " + Paxos.chosen(d.sim()));
            }
        }
        assertEquals(2, p.table().rowCount());
    }

    @Test
    void sameSeedSameDuel() {
        var a = Paxos.duel(17, Paxos.Retry.IMMEDIATE);
        var b = Paxos.duel(17, Paxos.Retry.IMMEDIATE);
        assertEquals(a.ballots(), b.ballots());
        assertEquals(a.chosenMs(), b.chosenMs());
        assertEquals(a.sim().trace().size(), b.sim().trace().size());
        assertEquals(4, a.ballotPlot().seriesCount());
        assertTrue(a.diagram(20).image().getWidth() > 0);
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Paxos.explore(Paxos.Variant.PAXOS, 0))
                .getMessage().contains("seeds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Paxos.duel(1, null)).getMessage().contains("retry"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Paxos.progress(-1)).getMessage().contains("seeds"));
    }
}
