/**
 * Notebook 02's exercises: a resolver cache that honours TTLs ({@link sdx.dns.exercises.ResolverCache},
 * graded by {@link sdx.dns.exercises.CacheChecks}), a DNS header decoder
 * ({@link sdx.dns.exercises.HeaderDecoder}, graded by {@link sdx.dns.exercises.HeaderChecks}), and a
 * prediction of the authoritative server's load; entry points in {@link sdx.dns.exercises.DnsExercises}.
 */
package sdx.dns.exercises;
