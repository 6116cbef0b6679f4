package sdx.cache;

import java.util.Arrays;
import sdx.core.Check;

/**
 * Hit ratios predicted for independent requests with known key probabilities {@code p[k]}.
 *
 * <ul>
 *   <li>{@link #lru}: Che's approximation (Che, Tung and Wang, "Hierarchical Web caching systems:
 *       modeling, design and experimental results", IEEE JSAC 2002; explained by Fricker, Robert and
 *       Roberts, "A versatile and accurate approximation for LRU cache performance", ITC 2012). A key
 *       stays in an LRU cache for about a fixed "characteristic time" T after its last use, where T
 *       solves {@code sum_k (1 - e^(-p_k T)) = C}; key k is then a hit with probability
 *       {@code 1 - e^(-p_k T)}.</li>
 *   <li>{@link #fifo}: the same idea for FIFO (Martina, Garetto and Leonardi, INFOCOM 2014): key k is
 *       a hit with probability {@code p_k T / (1 + p_k T)}, T chosen so the cache holds C keys.</li>
 *   <li>{@link #upperBound}: the C largest probabilities added up. Keeping the C most popular keys
 *       is the best any online policy can do when requests are independent; no simulated policy
 *       should beat it beyond sampling noise. (An offline policy that knows the future, Bélády's,
 *       can.)</li>
 * </ul>
 */
public final class Theory {
    private Theory() {}

    /** Che's approximation of LRU's hit ratio for a cache of {@code capacity} keys. */
    public static double lru(double[] p, int capacity) {
        checkArgs(p, capacity);
        if (capacity >= p.length) return 1.0;
        double t = characteristicTime(p, capacity);
        double hit = 0;
        for (double pk : p) hit += pk * -Math.expm1(-pk * t);
        return hit;
    }

    /**
     * Che's characteristic time T (in requests): the solution of {@code sum_k (1 - e^(-p_k T)) = C}.
     * Requires {@code capacity < p.length} (otherwise every key fits and T is infinite).
     */
    public static double characteristicTime(double[] p, int capacity) {
        checkArgs(p, capacity);
        Check.that(capacity < p.length, "capacity", capacity, "must be < number of keys = " + p.length);
        return solve(p, capacity, (pk, t) -> -Math.expm1(-pk * t));
    }

    /** The FIFO approximation (Martina et al. 2014) for a cache of {@code capacity} keys. */
    public static double fifo(double[] p, int capacity) {
        checkArgs(p, capacity);
        if (capacity >= p.length) return 1.0;
        double t = solve(p, capacity, (pk, x) -> pk * x / (1 + pk * x));
        double hit = 0;
        for (double pk : p) hit += pk * (pk * t / (1 + pk * t));
        return hit;
    }

    /** The best static cache: the sum of the {@code capacity} largest probabilities. */
    public static double upperBound(double[] p, int capacity) {
        checkArgs(p, capacity);
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int i = sorted.length - 1; i >= Math.max(0, sorted.length - capacity); i--) sum += sorted[i];
        return Math.min(1.0, sum);
    }

    /** Occupancy of key k at time t, increasing in t from 0 to 1. */
    private interface Occupancy {
        double of(double pk, double t);
    }

    /** Solves {@code sum_k occupancy(p_k, T) = capacity} for T: doubling T to bracket it, then bisection. */
    private static double solve(double[] p, int capacity, Occupancy occupancy) {
        return sdx.core.Roots.bisectUpward(t -> filled(p, t, occupancy), capacity, 1);
    }

    private static double filled(double[] p, double t, Occupancy occupancy) {
        double s = 0;
        for (double pk : p) s += occupancy.of(pk, t);
        return s;
    }

    private static void checkArgs(double[] p, int capacity) {
        Check.notNull("p", p);
        Check.that(p.length > 0, "p", "[]", "must not be empty");
        Check.positive("capacity", capacity);
        double sum = 0;
        for (double pk : p) {
            Check.that(pk >= 0 && Double.isFinite(pk), "p[k]", pk, "must be a finite probability >= 0");
            sum += pk;
        }
        Check.that(Math.abs(sum - 1) < 1e-6, "sum of p", sum, "must be 1");
    }
}
