package sdx.capacity.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Report;

/** Notebook 24's exercises, one method per check cell: {@link #shortener}, {@link #utilization}. */
public final class CapacityExercises {
    private CapacityExercises() {}

    /** Relative error allowed in exercise 1: a 30-day month or a 365.25-day year are both fine (under 1.5% off). */
    public static final double SHORTENER_TOLERANCE = 0.03;

    /** Exercise 1: grades a URL-shortener estimate on the example load and on 50 other loads. */
    public static Report shortener(ShortenerEstimator estimator) {
        return Grader.run("a URL shortener's estimate", ShortenerChecks.class, estimator);
    }

    /** Exercise 2: grades a server utilization model on hand-made cases and 200 random servers and loads. */
    public static Report utilization(UtilizationModel model) {
        return Grader.run("one server's utilization", UtilizationChecks.class, model);
    }
}
