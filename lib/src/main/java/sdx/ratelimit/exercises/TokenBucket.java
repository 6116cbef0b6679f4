package sdx.ratelimit.exercises;

/**
 * The token bucket a learner writes in notebook 20: it starts full with {@code capacity} tokens, gains
 * {@code tokensPerSecond} tokens per second continuously (never more than {@code capacity}), and each
 * admitted request takes one token. Times are virtual: nanoseconds passed in, never decreasing.
 */
public interface TokenBucket {

    /** Admits the request arriving at {@code nowNanos} (taking one token) or rejects it (taking nothing). */
    boolean tryAcquire(long nowNanos);

    /** Makes a full bucket: the learner's constructor, e.g. {@code MyTokenBucket::new}. */
    @FunctionalInterface
    interface Factory {
        /** A full bucket of {@code capacity} tokens refilled at {@code tokensPerSecond}. */
        TokenBucket create(int capacity, double tokensPerSecond);
    }
}
