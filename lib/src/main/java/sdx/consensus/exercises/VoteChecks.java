package sdx.consensus.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.consensus.SafetyRuns;
import sdx.consensus.VoteHandler;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for the RequestVote exercise. Each runs the learner's handler inside every server of
 * a three-server Raft cluster on the simulator, over many seeds with 5% message loss, partitions and
 * (where named) crashes and quick reboots, and watches one of Raft's rules; a failure names the seed
 * and the invariant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class VoteChecks {
    /** Seeds per check. */
    static final int RUNS = 150;
    /** The first seed of every check. */
    static final long SEED = 1;

    private final VoteHandler handler = Grader.submission(VoteHandler.class);

    private void holds(String invariant, boolean crashes) {
        SafetyRuns.Result r = SafetyRuns.explore(handler, RUNS, SEED, invariant, crashes);
        if (!r.safe() && r.firstSeed() >= 0) {
            fail("seed " + r.firstSeed() + " broke " + r.invariant() + ": " + r.detail());
        }
    }

    @Test
    @Order(1)
    @DisplayName("a healthy cluster elects a leader (20 seeds, no faults)")
    @Hint("a candidate needs votes from a majority: grant when every rule allows it, and return true")
    void electsLeader() {
        long seed = SafetyRuns.firstRunWithoutLeader(handler, 20, SEED);
        assertEquals(-1, seed, "seed " + seed + ": no leader after 1 s in a network without faults");
    }

    @Test
    @Order(2)
    @DisplayName("never votes for a candidate of an older term (150 seeds: loss, partitions, crashes)")
    @Hint("compare the request's term with your own current term")
    void refusesOldTerms() {
        holds("NO_STALE_VOTE", true);
    }

    @Test
    @Order(3)
    @DisplayName("at most one vote per term (150 seeds: loss, partitions, no crashes)")
    @Hint("after voting, a second candidate of the same term must be refused; asking again for the same candidate is fine")
    void oneVotePerTerm() {
        holds("ONE_VOTE_PER_TERM", false);
    }

    @Test
    @Order(4)
    @DisplayName("remembers its vote across a crash: on disk before the reply (150 seeds: crashes, reboots)")
    @Hint("only what is on disk survives a crash: what must be written before you grant?")
    void voteSurvivesCrash() {
        holds("VOTE_PERSISTED", true);
        holds("ONE_VOTE_PER_TERM", true);
    }

    @Test
    @Order(5)
    @DisplayName("votes only for a candidate whose log is at least as up to date (150 seeds)")
    @Hint("compare last log terms first; only when they are equal does the last index decide")
    void upToDateLog() {
        holds("UP_TO_DATE_VOTE", true);
    }

    @Test
    @Order(6)
    @DisplayName("one leader per term, committed entries never lost (150 seeds)")
    @Hint("this follows when every rule above holds; fix the checks above first")
    void safety() {
        holds("ELECTION_SAFETY", true);
        holds("STATE_MACHINE_SAFETY", true);
        holds("LEADER_COMPLETENESS", true);
    }
}
