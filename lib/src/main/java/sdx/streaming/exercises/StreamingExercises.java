package sdx.streaming.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.streaming.LongPoll;
import sdx.streaming.Theory;

/** Notebook 18's exercises, one method per check cell: {@link #longPoll}, {@link #choosePollInterval}. */
public final class StreamingExercises {
    private StreamingExercises() {}

    /** Exercise 2: clients polling one feed. */
    public static final int CLIENTS = 1_000;
    /** Exercise 2: the most requests per second the feed may receive from them. */
    public static final double REQUEST_BUDGET = 500;
    /** Exercise 2: the largest acceptable mean staleness, ms (network delay negligible). */
    public static final double STALENESS_TARGET_MS = 1_500;

    /** Exercise 1: grades a long-poll handler, given as its constructor ({@code MyLongPoll::new}), over real HTTP. */
    public static Report longPoll(LongPoll.Factory factory) {
        return Grader.run("a long-poll handler", LongPollChecks.class, factory);
    }

    private static double[] range() {
        return Theory.pollIntervalRange(CLIENTS, REQUEST_BUDGET, STALENESS_TARGET_MS, 0);
    }

    static final Prediction INTERVAL = Prediction.named("a polling interval within the budget and the staleness target (ms)")
            .truth(() -> (range()[0] + range()[1]) / 2)
            .tolerance((range()[1] - range()[0]) / 2, "every interval that meets both limits passes")
            .tooHigh("mean staleness is about half the interval: is the mean still within the target?")
            .tooLow("each client sends one request per interval, so the feed gets clients / interval requests per "
                    + "second: is that within the budget?");

    /** Exercise 2: grades a chosen polling interval in ms ({@code Exercise.TODO_NUMBER}: not attempted). */
    public static Report choosePollInterval(double intervalMs) {
        return INTERVAL.grade(intervalMs);
    }
}
