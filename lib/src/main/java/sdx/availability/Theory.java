package sdx.availability;

import sdx.core.Check;

/**
 * The closed forms of availability that notebook 06 draws beside its simulations. All assume that parts
 * fail and are repaired <em>independently</em> of each other (the simulations show what happens when they
 * do not), and that time is measured in hours.
 *
 * <ul>
 *   <li>One part that alternates between up (mean time between failures, MTBF) and down (mean time to
 *       repair, MTTR): {@code A = MTBF / (MTBF + MTTR)}, the long-run share of time it is up (a renewal
 *       argument; e.g. Trivedi, <i>Probability and Statistics with Reliability, Queuing, and Computer
 *       Science Applications</i>, 2nd ed. 2002, ch. 8).</li>
 *   <li>In series (every part needed): {@code A = A1 · A2 · …}. In parallel (any one part suffices):
 *       {@code A = 1 − (1 − A1)(1 − A2)…}.</li>
 *   <li>k out of n identical parts needed: the binomial tail {@code Σ_{i=k..n} C(n,i) A^i (1 − A)^(n−i)};
 *       N+1 redundancy is k = N, n = N + 1.</li>
 *   <li>An active–passive pair whose switch-over takes {@code d} hours (detection plus promotion):
 *       {@code U ≈ (1 − A)² + A² · d / MTBF}: both down, plus one failover window each time the active
 *       part fails while the standby is up (rate {@code A² / MTBF}). First order: it ignores the standby
 *       failing inside a window, a relative error of about {@code d / MTBF}.</li>
 * </ul>
 */
public final class Theory {
    private Theory() {}

    /** Hours in a year of 365.25 days. */
    public static final double HOURS_PER_YEAR = 365.25 * 24;
    /** Hours in a month: a twelfth of a year. */
    public static final double HOURS_PER_MONTH = HOURS_PER_YEAR / 12;
    /** Hours in a week. */
    public static final double HOURS_PER_WEEK = 7 * 24;

    /** The long-run availability of one part: {@code MTBF / (MTBF + MTTR)}. */
    public static double availability(double mtbfHours, double mttrHours) {
        Check.positive("mtbfHours", mtbfHours);
        Check.positive("mttrHours", mttrHours);
        return mtbfHours / (mtbfHours + mttrHours);
    }

    /** Every part needed: the product of the availabilities. */
    public static double series(double... availabilities) {
        checkAll(availabilities);
        double a = 1;
        for (double x : availabilities) a *= x;
        return a;
    }

    /** Any one part suffices: one minus the product of the unavailabilities. */
    public static double parallel(double... availabilities) {
        checkAll(availabilities);
        double u = 1;
        for (double x : availabilities) u *= 1 - x;
        return 1 - u;
    }

    /** {@code n} identical parts of availability {@code a}, any one suffices: {@code 1 − (1 − a)^n}. */
    public static double parallel(double a, int n) {
        return kOfN(1, n, a);
    }

    /** At least {@code k} of {@code n} identical parts of availability {@code a} must be up (binomial tail). */
    public static double kOfN(int k, int n, double a) {
        return 1 - kOfNUnavailability(k, n, a);
    }

    /**
     * The chance that fewer than {@code k} of {@code n} identical parts are up: {@code Σ_{i<k} C(n,i) a^i (1 − a)^(n−i)}.
     * Summed directly (not as one minus the availability), so that small values keep their digits.
     */
    public static double kOfNUnavailability(int k, int n, double a) {
        Check.positive("n", n);
        Check.inRange("k", k, 1, n);
        checkProbability("a", a);
        double sum = 0;
        for (int i = 0; i < k; i++) sum += binomial(n, i) * Math.pow(a, i) * Math.pow(1 - a, n - i);
        return Math.min(1, sum);
    }

    /**
     * The fewest identical parts of availability {@code a}, of which {@code needed} must be up, that reach
     * {@code target}; at most {@code needed + 100} are tried. Compared on unavailabilities with a relative slack
     * of 10⁻⁹, so that rounding does not decide a tie (0.1⁵ meets 99.999%).
     */
    public static int partsFor(int needed, double a, double target) {
        Check.positive("needed", needed);
        Check.that(a > 0 && a < 1, "a", a, "must be in (0, 1) (a part that never fails needs no spare)");
        Check.that(target > 0 && target < 1, "target", target, "must be in (0, 1)");
        double allowed = (1 - target) * (1 + 1e-9);
        for (int n = needed; n <= needed + 100; n++) if (kOfNUnavailability(needed, n, a) <= allowed) return n;
        throw Check.fail("target " + target + " is out of reach with parts of availability " + a
                + " (more than " + (needed + 100) + " parts)");
    }

    /** The unavailability of an active–passive pair with a failover of {@code failoverHours} (first order; see above). */
    public static double failoverPairUnavailability(double mtbfHours, double mttrHours, double failoverHours) {
        double a = availability(mtbfHours, mttrHours);
        Check.atLeast("failoverHours", failoverHours, 0);
        return (1 - a) * (1 - a) + a * a * failoverHours / mtbfHours;
    }

    /** The number of nines: {@code −log10(1 − A)} (0.999 has 3). */
    public static double nines(double availability) {
        checkProbability("availability", availability);
        return -Math.log10(1 - availability);
    }

    /** Hours of downtime per year at this availability. */
    public static double downtimeHoursPerYear(double availability) {
        checkProbability("availability", availability);
        return (1 - availability) * HOURS_PER_YEAR;
    }

    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    static void checkProbability(String name, double a) {
        Check.inRange(name, a, 0, 1);
    }

    private static void checkAll(double[] availabilities) {
        Check.notNull("availabilities", availabilities);
        Check.that(availabilities.length > 0, "availabilities", "[]", "must name at least one part");
        for (double x : availabilities) checkProbability("availabilities[i]", x);
    }
}
