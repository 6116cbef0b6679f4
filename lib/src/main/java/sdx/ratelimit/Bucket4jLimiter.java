package sdx.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import sdx.core.Check;

/**
 * Bucket4j 8 (https://bucket4j.com), a production token-bucket library, on the same virtual clock as the
 * hand-written limiters (through its {@code TimeMeter} hook): capacity {@code limit}, refilled greedily
 * (continuously, token by token) with {@code limit} tokens per window. Its state is internal to the library,
 * so {@link #stateBytes()} is -1.
 */
public final class Bucket4jLimiter implements RateLimiter {
    private final Clock clock = new Clock();
    private final Bucket bucket;
    private long now;

    /** A Bucket4j bucket of {@code limit} tokens, refilled with {@code limit} per {@code windowNanos}. */
    public Bucket4jLimiter(int limit, long windowNanos) {
        Check.positive("limit", limit);
        Check.positive("windowNanos", windowNanos);
        TimeMeter virtual = new TimeMeter() {
            @Override public long currentTimeNanos() { return now; }
            @Override public boolean isWallClockBased() { return false; }
        };
        bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofNanos(windowNanos)).build())
                .withCustomTimePrecision(virtual)
                .build();
    }

    @Override
    public boolean tryAcquire(long nowNanos) {
        now = clock.advance(nowNanos);
        return bucket.tryConsume(1);
    }

    @Override
    public long stateBytes() {
        return -1;
    }

    @Override
    public String name() {
        return "Bucket4j";
    }
}
