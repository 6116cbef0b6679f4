package sdx.security.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.security.FloodModel;
import sdx.security.FloodSettings;
import sdx.security.Protection;

/** Notebook 23's exercises, one method per check cell: {@link #encoder}, {@link #defences},
 * {@link #predictSheddingGoodput}. */
public final class SecurityExercises {
    private SecurityExercises() {}

    /** Exercise 3's attack rate, requests/s, against section 1.1's server with load shedding. */
    public static final double PREDICT_ATTACK_RATE = 2_000;
    /** Exercise 3's server has one worker more than section 1.1's, so the answer is not on its chart. */
    public static final int PREDICT_WORKERS = 3;

    /** Exercise 3's server: section 1.1's with {@link #PREDICT_WORKERS} workers. */
    public static FloodSettings predictSettings() {
        return FloodSettings.defaults().withWorkers(PREDICT_WORKERS);
    }

    /** Exercise 3's truth: the model's legitimate goodput over 60 virtual seconds (seed 42). */
    public static double sheddingTruth() {
        return FloodModel.run(predictSettings(), Protection.LOAD_SHEDDING, PREDICT_ATTACK_RATE, 60, 42).goodput();
    }

    static final Prediction SHEDDING = Prediction.named("legitimate goodput with load shedding, 3 workers, attack at 2,000 requests/s")
            .truth(SecurityExercises::sheddingTruth)
            .tolerance(10, "about a sixth of the answer: the reasoning below lands within it; 'everyone legitimate is "
                    + "served', 'nobody is' and the two-worker server's figure do not")
            .tooHigh("a full queue turns away whoever arrives, legitimate or not: the flood takes most of the places")
            .tooLow("the server still serves at full capacity, and every admitted request is answered quickly; the "
                    + "legitimate clients get their share of it");

    /** Exercise 3: grades a predicted goodput ({@code Exercise.TODO_NUMBER}: not attempted). */
    public static Report predictSheddingGoodput(double requestsPerSecond) {
        return SHEDDING.grade(requestsPerSecond);
    }

    /** Exercise 1: grades an HTML encoder for text and for double-quoted attribute values. */
    public static Report encoder(HtmlEncoder encoder) {
        return Grader.run("an HTML encoder for two contexts", EncoderChecks.class, encoder);
    }

    /** Exercise 2: grades a defence picked for each attack. */
    public static Report defences(DefencePicker picker) {
        return Grader.run("pick the defence for each attack", DefenceChecks.class, picker);
    }
}
