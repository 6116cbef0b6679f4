package sdx.cdn.exercises;

/**
 * Exercise 2 of the CDN notebook: how long a shared cache (a CDN's edge) may serve a response, read from the
 * response's {@code Cache-Control} header (RFC 9111, <i>HTTP Caching</i>, 2022).
 */
@FunctionalInterface
public interface CacheControlPolicy {
    /**
     * Seconds an edge cache may serve this response without asking the origin again; 0 means do not store it (or
     * store it but revalidate every time, which for this exercise's edge, without revalidation, is the same).
     *
     * @param cacheControl the {@code Cache-Control} header's value, or {@code null} when the response has none
     */
    long edgeTtlSeconds(String cacheControl);
}
