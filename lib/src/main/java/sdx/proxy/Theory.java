package sdx.proxy;

import sdx.core.Check;

/**
 * Formulas the notebook draws beside its measurements.
 *
 * <ul>
 * <li>Balls into bins: with one random choice the fullest of n bins holds about ln n / ln ln n of n balls;
 * with the lesser loaded of d choices, ln ln n / ln d + O(1) (Azar, Broder, Karlin and Upfal, "Balanced
 * Allocations", SIAM J. Computing 1999; Mitzenmacher, "The Power of Two Choices in Randomized Load
 * Balancing", IEEE TPDS 2001). The O(1) matters at every n a laptop reaches, so {@link #maxLoad} also
 * integrates Mitzenmacher's fluid limit, ds_i/dt = s_{i-1}^d - s_i^d (s_i: the share of bins holding at
 * least i balls), which is accurate already for n in the hundreds.</li>
 * <li>Random splitting over backends of unequal speed: each backend is an M/M/1 queue fed λ/N.</li>
 * <li>Requests lost to a dead backend before a health check ejects it.</li>
 * </ul>
 */
public final class Theory {
    private Theory() {}

    /** ln n / ln ln n: the one-choice max load's growth (n >= 3). */
    public static double oneChoiceGrowth(double n) {
        Check.that(n >= 3, "n", n, "must be >= 3 (ln ln n must be positive)");
        return Math.log(n) / Math.log(Math.log(n));
    }

    /** ln ln n / ln d: the d-choice max load's growth, without its O(1) term (n >= 3, d >= 2). */
    public static double dChoiceGrowth(double n, int d) {
        Check.that(n >= 3, "n", n, "must be >= 3");
        Check.atLeast("d", d, 2);
        return Math.log(Math.log(n)) / Math.log(d);
    }

    /**
     * The expected fullest bin when {@code m} balls go, each to the least loaded of {@code d} uniformly chosen
     * bins, into {@code n} bins: Mitzenmacher's fluid limit integrated to t = m/n, then E[max] = Σ_i P(some bin
     * holds >= i), with the number of such bins taken as Poisson with mean n·s_i.
     *
     * @param n bins, 2..10^8
     * @param m balls, 1..100·n
     * @param d choices per ball, 1..8
     */
    public static double maxLoad(long n, long m, int d) {
        Check.that(n >= 2 && n <= 100_000_000L, "n", n, "must be in [2, 10^8]");
        Check.that(m >= 1 && m <= 100 * n, "m", m, "must be in [1, 100 n]");
        Check.inRange("d", d, 1, 8);
        int levels = (int) Math.min(2_000, 20 + 3 * m / n);
        double[] s = new double[levels + 1];
        s[0] = 1;
        double t = m / (double) n;
        int steps = (int) Math.max(2_000, 400 * t);
        double dt = t / steps;
        double[] next = new double[levels + 1];
        for (int k = 0; k < steps; k++) {
            next[0] = 1;
            for (int i = 1; i <= levels; i++) next[i] = s[i] + dt * (Math.pow(s[i - 1], d) - Math.pow(s[i], d));
            System.arraycopy(next, 0, s, 0, levels + 1);
        }
        double expected = 0;
        for (int i = 1; i <= levels; i++) expected += 1 - Math.exp(-n * s[i]);
        return expected;
    }

    /**
     * The expected number of requests the busiest of {@code n} backends receives when {@code m} requests
     * each pick one uniformly at random: E[max] = Σ_{k>=1} (1 - F(k-1)^n), F the Binomial(m, 1/n) CDF (the n
     * counts treated as independent, which they nearly are).
     */
    public static double busiestOfRandom(int m, int n) {
        Check.inRange("m", m, 1, 10_000_000);
        Check.inRange("n", n, 2, 100_000);
        double p = 1.0 / n;
        double pmf = Math.exp(m * Math.log1p(-p));
        double cdf = 0, expected = 0;
        for (int k = 0; k <= m; k++) {
            cdf += pmf;
            double below = Math.min(1.0, cdf);               // P(count <= k)
            double tail = 1 - Math.pow(below, n);            // P(max > k)
            expected += tail;
            if (k > m / n && tail < 1e-12) break;
            pmf *= (m - k) / (double) (k + 1) * p / (1 - p);
        }
        return expected;
    }

