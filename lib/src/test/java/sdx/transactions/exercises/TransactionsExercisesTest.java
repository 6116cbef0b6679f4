package sdx.transactions.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.Report;
import sdx.sim.Context;
import sdx.transactions.Anomaly;
import sdx.transactions.Participant;
import sdx.transactions.TwoPcMessage;
import sdx.transactions.TwoPcParticipant;

/** The participant checker passes the reference and fails each mutant on the check that targets it. */
class TransactionsExercisesTest {
    enum Bug { IGNORES_DECISION, ALWAYS_YES, COMMITS_ON_TIMEOUT, ABORTS_ON_TIMEOUT, FORGETS_ON_RESTART }

    /** A participant written from scratch with one deliberate bug (or none). */
    static final class Mutant implements Participant {
        private final Settings settings;
        private final Set<Bug> bugs;
        private Boolean decision;
        private boolean prepared;

        Mutant(Settings settings, Set<Bug> bugs) {
            this.settings = settings;
            this.bugs = bugs;
        }

        @Override
        public void onStart(Context<TwoPcMessage> ctx) {
            if (!bugs.contains(Bug.FORGETS_ON_RESTART)) decision = ctx.disk().get("d", Boolean.class).orElse(null);
        }

        @Override
        public void onMessage(String from, TwoPcMessage m, Context<TwoPcMessage> ctx) {
            if (m instanceof TwoPcMessage.Prepare) {
                boolean yes = settings.voteYes() || bugs.contains(Bug.ALWAYS_YES);
                if (!yes) decide(false, ctx);
                prepared = yes;
                ctx.send(from, new TwoPcMessage.Vote(yes));
                ctx.set(new TwoPcMessage.AskAgain(), settings.askAgainMicros());
            } else if (m instanceof TwoPcMessage.Decision d && !bugs.contains(Bug.IGNORES_DECISION)) {
                if (decision == null) decide(d.commit(), ctx);
                ctx.send(from, new TwoPcMessage.Ack());
            }
        }

        @Override
        public void onTimer(TwoPcMessage t, Context<TwoPcMessage> ctx) {
            if (decision != null || !prepared) return;
            if (bugs.contains(Bug.COMMITS_ON_TIMEOUT)) decide(true, ctx);
            else if (bugs.contains(Bug.ABORTS_ON_TIMEOUT)) decide(false, ctx);
            else ctx.set(new TwoPcMessage.AskAgain(), settings.askAgainMicros());
        }

        private void decide(boolean commit, Context<TwoPcMessage> ctx) {
            decision = commit;
            ctx.disk().put("d", commit);
        }

        @Override
        public Boolean decision() {
            return decision;
        }
    }

    static Function<Participant.Settings, Participant> with(Bug... bugs) {
        Set<Bug> set = bugs.length == 0 ? EnumSet.noneOf(Bug.class) : EnumSet.of(bugs[0], bugs);
        return s -> new Mutant(s, set);
    }

    static void failsOnly(Report r, String check) {
        assertTrue(r.results().stream().anyMatch(x -> x.check().equals(check) && x.status() == Report.Status.FAILED),
                check + " must fail: " + r.toString());
    }

    @Test
    void referenceAndAFromScratchAnswerPass() {
        assertTrue(TransactionsExercises.participant(TwoPcParticipant::new).passed());
        assertTrue(TransactionsExercises.participant(with()).passed());
    }

    @Test
    void stubIsNotAttempted() {
        Report r = TransactionsExercises.participant(s -> new Participant() {
            public void onMessage(String from, TwoPcMessage m, Context<TwoPcMessage> ctx) { Exercise.todo(); }
            public Boolean decision() { return null; }
        });
        assertTrue(r.results().stream().allMatch(x -> x.status() == Report.Status.NOT_ATTEMPTED), r.toString());
    }

    @Test
    void eachMutantFailsItsCheck() {
        failsOnly(TransactionsExercises.participant(with(Bug.IGNORES_DECISION)), "everyone votes yes, nothing fails: all commit");
        failsOnly(TransactionsExercises.participant(with(Bug.ALWAYS_YES)), "one participant votes no: all abort");
        failsOnly(TransactionsExercises.participant(with(Bug.COMMITS_ON_TIMEOUT)), "the coordinator crashes before deciding: wait for it, then abort with everyone");
        failsOnly(TransactionsExercises.participant(with(Bug.FORGETS_ON_RESTART)), "a participant crashes after deciding and restarts: it still knows its decision");
        failsOnly(TransactionsExercises.participant(with(Bug.ABORTS_ON_TIMEOUT)), "10% of messages lost: still all commit, and nobody decides alone");
    }

    @Test
    void failureNamesSeedAndProperty() {
        Report r = TransactionsExercises.participant(with(Bug.COMMITS_ON_TIMEOUT));
        String msg = r.toString();
        assertTrue(msg.contains("seed 1") && msg.contains("validity"), msg);
    }

    @Test
    void anomalyPrediction() {
        assertTrue(TransactionsExercises.predictAnomalies(Anomaly.LOST_UPDATE, Anomaly.NONE).passed());
        Report wrong = TransactionsExercises.predictAnomalies(Anomaly.NONE, Anomaly.LOST_UPDATE);
        failsOnly(wrong, "at READ_COMMITTED");
        failsOnly(wrong, "at SNAPSHOT");
        assertTrue(!wrong.toString().contains("LOST_UPDATE, ") && !wrong.toString().contains("expected"), "never reveals: " + wrong.toString());
        Report none = TransactionsExercises.predictAnomalies(null, null);
        assertTrue(none.results().stream().allMatch(x -> x.status() == Report.Status.NOT_ATTEMPTED), none.toString());
        assertEquals(2, none.results().size());
    }
}
