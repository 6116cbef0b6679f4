package sdx.ratelimit;

import sdx.core.Check;

/** Guards a virtual clock: each limiter remembers the last time it saw and refuses time going backwards. */
final class Clock {
    private long last = Long.MIN_VALUE;

    long advance(long nowNanos) {
        Check.that(nowNanos >= last, "nowNanos", nowNanos, "must not go backwards (last request was at " + last + ")");
        last = nowNanos;
        return nowNanos;
    }
}
