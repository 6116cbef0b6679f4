package sdx.welcome;

import sdx.core.Check;
import sdx.core.Trace;
import sdx.exercise.Grader;
import sdx.exercise.Report;

/** Check cells of the welcome notebook. */
public final class WelcomeExercises {
    private WelcomeExercises() {}

    /** Grades a {@link TopShare} implementation against hidden checks. */
    public static Report checkTopShare(TopShare answer) {
        return Grader.run("Exercise 1: share of the top key", TopShareChecks.class, answer);
    }

    /**
     * Grades a prediction of the top key's share under Zipf(s = 1) over 10,000 keys: the exact value is
     * 1 / H(10000) = 0.1022 (H the harmonic number, about ln n + 0.577), and a prediction within 0.01 passes.
     */
    public static Report checkZipfPrediction(double predicted) {
        double truth = sdx.core.Workloads.zipfProbabilities(10_000, 1.0)[0];
        return Grader.number("Exercise 2: predict the top key's share", predicted, truth, 0.01,
                "under Zipf(1) the top key's probability is 1 / (1 + 1/2 + 1/3 + ... + 1/n), and that sum is close to ln(n) + 0.577");
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
