package sdx.ratelimit;

import java.util.ArrayDeque;
import sdx.core.Check;

/**
 * Sliding log: keeps the time of every admitted request of the last {@code windowNanos}; a request is admitted
 * if fewer than {@code limit} are in the log. Exact (never more than {@code limit} in any window-long span),
 * but its state grows with the limit: one timestamp per admitted request in the window. Source: the sliding
 * log of Figma's engineering blog, "An alternative approach to rate limiting", 2017.
 */
public final class SlidingLogLimiter implements RateLimiter {
    private final int limit;
    private final long windowNanos;
    private final Clock clock = new Clock();
    private final ArrayDeque<Long> log = new ArrayDeque<>();

    /** At most {@code limit} requests in any span of {@code windowNanos}. */
    public SlidingLogLimiter(int limit, long windowNanos) {
        this.limit = Check.positive("limit", limit);
        this.windowNanos = Check.positive("windowNanos", windowNanos);
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        long now = clock.advance(nowNanos);
        while (!log.isEmpty() && log.peekFirst() <= now - windowNanos) log.pollFirst();
        if (log.size() >= limit) return false;
        log.addLast(now);
        return true;
    }

    @Override
    public long stateBytes() {
        return 8L * log.size(); // one timestamp per admitted request still in the window
    }

    @Override
    public String name() {
        return "sliding log";
    }
}
