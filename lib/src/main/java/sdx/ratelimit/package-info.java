/**
 * Notebook 20, rate limiting: token bucket, leaky bucket, fixed window, sliding log and sliding-window counter
 * ({@link sdx.ratelimit.RateLimiter}, one class each), Bucket4j beside them, on a virtual clock so every
 * experiment is deterministic.
 *
 * <p>Entry points: the facade {@link sdx.ratelimit.RateLimiting} (timeline, accuracy, memory, distributed
 * limiting, the shared counter's round trip on loopback HTTP, a 429 with Retry-After), traffic generators in
 * {@link sdx.ratelimit.Traffic}, closed forms in {@link sdx.ratelimit.Theory}, and the exercises in
 * {@link sdx.ratelimit.exercises.RateLimitingExercises}.
 */
package sdx.ratelimit;
