package sdx.ratelimit;

import java.util.Arrays;
import sdx.core.Check;

/**
 * One limiter's decisions on one traffic: which requests were admitted, and the peak state it held.
 *
 * @param algorithm     the limiter's name
 * @param arrivalsNanos the arrival times (copied)
 * @param admitted      admitted[i] = request i passed (copied)
 * @param peakBytes     the most state bytes it held during the run (-1 if unknown)
 */
public record Decisions(String algorithm, long[] arrivalsNanos, boolean[] admitted, long peakBytes) {
    public Decisions {
        Check.notNull("algorithm", algorithm);
        arrivalsNanos = Check.notNull("arrivalsNanos", arrivalsNanos).clone();
        admitted = Check.notNull("admitted", admitted).clone();
        Check.that(admitted.length == arrivalsNanos.length, "admitted.length", admitted.length,
                "must equal arrivalsNanos.length " + arrivalsNanos.length);
    }

    @Override public long[] arrivalsNanos() { return arrivalsNanos.clone(); }

    @Override public boolean[] admitted() { return admitted.clone(); }

    /** Runs {@code limiter} on {@code traffic}. */
    public static Decisions run(RateLimiter limiter, Traffic traffic) {
        Check.notNull("limiter", limiter);
        long[] t = Check.notNull("traffic", traffic).arrivalsNanos();
        boolean[] ok = new boolean[t.length];
        long peak = limiter.stateBytes();
        for (int i = 0; i < t.length; i++) {
            ok[i] = limiter.tryAcquire(t[i]);
            peak = Math.max(peak, limiter.stateBytes());
        }
        return new Decisions(limiter.name(), t, ok, peak);
    }

    /** The number admitted. */
    public int admittedCount() {
        int n = 0;
        for (boolean b : admitted) if (b) n++;
        return n;
    }

    /** The admitted requests' times. */
    public long[] admittedTimes() {
        long[] out = new long[arrivalsNanos.length];
        int n = 0;
        for (int i = 0; i < out.length; i++) if (admitted[i]) out[n++] = arrivalsNanos[i];
        return Arrays.copyOf(out, n);
    }

    /** The most admitted requests in any span {@code (t - windowNanos, t]}. */
    public int maxInAnyWindow(long windowNanos) {
        return maxInWindow(admittedTimes(), windowNanos);
    }

    /** The most of {@code sorted} times in any span {@code (t - windowNanos, t]}. */
    static int maxInWindow(long[] sorted, long windowNanos) {
        Check.positive("windowNanos", windowNanos);
        int best = 0;
        for (int lo = 0, hi = 0; hi < sorted.length; hi++) {
            while (sorted[lo] <= sorted[hi] - windowNanos) lo++;
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    /** How many of {@code sorted} times lie in {@code (t - windowNanos, t]}, for each t in {@code at}. */
    static double[] inTrailingWindow(long[] sorted, long windowNanos, long[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            int hi = upper(sorted, at[i]);
            int lo = upper(sorted, at[i] - windowNanos);
            out[i] = hi - lo;
        }
        return out;
    }

    /** The number of elements {@code <= x}. */
    private static int upper(long[] sorted, long x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
