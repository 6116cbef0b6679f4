package sdx.welcome.exercises;

import sdx.core.Check;
import sdx.core.Trace;
import sdx.core.Workloads;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.welcome.TopShare;

/**
 * The welcome notebook's exercises: one method per check cell. Its shape is every topic's: a class
 * {@code <Topic>Exercises} whose static methods take the learner's answer and return a {@link Report}
 * (code through {@link Grader#run}, predictions through a {@link Prediction}).
 */
public final class WelcomeExercises {
    private WelcomeExercises() {}

    /** Keys of exercise 2's Zipf workload. */
    public static final int ZIPF_KEYS = 10_000;

    /**
     * Exercise 2: the top key's share under Zipf(s = 1) over 10,000 keys, exactly 1 / H(10000) (H the
     * harmonic number, about ln n + 0.577). The tolerance is tight enough that 1 / ln n, the answer that
     * forgets the 0.577, fails.
     */
    static final Prediction ZIPF_PREDICTION = Prediction.named("Exercise 2: predict the top key's share")
            .truth(() -> Workloads.zipfProbabilities(ZIPF_KEYS, 1.0)[0])
            .tolerance(0.003, "close enough to tell H(n) from a rougher estimate")
            .tooHigh("the sum 1 + 1/2 + ... + 1/n is larger than it looks: it is close to ln(n) + 0.577, not ln(n), "
                    + "and it grows with n, so more keys means a smaller share")
            .tooLow("the top key's probability is 1 / (1 + 1/2 + 1/3 + ... + 1/n), and that sum grows only like ln(n)");

    /** Exercise 1: grades a {@link TopShare} implementation against hidden checks. */
    public static Report checkTopShare(TopShare answer) {
        return Grader.run("Exercise 1: share of the top key", TopShareChecks.class, answer);
    }

    /** Exercise 2: grades a prediction of the top key's share ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report checkZipfPrediction(double predicted) {
        return ZIPF_PREDICTION.grade(predicted);
    }

    /** The reference solution, used by the hidden checks. */
    static TopShare reference() {
        return (Trace t) -> {
            if (t.length() == 0) throw Check.fail("trace must not be empty");
            long max = 0;
            for (long c : t.counts()) max = Math.max(max, c);
            return max / (double) t.length();
        };
    }
}
