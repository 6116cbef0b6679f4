package sdx.cache.exercises;

import sdx.cache.Caching;
import sdx.cache.LatencyModel;
import sdx.cache.Policy;
import sdx.cache.Popularity;
import sdx.core.Rng;
import sdx.exercise.Grader;
import sdx.exercise.Report;

/**
 * The caching notebook's graded exercises. Each scenario is a constant here so that the notebook's
 * text, the learner's experiments and the grader use the same numbers.
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
        double truth = Double.isNaN(prediction) ? Double.NaN : predictTruth(); // skip the simulation until attempted
        return Grader.number("predict LRU's hit ratio", prediction, truth, PREDICT_TOLERANCE,
                "the top 10% of keys carry about 76% of requests (the upper bound); LRU also keeps some "
                        + "one-off keys, so it lands below that; Theory.lru(p, capacity) is Che's estimate");
    }

    /** Exercise 3's truth: the smallest LRU cache (% of keys) whose p99 meets the target. */
    public static int smallestCacheTruth() {
        return Caching.smallestCacheFor(TARGET_POPULARITY, LatencyModel.typical(), TARGET_P99_MICROS, REQUESTS,
                Rng.DEFAULT_SEED);
    }

    /** Exercise 3: grades the chosen cache size in % of keys ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report smallestCache(double percent) {
        double truth = Double.isNaN(percent) ? Double.NaN : smallestCacheTruth();
        return Grader.number("smallest cache for p99 <= 3 ms (% of keys)", percent, truth, TARGET_TOLERANCE,
                "p99 <= 3 ms needs fewer than 1% of requests slower than 3 ms: work out the hit ratio that "
                        + "allows, then find the cache size that reaches it with Caching.latency(...).p99()");
    }
}
