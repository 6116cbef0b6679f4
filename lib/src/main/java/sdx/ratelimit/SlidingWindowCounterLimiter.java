package sdx.ratelimit;

import sdx.core.Check;

/**
 * Sliding window counter: counts per fixed window (this one and the previous), and estimates the count of
 * the last window-long span as {@code previous × (fraction of the previous window still inside the span) +
 * current}; admits if that estimate is below {@code limit}. Two counters instead of a log; exact when
 * requests in the previous window were spread evenly, otherwise off by a little either way. Source:
 * Cloudflare, "How we built rate limiting capable of scaling to millions of domains", 2017.
 */
public final class SlidingWindowCounterLimiter implements RateLimiter {
    private final int limit;
    private final long windowNanos;
    private final Clock clock = new Clock();
    private long window = Long.MIN_VALUE;
    private long previous;
    private long current;

    /** About {@code limit} requests per sliding span of {@code windowNanos}. */
    public SlidingWindowCounterLimiter(int limit, long windowNanos) {
        this.limit = Check.positive("limit", limit);
        this.windowNanos = Check.positive("windowNanos", windowNanos);
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        long now = clock.advance(nowNanos);
        long w = Math.floorDiv(now, windowNanos);
        if (w != window) {
            previous = (w == window + 1) ? current : 0;
            current = 0;
            window = w;
        }
        double intoWindow = (double) (now - w * windowNanos) / windowNanos;
        double estimate = previous * (1 - intoWindow) + current;
        if (estimate + 1 > limit) return false;
        current++;
        return true;
    }

    @Override
    public long stateBytes() {
        return 24; // window number + previous count + current count
    }

    @Override
    public String name() {
        return "sliding window counter";
    }
}
