package sdx.core;

import java.util.function.DoubleUnaryOperator;

/**
 * Solving {@code f(x) = target} for an increasing {@code f} by bisection: slow but unconditionally safe,
 * which is what theory curves need. The library's one root finder.
 */
public final class Roots {
    private Roots() {}

    /** Relative width at which bisection stops. */
    public static final double TOLERANCE = 1e-10;

    /**
     * The x in [lo, hi] where the increasing {@code f} reaches {@code target}, halving the interval
     * until it is narrower than {@link #TOLERANCE} × hi (at most 200 steps). If {@code f} never reaches
     * the target in the interval, the answer is the nearer end.
     */
    public static double bisect(DoubleUnaryOperator f, double target, double lo, double hi) {
        Check.notNull("f", f);
        Check.that(hi > lo, "hi", hi, "must be > lo = " + lo);
        for (int i = 0; i < 200 && hi - lo > TOLERANCE * Math.abs(hi); i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < target) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** {@link #bisect} on a log scale (geometric midpoints), for roots spread over decades; 0 < lo < hi. */
    public static double bisectLog(DoubleUnaryOperator f, double target, double lo, double hi) {
        Check.notNull("f", f);
        Check.positive("lo", lo);
        Check.that(hi > lo, "hi", hi, "must be > lo = " + lo);
        for (int i = 0; i < 200 && hi / lo > 1 + TOLERANCE; i++) {
            double mid = Math.sqrt(lo * hi);
            if (f.applyAsDouble(mid) < target) lo = mid;
            else hi = mid;
        }
        return Math.sqrt(lo * hi);
    }

    /**
     * Like {@link #bisect} with no upper bound known: doubles {@code hi} from {@code start} (> 0) until
     * {@code f(hi) >= target} (at most 1,000 doublings), then bisects.
     */
    public static double bisectUpward(DoubleUnaryOperator f, double target, double start) {
        Check.notNull("f", f);
        Check.positive("start", start);
        double lo = 0, hi = start;
        for (int i = 0; f.applyAsDouble(hi) < target; i++) {
            if (i == 1000) throw new IllegalStateException("f never reaches " + target + " (last tried x = " + hi + ")");
            lo = hi;
            hi *= 2;
        }
        return bisect(f, target, lo, hi);
    }
}
