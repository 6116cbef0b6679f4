package sdx.ratelimit;

/**
 * A rate limiter for ONE client on a virtual clock: the caller passes the time of each request, so the
 * same arrivals always give the same decisions. Times must not go backwards.
 */
public interface RateLimiter {

    /** Decides the request arriving at {@code nowNanos}: true = admitted, false = rejected (HTTP 429). */
    boolean tryAcquire(long nowNanos);

    /**
     * Bytes of state this limiter holds for its client now: 8 per long or double field it keeps, 8 per
     * timestamp in a log (object headers and collection overhead not counted). -1 if not known.
     */
    long stateBytes();

    /** A short name for charts and tables, e.g. "token bucket". */
    String name();
}
