package sdx.proxy.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.proxy.BallsIntoBins;

/** Notebook 09's exercises, one method per check cell: {@link #picker}, {@link #predictBusiest}. */
public final class ProxyExercises {
    private ProxyExercises() {}

    /** Exercise 2: requests sent, each to a uniformly random backend. */
    public static final int PREDICT_REQUESTS = 10_000;
    /** Exercise 2: backends. */
    public static final int PREDICT_BACKENDS = 100;
    /** Seeds the truth is averaged over. */
    static final int SEEDS = 200;

    /** Exercise 1: grades a least-outstanding-requests picker, given as its constructor ({@code MyPicker::new}). */
    public static Report picker(BackendPicker.Factory factory) {
        return Grader.run("a least-outstanding-requests picker", PickerChecks.class, factory);
    }

    /** Exercise 2's truth: the busiest backend's count, averaged over 200 seeded runs. */
    public static double predictTruth() {
        double sum = 0;
        for (int seed = 0; seed < SEEDS; seed++) sum += BallsIntoBins.maxLoad(PREDICT_BACKENDS, PREDICT_REQUESTS, 1, seed);
        return sum / SEEDS;
    }

    static final Prediction BUSIEST = Prediction.named("requests on the busiest of 100 backends")
            .truth(ProxyExercises::predictTruth)
            .tolerance(6, "about a quarter of the busiest backend's excess over the mean: the normal-tail estimate "
                    + "mean + sqrt(2 mean ln n) passes, the even split and twice it do not")
            .tooHigh("the busiest backend is above the mean by a few standard deviations of one backend's count "
                    + "(a binomial count: about sqrt(mean)), not by a multiple of the mean")
            .tooLow("the mean is what a typical backend gets; with 100 backends to choose the maximum from, the "
                    + "busiest sits a few standard deviations (about sqrt(mean) each) above it");

    /** Exercise 2: grades a predicted count ({@code Exercise.TODO_NUMBER}: not attempted). */
    public static Report predictBusiest(double requests) {
        return BUSIEST.grade(requests);
    }
}