    /**
     * Mean latency (ms) when requests are split uniformly at random over backends of the given speeds at
     * {@code load} of their total capacity: backend i is M/M/1 with arrival rate λ/N and service rate μ_i,
     * mean time 1/(μ_i − λ/N). Infinite when some backend gets more than it can serve.
     */
    public static double randomSplitMeanMs(double[] speeds, double load) {
        Check.notNull("speeds", speeds);
        Check.that(load > 0 && load < 1, "load", load, "must be in (0, 1)");
        double total = 0;
        for (double s : speeds) total += s;
        double lambdaEach = load * total / speeds.length;    // in units of 1/(10 ms)
        double mean = 0;
        for (double s : speeds) {
            if (lambdaEach >= s) return Double.POSITIVE_INFINITY;
            mean += LoadBalancerModel.BASE_SERVICE_MICROS / 1000.0 / (s - lambdaEach);
        }
        return mean / speeds.length;
    }

    /**
     * Requests expected to fail when a backend dies under an active health check: it keeps receiving its
     * share of the traffic until the next probe (on average half an interval away) goes unanswered for the
     * probe timeout, plus those already queued at it (M/M/1 at utilisation {@code rho}: rho/(1−rho)).
     *
     * @param ratePerSecond the balancer's arrival rate
     * @param share         the dead backend's share of requests (1/N for round robin)
     * @param intervalMs    time between probes
     * @param probeTimeoutMs how long an unanswered probe is waited for
     * @param rho           the dead backend's utilisation before it died, in [0, 1)
     */
    public static double failedBeforeActiveEjection(double ratePerSecond, double share, double intervalMs,
                                                    double probeTimeoutMs, double rho) {
        Check.positive("ratePerSecond", ratePerSecond);
        Check.inRange("share", share, 0.0, 1.0);
        Check.atLeast("intervalMs", intervalMs, 0.0);
        Check.atLeast("probeTimeoutMs", probeTimeoutMs, 0.0);
        Check.that(rho >= 0 && rho < 1, "rho", rho, "must be in [0, 1)");
        return ratePerSecond * share * (intervalMs / 2 + probeTimeoutMs) / 1000 + rho / (1 - rho);
    }

    /**
     * Requests expected to fail under a passive check that ejects after {@code k} consecutive timeouts of
     * {@code timeoutMs}: everything sent to the backend from its death until the k-th failure is noticed —
     * (k − 1) requests plus one timeout's worth of its share — plus those already queued at it.
     */
    public static double failedBeforePassiveEjection(double ratePerSecond, double share, double timeoutMs, int k,
                                                     double rho) {
        Check.positive("ratePerSecond", ratePerSecond);
        Check.inRange("share", share, 0.0, 1.0);
        Check.atLeast("timeoutMs", timeoutMs, 0.0);
        Check.atLeast("k", k, 1);
        Check.that(rho >= 0 && rho < 1, "rho", rho, "must be in [0, 1)");
        return (k - 1) + ratePerSecond * share * timeoutMs / 1000 + rho / (1 - rho);
    }

    /**
     * Client-visible failures when one of {@code backends} dies before request {@code killAt} of {@code requests}
     * sent one at a time under round robin: every {@code backends}-th request after the death lands on the dead
     * one ({@code (requests - killAt) / backends}, rounded up: an upper bound that is exact when the dead one is next in turn at the kill), unless the proxy ejects it after
     * {@code ejectAfter} failures in a row (then only those), and none reach the client if it retries elsewhere.
     */
    public static long deadBackendErrors(int requests, int killAt, int backends, int ejectAfter, int retries) {
        Check.inRange("killAt", killAt, 0, requests);
        Check.positive("backends", backends);
        if (retries > 0) return 0;
        long landing = (requests - killAt + backends - 1) / backends;
        return ejectAfter > 0 ? Math.min(ejectAfter, landing) : landing;
    }
}
