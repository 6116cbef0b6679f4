package sdx.ratelimit;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * One client's requests: arrival times in nanoseconds, sorted, within {@code [0, durationNanos)}.
 *
 * @param label         what the traffic is, for titles
 * @param arrivalsNanos sorted arrival times (copied in and out)
 * @param durationNanos how long the traffic lasts
 */
public record Traffic(String label, long[] arrivalsNanos, long durationNanos) {
    /** One second in nanoseconds. */
    public static final long SECOND = 1_000_000_000L;

    public Traffic {
        Check.notNull("label", label);
        Check.notNull("arrivalsNanos", arrivalsNanos);
        Check.positive("durationNanos", durationNanos);
        arrivalsNanos = arrivalsNanos.clone();
        for (int i = 0; i < arrivalsNanos.length; i++) {
            long t = arrivalsNanos[i];
            Check.that(t >= 0 && t < durationNanos, "arrivalsNanos[" + i + "]", t, "must be in [0, " + durationNanos + ")");
            Check.that(i == 0 || t >= arrivalsNanos[i - 1], "arrivalsNanos[" + i + "]", t, "must not be before the previous arrival");
        }
    }

    @Override
    public long[] arrivalsNanos() {
        return arrivalsNanos.clone();
    }

    /** The number of requests. */
    public int size() {
        return arrivalsNanos.length;
    }

    /** Poisson arrivals at {@code ratePerSecond} for {@code seconds}. */
    public static Traffic steady(double ratePerSecond, double seconds, long seed) {
        Check.inRange("ratePerSecond", ratePerSecond, 0.001, 1e6);
        Check.inRange("seconds", seconds, 0.001, 3600);
        long duration = Math.round(seconds * SECOND);
        UniformRandomProvider rng = Rng.of(seed);
        long[] out = poisson(rng, ratePerSecond, duration);
        return new Traffic(String.format(java.util.Locale.ROOT, "steady, %.0f/s", ratePerSecond), out, duration);
    }

    /**
     * Bursty: Poisson background at {@code ratePerSecond}, plus bursts (Poisson, {@code burstsPerSecond}) of
     * {@code burstSize} requests within 10 ms each.
     */
    public static Traffic bursty(double ratePerSecond, int burstSize, double burstsPerSecond, double seconds, long seed) {
        Check.inRange("ratePerSecond", ratePerSecond, 0.001, 1e6);
        Check.inRange("burstSize", burstSize, 1, 100_000);
        Check.inRange("burstsPerSecond", burstsPerSecond, 0.001, 1000);
        Check.inRange("seconds", seconds, 0.001, 3600);
        long duration = Math.round(seconds * SECOND);
        UniformRandomProvider rng = Rng.of(seed);
        long[] background = poisson(rng, ratePerSecond, duration);
        long[] starts = poisson(rng, burstsPerSecond, duration);
        long[] all = Arrays.copyOf(background, background.length + starts.length * burstSize);
        int n = background.length;
        for (long s : starts) {
            for (int i = 0; i < burstSize; i++) all[n++] = Math.min(duration - 1, s + rng.nextLong(10_000_000L));
        }
        Arrays.sort(all);
        return new Traffic(String.format(java.util.Locale.ROOT, "bursty, %.0f/s + bursts of %d", ratePerSecond, burstSize),
                all, duration);
    }

    /**
     * The fixed window's adversary: at every second window boundary, {@code limit} requests spread evenly over
     * the last {@code spreadFraction} of the window before it and {@code limit} over the same span after it,
     * and nothing else. Deterministic (no seed needed).
     */
    public static Traffic boundary(int limit, long windowNanos, double spreadFraction, int windows) {
        Check.inRange("limit", limit, 1, 100_000);
        Check.positive("windowNanos", windowNanos);
        Check.inRange("spreadFraction", spreadFraction, 0.001, 0.5);
        Check.inRange("windows", windows, 2, 10_000);
        long spread = Math.max(limit, Math.round(windowNanos * spreadFraction));
        long step = spread / limit;
        long[] out = new long[(windows / 2) * 2 * limit];
        int n = 0;
        for (int k = 1; k < windows; k += 2) {
            long edge = k * windowNanos;
            for (int i = 0; i < limit; i++) out[n++] = edge - spread + i * step;
            for (int i = 0; i < limit; i++) out[n++] = edge + i * step;
        }
        return new Traffic("adversarial: " + limit + " just before and " + limit + " just after every other boundary",
                Arrays.copyOf(out, n), windows * windowNanos);
    }

    private static long[] poisson(UniformRandomProvider rng, double ratePerSecond, long duration) {
        long[] out = new long[16];
        int n = 0;
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) / ratePerSecond * SECOND;
            if (t >= duration) break;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = (long) t;
        }
        return Arrays.copyOf(out, n);
    }
}
