/**
 * Caching (notebook 07), the worked example of the topic template in {@link sdx}'s package documentation.
 * Eviction policies behind one interface ({@link sdx.cache.CachePolicy}: {@link sdx.cache.FifoPolicy},
 * {@link sdx.cache.LruPolicy}, {@link sdx.cache.LfuPolicy}, the offline optimum {@link sdx.cache.BeladyPolicy}
 * and the real Caffeine cache through {@link sdx.cache.CaffeinePolicy}); the facade of experiments
 * {@link sdx.cache.Caching} (hit ratio against cache size under a {@link sdx.cache.Popularity}, hit ratio over
 * time, latency with a {@link sdx.cache.LatencyModel}, the smallest cache for a p99 target); the closed forms
 * drawn beside measurement in {@link sdx.cache.Theory}; write policies ({@link sdx.cache.WritePolicies}) and
 * staleness ({@link sdx.cache.Freshness}).
 *
 * <p>The notebook's check cells call {@link sdx.cache.exercises.CachingExercises}, one static method per
 * exercise.
 */
package sdx.cache;
