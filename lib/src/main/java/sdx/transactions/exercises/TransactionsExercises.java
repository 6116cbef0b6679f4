package sdx.transactions.exercises;

import java.util.Map;
import java.util.function.Function;
import sdx.exercise.Grader;
import sdx.exercise.Report;
import sdx.transactions.Anomaly;
import sdx.transactions.Participant;

/** The check cells of notebook 17, one method per exercise. */
public final class TransactionsExercises {
    private TransactionsExercises() {}

    /** Exercise 1: grades a 2PC participant (a constructor reference such as {@code MyParticipant::new}). */
    public static Report participant(Function<Participant.Settings, Participant> factory) {
        return Grader.run("Exercise 1: a two-phase-commit participant", ParticipantChecks.class, factory);
    }

    /** The schedule of exercise 2. */
    public static final String SCHEDULE = "r1(x) r2(x) w2(x=x+10) c2 w1(x=x+1) c1";

    /** Its initial values. */
    public static final Map<String, Long> INITIAL = Map.of("x", 100L);

    /**
     * A prediction for exercise 2: the anomaly the schedule shows at two isolation levels.
     *
     * @param atReadCommitted the anomaly at READ_COMMITTED
     * @param atSnapshot      the anomaly at SNAPSHOT
     */
    public record AnomalyPrediction(Anomaly atReadCommitted, Anomaly atSnapshot) {}

    /** Exercise 2: grades a prediction of {@link #SCHEDULE}'s anomalies; {@code null} means not attempted. */
    public static Report predictAnomalies(Anomaly atReadCommitted, Anomaly atSnapshot) {
        return Grader.run("Exercise 2: predict the anomaly", AnomalyChecks.class, new AnomalyPrediction(atReadCommitted, atSnapshot));
    }
}
