/**
 * The CDN notebook's exercises; the entry point is {@link sdx.cdn.exercises.CdnExercises}: choose a TTL for a
 * staleness bound and an origin budget ({@code chooseTtl}), and an edge cache's reading of Cache-Control
 * ({@code cacheControl}, checks in {@link sdx.cdn.exercises.CacheControlChecks}).
 */
package sdx.cdn.exercises;
