package sdx.ratelimit;

import sdx.core.Check;

/**
 * Leaky bucket as a queue: admitted requests wait in a queue of at most {@code capacity} and leave it at a
 * constant {@code ratePerSecond}; a request that finds the queue full is rejected. What goes out is perfectly
 * smooth, at the price of a wait of up to {@code capacity / ratePerSecond}. It admits exactly what a token
 * bucket of the same capacity and rate admits (the "leaky bucket as a meter" is the same algorithm, GCRA in
 * ATM, ITU-T I.371, 1993); the difference is when the work happens. Source: A. Tanenbaum, Computer Networks.
 * The queue is modelled by its length and the next departure time.
 */
public final class LeakyBucketLimiter implements RateLimiter {
    private final int capacity;
    private final long gapNanos;
    private final Clock clock = new Clock();
    private long queued;
    private long nextDepartureNanos;
    private long maxWaitNanos;

    /** A queue of at most {@code capacity} requests drained at {@code ratePerSecond}. */
    public LeakyBucketLimiter(int capacity, double ratePerSecond) {
        this.capacity = Check.positive("capacity", capacity);
        Check.positive("ratePerSecond", ratePerSecond);
        this.gapNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        long now = clock.advance(nowNanos);
        drain(now);
        if (queued >= capacity) return false;
        if (queued == 0) nextDepartureNanos = now + gapNanos;
        queued++;
        long departs = nextDepartureNanos + (queued - 1) * gapNanos;
        maxWaitNanos = Math.max(maxWaitNanos, departs - now);
        return true;
    }

    private void drain(long now) {
        while (queued > 0 && nextDepartureNanos <= now) {
            queued--;
            nextDepartureNanos += gapNanos;
        }
    }

    /** The longest an admitted request has waited in the queue so far (nanoseconds). */
    public long maxWaitNanos() {
        return maxWaitNanos;
    }

    @Override
    public long stateBytes() {
        return 16; // queue length + next departure time (a real queue also holds the requests themselves)
    }

    @Override
    public String name() {
        return "leaky bucket";
    }
}
