package sdx.transactions.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.sim.Schedule;
import sdx.sim.Time;
import sdx.transactions.AtomicCommit;
import sdx.transactions.CommitRun;
import sdx.transactions.CommitScenario;
import sdx.transactions.Participant;

/**
 * Hidden checks for the 2PC participant exercise, graded the 6.5840 way: the learner's participant runs
 * with the reference coordinator on the simulator, first without faults, then with a coordinator crash,
 * a participant crash, and message loss over many seeds. A failure names the seed and the property.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ParticipantChecks {
    /** Seeds per fault-injected check. */
    static final int SEEDS = 100;

    @SuppressWarnings("unchecked")
    private final Function<Participant.Settings, Participant> factory = Grader.submission(Function.class);

    @Test
    @Basic
    @Order(1)
    @DisplayName("everyone votes yes, nothing fails: all commit")
    @Hint("on Prepare, vote yes (when settings.voteYes()) by sending a Vote back to the coordinator; on Decision, decide and send an Ack")
    void allYes() {
        expect(AtomicCommit.twoPc(CommitScenario.of(1), factory), "commit", 1, "no faults");
    }

    @Test
    @Basic
    @Order(2)
    @DisplayName("one participant votes no: all abort")
    @Hint("a participant whose settings say voteYes() == false must vote no (and may abort at once)")
    void oneNo() {
        for (int no = 1; no <= 3; no++) {
            expect(AtomicCommit.twoPc(CommitScenario.of(no).voteNo(no), factory), "abort", no, "p" + no + " votes no");
        }
    }

    @Test
    @Order(3)
    @DisplayName("the coordinator crashes before deciding: wait for it, then abort with everyone")
    @Hint("having voted yes you may not decide alone, not even on a timeout: ask the coordinator again and wait")
    void coordinatorCrash() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            CommitRun r = AtomicCommit.twoPc(CommitScenario.of(seed).crashCoordinator(10, 300), factory);
            expect(r, "abort", seed, "coordinator down from 10 ms to 310 ms");
        }
    }

    @Test
    @Order(4)
    @DisplayName("a participant crashes after deciding and restarts: it still knows its decision")
    @Hint("everything outside ctx.disk() is lost in a crash: write the decision to disk, and read it back in onStart")
    void participantCrash() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Schedule crash = Schedule.at(Time.ms(60)).crash("p1").then(Time.ms(100)).restart("p1");
            CommitRun r = AtomicCommit.twoPc(CommitScenario.of(seed), factory, crash, 0);
            expect(r, "commit", seed, "p1 crashes at 60 ms and restarts at 100 ms");
        }
    }

    @Test
    @Order(5)
    @DisplayName("10% of messages lost: still all commit, and nobody decides alone")
    @Hint("a lost Decision is sent again by the coordinator; never turn a timeout into a decision of your own")
    void lossyNetwork() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            CommitRun r = AtomicCommit.twoPc(CommitScenario.of(seed), factory, Schedule.none(), 0.1);
            if (r.coordinator().equals("undecided")) continue; // cannot happen: the coordinator decides on its vote timeout
            expect(r, r.coordinator(), seed, "10% loss");
        }
    }

    /** Every participant must have decided {@code outcome}; otherwise a short message naming the seed and property. */
    private static void expect(CommitRun r, String outcome, long seed, String setting) {
        for (Map.Entry<String, String> e : r.decisions().entrySet()) {
            String got = e.getValue();
            if (got.equals(outcome)) continue;
            String property = got.equals("undecided") ? "termination: every participant decides once the coordinator is reachable"
                    : outcome.equals("abort") && got.equals("commit") ? "validity: commit only after a commit decision"
                    : "agreement: every participant decides what the coordinator decided";
            fail("seed " + seed + " (" + setting + "): " + e.getKey() + " ended " + got + ", the coordinator decided "
                    + r.coordinator() + ". Violated " + property + ".");
        }
    }
}
