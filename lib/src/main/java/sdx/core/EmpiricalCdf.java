package sdx.core;

import java.util.Arrays;

/**
 * The empirical cumulative distribution of a sample: {@code at(x)} is the share of samples {@code <= x}.
 * The library's one implementation (latency CDFs, chart steps).
 */
public final class EmpiricalCdf {
    private final double[] sorted;

    private EmpiricalCdf(double[] sorted) {
        this.sorted = sorted;
    }

    /** The CDF of {@code samples} (copied; at least one, none NaN). */
    public static EmpiricalCdf of(double[] samples) {
        Check.notNull("samples", samples);
        Check.that(samples.length > 0, "samples", "[]", "must not be empty");
        double[] s = samples.clone();
        Arrays.sort(s);
        Check.that(!Double.isNaN(s[s.length - 1]), "samples", "a NaN", "must be numbers");
        return new EmpiricalCdf(s);
    }

    /** Number of samples. */
    public int size() {
        return sorted.length;
    }

    /** Share of samples at or below {@code x}, in [0, 1]. */
    public double at(double x) {
        int lo = 0, hi = sorted.length;                     // the first sample > x
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo / (double) sorted.length;
    }

    /** {@link #at(double)} at each of {@code xs}. */
    public double[] at(double[] xs) {
        Check.notNull("xs", xs);
        return Arrays.stream(xs).map(this::at).toArray();
    }

    /**
     * At most {@code points} steps of the CDF to draw: {@code {x, y}} with x a sample and y the share
     * at or below it, evenly spaced in rank and ending at the maximum with y = 1.
     */
    public double[][] steps(int points) {
        Check.positive("points", points);
        int n = Math.min(sorted.length, points);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            int idx = (int) Math.min(sorted.length - 1, Math.round((i + 1.0) * sorted.length / n) - 1);
            x[i] = sorted[idx];
            y[i] = at(x[i]);
        }
        return new double[][] {x, y};
    }
}
