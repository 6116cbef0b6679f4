package sdx.kv;

import sdx.core.Check;

/**
 * Closed forms for notebook 11. Writes arrive at rate {@code λ} per second and become durable together every
 * {@code I} seconds (an fsync every second, the kernel's write-back, a snapshot); a crash at a time independent
 * of that schedule falls a uniform fraction of an interval after the last durable point, so the acknowledged
 * writes lost average {@code λ·I/2} and rarely exceed {@code λ·I} by much (they are a Poisson count). Redis's
 * persistence documentation states the same bounds in words ("you can lose one second worth of writes").
 * Expired keys: by Little's law a store receiving {@code w} keys a second, each living {@code T} seconds, holds
 * {@code w·T} live keys; {@link KvStore#activeExpireCycle()} samples 20 keys with a TTL per round and
 * stops once at most 2 of them (10%) had expired; with an expired share {@code f}, a round ends the cycle with
 * probability {@code P(Bin(20, f) <= 2)}, so a cycle deletes {@code 20·f / P(Bin(20, f) <= 2)} keys on average.
 * In the steady state that equals the keys expiring per cycle, which fixes {@code f}; the store then holds
 * {@code w·T / (1 − f)} keys (a mean-field estimate: it treats the sample as drawn with replacement from a
 * share that does not move during a cycle).
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

    /** Keys in memory with active expiry 10 times a second (see the class comment): {@code w·T / (1 − f)}. */
    public static double keysWithActiveExpiry(double keysPerSecond, double ttlSeconds) {
        return liveKeys(keysPerSecond, ttlSeconds) / (1 - expiredShare(keysPerSecond / 10));
    }

    /** The expired share {@code f} at which one cycle deletes {@code expiringPerCycle} keys on average. */
    public static double expiredShare(double expiringPerCycle) {
        Check.atLeast("expiringPerCycle", expiringPerCycle, 0);
        int n = KvStore.EXPIRE_SAMPLE, stop = (int) Math.floor(KvStore.ACCEPTABLE_STALE * n);
        java.util.function.DoubleUnaryOperator deleted = f -> {
            double pStop = 0;
            for (int k = 0; k <= stop; k++) pStop += binomial(n, k) * Math.pow(f, k) * Math.pow(1 - f, n - k);
            return n * f / pStop;
        };
        return sdx.core.Roots.bisect(deleted, expiringPerCycle, 0, 0.99);
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
