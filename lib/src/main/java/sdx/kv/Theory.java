package sdx.kv;

import sdx.core.Check;

/**
 * Closed forms for notebook 11. Writes arrive at rate {@code λ} per second and become durable together every
 * {@code I} seconds (an fsync every second, the kernel's write-back, a snapshot); a crash at a time independent
 * of that schedule falls a uniform fraction of an interval after the last durable point, so the acknowledged
 * writes lost average {@code λ·I/2} and rarely exceed {@code λ·I} by much (they are a Poisson count). Redis's
 * persistence documentation states the same bounds in words ("you can lose one second worth of writes").
 * Expired keys: by Little's law a store receiving {@code w} keys a second, each living {@code T} seconds, holds
 * {@code w·T} live keys; Redis's active expiry stops sampling once at most a quarter of a sample has expired,
 * so it keeps roughly at most {@code w·T / (1 − 1/4)} keys in memory.
 */
public final class Theory {
    private Theory() {}

    /** Mean acknowledged writes lost per crash: {@code rate · interval / 2}. */
    public static double meanLostWrites(double writesPerSecond, double intervalSeconds) {
        Check.atLeast("writesPerSecond", writesPerSecond, 0);
        Check.atLeast("intervalSeconds", intervalSeconds, 0);
        return writesPerSecond * intervalSeconds / 2;
    }

    /** Writes in one whole interval, {@code rate · interval}: what a crash just before a durable point loses. */
    public static double fullIntervalWrites(double writesPerSecond, double intervalSeconds) {
        return 2 * meanLostWrites(writesPerSecond, intervalSeconds);
    }

    /** Live keys by Little's law: arrival rate times lifetime. */
    public static double liveKeys(double keysPerSecond, double ttlSeconds) {
        Check.atLeast("keysPerSecond", keysPerSecond, 0);
        Check.atLeast("ttlSeconds", ttlSeconds, 0);
        return keysPerSecond * ttlSeconds;
    }

    /** Keys in memory when active expiry leaves at most a quarter of them expired: {@code w·T / 0.75}. */
    public static double keysWithActiveExpiry(double keysPerSecond, double ttlSeconds) {
        return liveKeys(keysPerSecond, ttlSeconds) / 0.75;
    }
}
