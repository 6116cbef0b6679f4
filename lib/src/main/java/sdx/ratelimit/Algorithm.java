package sdx.ratelimit;

import sdx.core.Check;

/** The limiters compared in notebook 20, each made for a limit of {@code limit} requests per window. */
public enum Algorithm {
    /** {@link TokenBucketLimiter}: capacity = limit, refilled with limit tokens per window. */
    TOKEN_BUCKET,
    /** {@link LeakyBucketLimiter}: queue of limit, drained at limit per window. */
    LEAKY_BUCKET,
    /** {@link FixedWindowLimiter}. */
    FIXED_WINDOW,
    /** {@link SlidingLogLimiter}. */
    SLIDING_LOG,
    /** {@link SlidingWindowCounterLimiter}. */
    SLIDING_WINDOW_COUNTER,
    /** {@link Bucket4jLimiter}: the production library, configured like the token bucket. */
    BUCKET4J;

    /** A new limiter of this kind for at most about {@code limit} requests per {@code windowNanos}. */
    public RateLimiter create(int limit, long windowNanos) {
        Check.positive("limit", limit);
        Check.positive("windowNanos", windowNanos);
        double perSecond = limit * 1e9 / windowNanos;
        return switch (this) {
            case TOKEN_BUCKET -> new TokenBucketLimiter(limit, perSecond);
            case LEAKY_BUCKET -> new LeakyBucketLimiter(limit, perSecond);
            case FIXED_WINDOW -> new FixedWindowLimiter(limit, windowNanos);
            case SLIDING_LOG -> new SlidingLogLimiter(limit, windowNanos);
            case SLIDING_WINDOW_COUNTER -> new SlidingWindowCounterLimiter(limit, windowNanos);
            case BUCKET4J -> new Bucket4jLimiter(limit, windowNanos);
        };
    }

    /** Every algorithm, hand-written ones first. */
    public static Algorithm[] all() {
        return values();
    }
}
