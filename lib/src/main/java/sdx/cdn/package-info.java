/**
 * Notebook 08, CDNs and their points of presence (PoPs), simulated in virtual time: users in a few cities go to the
 * nearest PoP, whose edge cache (LRU with a TTL per copy) answers or fetches from the origin. Round-trip times are
 * measured ones ({@link sdx.cdn.RoundTrips}, Reinheimer 2011); everything else is a seeded simulation, because a
 * CDN spans continents and a laptop does not.
 *
 * <p>Entry points: the facade {@link sdx.cdn.Cdn} (one method per notebook question), its settings
 * {@link sdx.cdn.CdnSettings}, the closed forms in {@link sdx.cdn.Theory}, and the exercises in
 * {@link sdx.cdn.exercises.CdnExercises}.
 */
package sdx.cdn;
