package sdx.transactions.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Exercise;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.transactions.Anomaly;
import sdx.transactions.Isolation;
import sdx.transactions.Interleaving;

/** Hidden checks for the anomaly prediction: the learner's answer against the schedule actually run. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AnomalyChecks {
    private final TransactionsExercises.AnomalyPrediction answer = Grader.submission(TransactionsExercises.AnomalyPrediction.class);

    @Test
    @Basic
    @Order(1)
    @DisplayName("at READ_COMMITTED")
    @Hint("at read committed a read sees the latest commit and a commit never checks for conflicts: what happens to T2's increment?")
    void readCommitted() {
        check(answer.atReadCommitted(), Isolation.READ_COMMITTED);
    }

    @Test
    @Basic
    @Order(2)
    @DisplayName("at SNAPSHOT")
    @Hint("under snapshot isolation the first committer wins: which transaction commits first, and what happens to the other?")
    void snapshot() {
        check(answer.atSnapshot(), Isolation.SNAPSHOT);
    }

    private static void check(Anomaly predicted, Isolation level) {
        if (predicted == null) Exercise.todo();
        Anomaly actual = Interleaving.parse(TransactionsExercises.SCHEDULE).run(TransactionsExercises.INITIAL, level).anomaly();
        if (predicted != actual) fail("not " + predicted + ": run the schedule in your head step by step");
    }

}
