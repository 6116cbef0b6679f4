package sdx.transactions.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.GraderContract;
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

    /** The participant exercise meets the course's grader contract. */
    @Nested
    class ParticipantGrader extends GraderContract<Function<Participant.Settings, Participant>> {
        @Override protected Report grade(Function<Participant.Settings, Participant> answer) { return TransactionsExercises.participant(answer); }
        @Override protected Function<Participant.Settings, Participant> reference() { return TwoPcParticipant::new; }
        @Override protected List<Function<Participant.Settings, Participant>> alsoCorrect() { return List.of(with()); }

        @Override
        protected Function<Participant.Settings, Participant> stub() {
            return s -> new Participant() {
                @Override public void onStart(Context<TwoPcMessage> ctx) { Exercise.todo(); }
                @Override public void onMessage(String from, TwoPcMessage m, Context<TwoPcMessage> ctx) { Exercise.todo(); }
                @Override public Boolean decision() { return null; }
            };
        }

        @Override
        protected List<Mutant<Function<Participant.Settings, Participant>>> mutants() {
            return List.of(
                    mutant("ignores the coordinator's decision", "allYes", with(Bug.IGNORES_DECISION)),
                    mutant("votes yes even when told to vote no", "oneNo", with(Bug.ALWAYS_YES)),
                    mutant("commits on a timeout after voting yes", "coordinatorCrash", with(Bug.COMMITS_ON_TIMEOUT)),
                    mutant("keeps its decision only in memory", "participantCrash", with(Bug.FORGETS_ON_RESTART)),
                    mutant("aborts on a timeout after voting yes", "lossyNetwork", with(Bug.ABORTS_ON_TIMEOUT)));
        }
    }

    @Test
    void aFailureNamesTheSeedAndTheProperty() {
        Report r = TransactionsExercises.participant(with(Bug.COMMITS_ON_TIMEOUT));
        String message = r.result("coordinatorCrash").orElseThrow().message();
        assertTrue(message.contains("seed 1") && message.contains("validity"), message);
    }

    /** The anomaly prediction meets the contract too: its mutants are the likely wrong readings. */
    @Nested
    class AnomalyGrader extends GraderContract<TransactionsExercises.AnomalyPrediction> {
        @Override protected Report grade(TransactionsExercises.AnomalyPrediction a) { return TransactionsExercises.predictAnomalies(a.atReadCommitted(), a.atSnapshot()); }
        @Override protected TransactionsExercises.AnomalyPrediction reference() { return new TransactionsExercises.AnomalyPrediction(Anomaly.LOST_UPDATE, Anomaly.NONE); }
        @Override protected TransactionsExercises.AnomalyPrediction stub() { return new TransactionsExercises.AnomalyPrediction(null, null); }

        @Override
        protected List<Mutant<TransactionsExercises.AnomalyPrediction>> mutants() {
            return List.of(
                    mutant("T1 only overwrites: nothing wrong at read committed", "readCommitted",
                            new TransactionsExercises.AnomalyPrediction(Anomaly.NONE, Anomaly.NONE)),
                    mutant("snapshot isolation loses the update too", "snapshot",
                            new TransactionsExercises.AnomalyPrediction(Anomaly.LOST_UPDATE, Anomaly.LOST_UPDATE)),
                    mutant("confuses lost update with write skew", "readCommitted",
                            new TransactionsExercises.AnomalyPrediction(Anomaly.WRITE_SKEW, Anomaly.NONE)));
        }
    }

    @Test
    void aWrongPredictionNeverNamesTheAnswer() {
        Report wrong = TransactionsExercises.predictAnomalies(Anomaly.NONE, Anomaly.LOST_UPDATE);
        assertFalse(wrong.html().contains("LOST_UPDATE") && wrong.html().indexOf("LOST_UPDATE") != wrong.html().lastIndexOf("LOST_UPDATE"),
                "only the learner's own answer may appear: " + wrong);
        assertFalse(wrong.result("readCommitted").orElseThrow().message().contains("LOST_UPDATE"), wrong.toString());
        assertFalse(wrong.result("snapshot").orElseThrow().message().contains("NONE"), wrong.toString());
    }
}
