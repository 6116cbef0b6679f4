package sdx.storage.exercises;

import sdx.core.Rng;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.storage.TailModel;
import sdx.storage.Tails;

/**
 * Notebook 05's exercises, one method per check cell: {@link #predictFanOutP99}, {@link #hedge} and
 * {@link #pickFaster}.
 */
public final class StorageExercises {
    private StorageExercises() {}

    /** Exercise 1: servers per request. */
    public static final int PREDICT_SERVERS = 10;
    /** Exercise 1: simulated requests for the truth. */
    public static final int PREDICT_REQUESTS = 200_000;
    /** Exercise 1: how close a prediction must be (ms). */
    public static final double PREDICT_TOLERANCE_MS = 5;

    /** Exercise 2: fan-out, requests per seed, seeds, recent replies the policy sees, and the load budget. */
    public static final int FAN_OUT = 10, REQUESTS = 20_000, SEEDS = 10, RECENT = 2_000;
    /** Exercise 2: the most extra sub-requests hedging may add. */
    public static final double MAX_EXTRA_LOAD = 0.08;

    /** Exercise 1's truth: the simulated p99 of a 10-way fan-out of {@link TailModel#typical()} (default seed). */
    public static double fanOutP99Truth() {
        return Tails.fanOutP99(TailModel.typical(), PREDICT_SERVERS, PREDICT_REQUESTS, Rng.DEFAULT_SEED);
    }

    static final Prediction FAN_OUT_P99 = Prediction.named("predict the p99 of a 10-way fan-out (ms)")
            .truth(StorageExercises::fanOutP99Truth)
            .tolerance(PREDICT_TOLERANCE_MS, "the exact value and the simulation agree far closer than this; "
                    + "one server's p99 and ten times it are both far outside")
            .tooHigh("the request is as slow as its slowest of 10 replies, not the sum: find x with F(x)^10 = 0.99, "
                    + "i.e. one server's (0.99^(1/10))-quantile, about its p99.9")
            .tooLow("with 10 servers, about 1 request in 10 meets a slow reply, so the p99 lies deep in the slow "
                    + "replies' tail: F(x)^10 = 0.99 means one server's 99.9th percentile, not its 99th");

    /** Exercise 1: grades a predicted p99 in ms ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictFanOutP99(double predictionMs) {
        return FAN_OUT_P99.grade(predictionMs);
    }

    /** Exercise 2: grades a hedging policy (e.g. {@code StorageExercises.hedge(new MyHedge())}). */
    public static Report hedge(HedgePolicy policy) {
        return Grader.run("hedging delay", HedgeChecks.class, policy);
    }

    /** Exercise 3's truth for a 16 KiB working set: both orders hit L1. */
    static final Faster IN_L1 = Faster.ABOUT_THE_SAME;
    /** Exercise 3's truth for 256 MiB: the prefetcher hides DRAM for sequential lines only. */
    static final Faster BEYOND_CACHES = Faster.SEQUENTIAL;

    /**
     * Exercise 3's answer: the faster order for a pointer chase over each working set.
     *
     * @param in16KiB  the answer for 16 KiB
     * @param in256MiB the answer for 256 MiB
     */
    public record AccessPrediction(Faster in16KiB, Faster in256MiB) {}

    /** Exercise 3: grades the picks ({@code Exercise.unanswered()} = not attempted). */
    public static Report pickFaster(Faster in16KiB, Faster in256MiB) {
        return Grader.run("pick the faster access order", AccessChecks.class, new AccessPrediction(in16KiB, in256MiB));
    }
}
