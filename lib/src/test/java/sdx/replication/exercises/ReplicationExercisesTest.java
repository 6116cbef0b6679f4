package sdx.replication.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.replication.QuorumRead;
import sdx.replication.Reply;
import sdx.replication.Versioned;

/** Notebook 12's graders: the quorum read (reference, stub, mutants) and the lost-writes prediction. */
class ReplicationExercisesTest {
    /** The solution printed in the notebook, written without Versioned.NEWER. */
    static final QuorumRead NOTEBOOK_SOLUTION = (replies, r) -> {
        if (replies.size() < r) return Optional.empty();
        Versioned best = null;
        for (Reply x : replies) {
            if (x.value().isEmpty()) continue;
            Versioned v = x.value().get();
            if (best == null || v.version() > best.version()
                    || (v.version() == best.version() && v.writer().compareTo(best.writer()) > 0)) best = v;
        }
        return Optional.ofNullable(best);
    };

    @Nested
    class QuorumReadGrader extends GraderContract<QuorumRead> {
        @Override protected Report grade(QuorumRead a) { return ReplicationExercises.quorumRead(a); }
        @Override protected QuorumRead reference() { return QuorumRead.NEWEST; }
        @Override protected List<QuorumRead> alsoCorrect() { return List.of(NOTEBOOK_SOLUTION); }
        @Override protected QuorumRead stub() { return (replies, r) -> Exercise.todo(); }

        @Override
        protected List<Mutant<QuorumRead>> mutants() {
            return List.of(
                    mutant("returns nothing", "allAgree", (replies, r) -> Optional.empty()),
                    mutant("returns the first reply's value", "newestWins",
                            (replies, r) -> replies.size() < r ? Optional.empty() : replies.get(0).value()),
                    mutant("an empty reply makes the whole read empty", "missingValues", (replies, r) ->
                            replies.size() < r || replies.stream().anyMatch(x -> x.value().isEmpty()) ? Optional.empty()
                                    : QuorumRead.NEWEST.read(replies, r)),
                    mutant("breaks ties by the first reply", "ties", (replies, r) -> replies.size() < r ? Optional.empty()
                            : replies.stream().flatMap(x -> x.value().stream()).max(Comparator.comparingLong(Versioned::version))),
                    mutant("answers without a quorum", "tooFewReplies",
                            (replies, r) -> QuorumRead.NEWEST.read(replies, 0)),
                    mutant("reads only the fastest replica", "inTheSimulator",
                            (replies, r) -> replies.isEmpty() ? Optional.empty() : replies.get(replies.size() - 1).value()));
        }
    }

    @Test
    void lostWritesByHand() {
        // writes reach the leader at 1, 6, 11, ... ms and the follower 30 ms later; the leader dies at 502.5 ms:
        // the writes appended at 476, 481, 486, 491, 496 and 501 ms were acknowledged and are lost
        assertEquals(6.0, ReplicationExercises.lostWritesTruth());
    }

    @Nested
    class LostWritesPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double a) { return ReplicationExercises.predictLostWrites(a); }
        @Override protected Double reference() { return 6.0; } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(mutant("as if synchronous: nothing lost", p, 0.0),
                    mutant("a round trip's worth (60 ms)", p, 12.0),
                    mutant("the 50 ms until failover", p, 10.0));
        }
    }

    @Test
    void aWrongPredictionDoesNotRevealTheAnswer() {
        Report r = ReplicationExercises.predictLostWrites(12);
        assertFalse(r.result(Prediction.CHECK_ID).orElseThrow().message().contains("6"), r.toString());
    }
}
