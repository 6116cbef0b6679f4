package sdx.ratelimit;

import sdx.core.Check;

/**
 * Fixed window counter: time is cut into windows of {@code windowNanos} starting at 0; at most {@code limit}
 * requests are admitted per window, and the count resets when a new window starts. Cheap (one counter), but
 * {@code limit} requests at the end of one window and {@code limit} at the start of the next all pass: up to
 * twice the limit in any window-long span. Source: the classic counter of early API gateways; see the
 * Cloudflare blog, "How we built rate limiting capable of scaling to millions of domains", 2017.
 */
public final class FixedWindowLimiter implements RateLimiter {
    private final int limit;
    private final long windowNanos;
    private final Clock clock = new Clock();
    private long window = Long.MIN_VALUE;
    private int count;

    /** At most {@code limit} requests per fixed window of {@code windowNanos}. */
    public FixedWindowLimiter(int limit, long windowNanos) {
        this.limit = Check.positive("limit", limit);
        this.windowNanos = Check.positive("windowNanos", windowNanos);
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        long w = Math.floorDiv(clock.advance(nowNanos), windowNanos);
        if (w != window) {
            window = w;
            count = 0;
        }
        if (count >= limit) return false;
        count++;
        return true;
    }

    @Override
    public long stateBytes() {
        return 16; // window number + count (a long each)
    }

    @Override
    public String name() {
        return "fixed window";
    }
}
