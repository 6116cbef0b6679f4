package sdx.idempotency;

import java.util.random.RandomGenerator;

/**
 * How long a client waits before retry number {@code attempt} (1 for the first retry). Implementations must
 * return a delay in milliseconds, at least 0, and draw any randomness from the generator given, so that a
 * seeded run repeats. See Brooker, "Exponential backoff and jitter" (AWS Architecture Blog, 2015).
 */
@FunctionalInterface
public interface Backoff {
    /** The delay before retry {@code attempt} (1, 2, ...), in ms. */
    long delayMillis(int attempt, RandomGenerator random);

    /** Retry at once (next millisecond). */
    static Backoff immediate() {
        return (attempt, random) -> 1;
    }

    /** base · 2^(attempt − 1), at most cap. */
    static Backoff exponential(long baseMillis, long capMillis) {
        return (attempt, random) -> Math.min(capMillis, baseMillis << Math.min(attempt - 1, 30));
    }

    /** Full jitter: uniform in [0, min(cap, base · 2^(attempt − 1))]. */
    static Backoff fullJitter(long baseMillis, long capMillis) {
        return (attempt, random) -> random.nextLong(Math.min(capMillis, baseMillis << Math.min(attempt - 1, 30)) + 1);
    }
}
