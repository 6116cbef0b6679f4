/**
 * Notebook 26, the capstone: one URL shortener designed end to end. A {@link sdx.capstone.Design} (app
 * servers, zones, shards, copies per shard, cache entries, a rate limit per client, TLS, short-code length
 * and randomness) is estimated ({@link sdx.capstone.Capstone#estimate}), run through a simulated day with a
 * diurnal load, Zipf popularity, a viral link, a node crash, a zone outage and a scraping bot
 * ({@link sdx.capstone.Capstone#simulate}), and scored against {@link sdx.capstone.Targets} on the course
 * outline's four principles: availability, latency, cost and security ({@link sdx.capstone.DayReport#scorecard()},
 * a chart per principle). {@link sdx.capstone.Theory} holds the closed forms drawn beside the measurements
 * (parallel availability, Che's approximation, Erlang C, the month's bill).
 *
 * <p>The capstone is the synthesis, one layer above the topic packages: it may use their public APIs (it uses
 * {@code sdx.capacity}'s units for the estimate) and no topic package may use it ({@code sdx.LayeringTest}).
 * The cache is the JDK's LRU ({@code LinkedHashMap} in access order) and the shards sit on
 * {@code sdx.core.HashRing}.
 *
 * <p>Exercises: {@link sdx.capstone.exercises.CapstoneExercises#design} grades a learner's design on a grown
 * day, one check per principle.
 */
package sdx.capstone;
