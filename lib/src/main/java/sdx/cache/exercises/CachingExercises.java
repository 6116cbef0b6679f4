package sdx.cache.exercises;

import sdx.cache.Caching;
import sdx.cache.LatencyModel;
import sdx.cache.Policy;
import sdx.cache.Popularity;
import sdx.core.Rng;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/**
 * The caching notebook's exercises: one method per check cell ({@link #lru}, {@link #predictHitRatio},
 * {@link #smallestCache}). Each scenario is a constant here so that the notebook's text, the learner's
 * experiments and the grader use the same numbers.
 */
public final class CachingExercises {
    private CachingExercises() {}

    /** Measured requests per simulation in the exercises. */
    public static final int REQUESTS = 200_000;

    /** Exercise 2's workload: Zipf s=1.0 over 10,000 keys. */
    public static final Popularity PREDICT_POPULARITY = Popularity.zipf(10_000, 1.0);
    /** Exercise 2's cache size: 10% of the keys (1,000 keys), LRU. */
    public static final double PREDICT_PERCENT = 10;
    /** How close a prediction must be to pass exercise 2. */
    public static final double PREDICT_TOLERANCE = 0.03;

    /** Exercise 3's workload: Zipf s=1.0 over 10,000 keys. */
    public static final Popularity TARGET_POPULARITY = Popularity.zipf(10_000, 1.0);
    /** Exercise 3's p99 target: 3 ms. */
    public static final double TARGET_P99_MICROS = 3_000;
    /** Exercise 3 accepts the library's answer ± this many percentage points. */
    public static final double TARGET_TOLERANCE = 1;

    /** Exercise 2: LRU's simulated hit ratio (seed {@link Rng#DEFAULT_SEED}); Che's approximation lands within 0.01. */
    static final Prediction HIT_RATIO = Prediction.named("predict LRU's hit ratio")
            .truth(CachingExercises::predictTruth)
            .tolerance(PREDICT_TOLERANCE, "Che's approximation lands well inside this; the upper bound does not")
            .tooHigh("LRU cannot reach the upper bound (the top 10% of keys' share of requests): it also holds keys "
                    + "that are used once and evicted; Theory.lru(p, capacity) is Che's estimate")
            .tooLow("under Zipf s = 1 a few keys carry most requests, so a cache of 10% of the keys serves far more than "
                    + "10% of them; the upper bound is H(1000)/H(10000)");

    /** Exercise 3: the smallest LRU cache (whole % of keys) whose simulated p99 meets the target. */
    static final Prediction SMALLEST_CACHE = Prediction.named("smallest cache for p99 <= 3 ms (% of keys)")
            .truth(() -> smallestCacheTruth())
            .tolerance(TARGET_TOLERANCE, "one point either side of the smallest size that meets the target")
            .tooHigh("a smaller cache already meets the target: p99 <= 3 ms allows 1% of requests to be slow, and only "
                    + "misses that meet a slow store read are; try smaller sizes with Caching.latency(...).p99()")
            .tooLow("at this size more than 1% of requests are still slow: the hit ratio must reach 1 - 0.01 / P(store "
                    + "read > 3 ms); the p99, not the mean, must be <= 3 ms");

    /** Exercise 1: grades an LRU cache, given as its constructor (e.g. {@code MyLru::new}). */
    public static Report lru(SimpleCache.Factory factory) {
        return Grader.run("LRU cache", LruChecks.class, factory);
    }

    /** Exercise 2's truth: the simulated LRU hit ratio (seed {@link Rng#DEFAULT_SEED}). */
    public static double predictTruth() {
        return Caching.hitRatio(Policy.LRU, PREDICT_POPULARITY, PREDICT_PERCENT, REQUESTS, Rng.DEFAULT_SEED);
    }

    /** Exercise 2: grades a predicted hit ratio ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictHitRatio(double prediction) {
        return HIT_RATIO.grade(prediction);
    }

    /** Exercise 3's truth: the smallest LRU cache (% of keys) whose p99 meets the target. */
    public static int smallestCacheTruth() {
        return Caching.smallestCacheFor(TARGET_POPULARITY, LatencyModel.typical(), TARGET_P99_MICROS, REQUESTS,
                Rng.DEFAULT_SEED);
    }

    /** Exercise 3: grades the chosen cache size in % of keys ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report smallestCache(double percent) {
        return SMALLEST_CACHE.grade(percent);
    }
}
