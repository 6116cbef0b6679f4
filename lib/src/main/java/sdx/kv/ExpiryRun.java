package sdx.kv;

import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;

/**
 * Keys held in memory over time when keys with a TTL arrive steadily and most are never read again (sessions,
 * one-time tokens): lazy expiry alone never frees a key nobody reads, so memory grows without bound; adding
 * Redis's active expiry cycle (10 times a second) keeps it near the live keys of Little's law.
 *
 * @param seconds           the time axis, one point per second
 * @param lazyOnly          keys in memory with lazy expiry only
 * @param active            keys in memory with lazy and active expiry
 * @param keysPerSecond     new keys per second
 * @param ttlSeconds        each key's time to live
 */
public record ExpiryRun(double[] seconds, double[] lazyOnly, double[] active, double keysPerSecond, double ttlSeconds) {
    public ExpiryRun {
        seconds = seconds.clone();
        lazyOnly = lazyOnly.clone();
        active = active.clone();
    }

    @Override public double[] seconds() { return seconds.clone(); }
    @Override public double[] lazyOnly() { return lazyOnly.clone(); }
    @Override public double[] active() { return active.clone(); }

    /**
     * Runs both stores side by side on the same keys: {@code keysPerSecond} new keys a second, each with a TTL of
     * {@code ttlSeconds}, and {@code readsPerSecond} reads of random keys created so far, for {@code seconds}.
     */
    public static ExpiryRun simulate(int keysPerSecond, int ttlSeconds, int readsPerSecond, int seconds, long seed) {
        Check.inRange("keysPerSecond", keysPerSecond, 10, 10_000);
        Check.inRange("ttlSeconds", ttlSeconds, 1, 600);
        Check.inRange("readsPerSecond", readsPerSecond, 0, 10_000);
        Check.inRange("seconds", seconds, 1, 3_600);
        VirtualClock clock = new VirtualClock();
        KvStore lazy = new KvStore(clock, Long.MAX_VALUE, seed), active = new KvStore(clock, Long.MAX_VALUE, seed);
        UniformRandomProvider rng = Rng.of(seed, 1);
        double[] t = new double[seconds + 1], lazyKeys = new double[seconds + 1], activeKeys = new double[seconds + 1];
        int created = 0;
        for (int tick = 1; tick <= seconds * 10; tick++) { // 100 ms ticks: Redis's hz = 10
            clock.advance(100);
            int target = (int) ((long) tick * keysPerSecond / 10);
            for (; created < target; created++) {
                String key = "session:" + created;
                lazy.put(key, "token", ttlSeconds * 1_000L);
                active.put(key, "token", ttlSeconds * 1_000L);
            }
            int reads = (int) ((long) tick * readsPerSecond / 10 - (long) (tick - 1) * readsPerSecond / 10);
            for (int r = 0; r < reads && created > 0; r++) {
                String key = "session:" + rng.nextInt(created);
                lazy.get(key);
                active.get(key);
            }
            active.activeExpireCycle();
            if (tick % 10 == 0) {
                int s = tick / 10;
                t[s] = s;
                lazyKeys[s] = lazy.size();
                activeKeys[s] = active.size();
            }
        }
        return new ExpiryRun(t, lazyKeys, activeKeys, keysPerSecond, ttlSeconds);
    }

    /** Mean keys held with active expiry over the last half of the run (after the first TTL has passed). */
    public double activeSteadyState() {
        int from = Math.max((int) Math.ceil(ttlSeconds) + 1, active.length / 2);
        double sum = 0;
        for (int i = from; i < active.length; i++) sum += active[i];
        return sum / (active.length - from);
    }

    /** Keys in memory over time for both stores, beside Little's law and the 25% bound (dashed). */
    public Plot plot() {
        double end = seconds[seconds.length - 1];
        double[] tx = {ttlSeconds, end};
        double live = Theory.liveKeys(keysPerSecond, ttlSeconds), bound = Theory.keysWithActiveExpiry(keysPerSecond, ttlSeconds);
        String act = "lazy + active expiry (Redis)";
        return Plot.line("Keys in memory when most keys are never read again", "time (virtual s)", "keys in memory")
                .series("lazy expiry only", seconds, lazyOnly)
                .series(act, seconds, active)
                .theoryOf(act, "live keys, Little's law: rate × TTL", tx, new double[] {live, live})
                .theoryOf(act, "with expired share f: rate × TTL / (1 − f)", tx, new double[] {bound, bound});
    }
}
