package sdx.ratelimit.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.ratelimit.FixedWindowLimiter;
import sdx.ratelimit.Traffic;

/**
 * Notebook 20's exercises: one method per check cell ({@link #tokenBucket}, {@link #predictBoundary}). The
 * prediction's scenario is constants here, so the notebook's text and the grader use the same numbers.
 */
public final class RateLimitingExercises {
    private RateLimitingExercises() {}

    /** Exercise 2: the fixed window's limit per one-second window. */
    public static final int BOUNDARY_LIMIT = 10;
    /** Exercise 2: the client sends this many requests... */
    public static final int BOUNDARY_REQUESTS = 40;
    /** ...one every 10 ms... */
    public static final long BOUNDARY_GAP_NANOS = 10_000_000L;
    /** ...starting at 0.8 s (so the last is at 1.19 s). */
    public static final long BOUNDARY_START_NANOS = 800_000_000L;

    static final Prediction BOUNDARY = Prediction.named("requests a fixed window admits across a boundary")
            .truth(RateLimitingExercises::boundaryTruth)
            .tolerance(0.5, "a count of requests: the exact number, nothing else")
            .tooHigh("the window still admits at most its limit per window: count the windows the requests fall in")
            .tooLow("the counter resets to 0 at the 1.0 s boundary: each window the requests touch admits up to its limit");

    /** Exercise 1: grades a token bucket, given as its constructor (e.g. {@code MyTokenBucket::new}). */
    public static Report tokenBucket(TokenBucket.Factory factory) {
        return Grader.run("token bucket", TokenBucketChecks.class, factory);
    }

    /** Exercise 2's requests: {@link #BOUNDARY_REQUESTS} every 10 ms from 0.8 s. */
    public static Traffic boundaryTraffic() {
        long[] t = new long[BOUNDARY_REQUESTS];
        for (int i = 0; i < t.length; i++) t[i] = BOUNDARY_START_NANOS + i * BOUNDARY_GAP_NANOS;
        return new Traffic("40 requests, one every 10 ms from 0.8 s", t, 2 * Traffic.SECOND);
    }

    /** Exercise 2's truth: what the library's {@link FixedWindowLimiter} admits on {@link #boundaryTraffic()}. */
    public static double boundaryTruth() {
        FixedWindowLimiter w = new FixedWindowLimiter(BOUNDARY_LIMIT, Traffic.SECOND);
        int admitted = 0;
        for (long t : boundaryTraffic().arrivalsNanos()) if (w.tryAcquire(t)) admitted++;
        return admitted;
    }

    /** Exercise 2: grades the predicted number admitted ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictBoundary(double prediction) {
        return BOUNDARY.grade(prediction);
    }
}
