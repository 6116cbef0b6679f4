package sdx.ratelimit;

import sdx.core.Check;

/**
 * Token bucket: a bucket holds at most {@code capacity} tokens and gains {@code ratePerSecond} tokens per
 * second; a request takes one token or is rejected. It allows bursts of up to {@code capacity} after a quiet
 * spell, and {@code ratePerSecond} on average. Source: J. Turner, "New directions in communications (or which
 * way to the information age?)", IEEE Communications Magazine, 1986; the form used by Amazon API Gateway and
 * Stripe. Starts full.
 */
public final class TokenBucketLimiter implements RateLimiter {
    private final int capacity;
    private final double ratePerSecond;
    private final Clock clock = new Clock();
    private double tokens;
    private long lastNanos;
    private boolean started;

    /** A full bucket of {@code capacity} tokens refilled at {@code ratePerSecond}. */
    public TokenBucketLimiter(int capacity, double ratePerSecond) {
        this.capacity = Check.positive("capacity", capacity);
        this.ratePerSecond = Check.positive("ratePerSecond", ratePerSecond);
        this.tokens = capacity;
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        refill(clock.advance(nowNanos));
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Nanoseconds from {@code nowNanos} until one token is available (0 if one is): the basis of Retry-After. */
    public long nanosUntilAvailable(long nowNanos) {
        refill(clock.advance(nowNanos));
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerSecond * 1e9);
    }

    private void refill(long now) {
        if (started) tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * ratePerSecond);
        started = true;
        lastNanos = now;
    }

    /** The tokens held now (at the last request's time). */
    public double tokens() {
        return tokens;
    }

    @Override
    public long stateBytes() {
        return 16; // tokens (double) + time of the last refill (long)
    }

    @Override
    public String name() {
        return "token bucket";
    }
}
