package sdx.replication;

import sdx.core.Check;

/** The closed forms the notebook draws dashed beside its measurements. */
public final class Theory {
    private Theory() {}

    /**
     * Little's law (L = λW): writes in flight to a follower at a random instant = write rate × mean time in
     * flight. With asynchronous replication to one follower, a crash that loses the leader's link loses
     * exactly those that were already acknowledged: {@code ratePerSecond × meanLagMicros}.
     */
    public static double lostAtCrash(double ratePerSecond, double meanLagMicros) {
        Check.atLeast("ratePerSecond", ratePerSecond, 0.0);
        Check.atLeast("meanLagMicros", meanLagMicros, 0.0);
        return ratePerSecond * meanLagMicros / 1e6;
    }

    /**
     * The chance that a follower has not yet applied a write when a read arrives {@code afterMicros} after
     * the write reached the leader, if the one-way replication delay is log-normal with median
     * {@code medianMicros} and shape {@code sigma}: P(delay > after).
     */
    public static double staleLogNormal(double afterMicros, double medianMicros, double sigma) {
        Check.positive("medianMicros", medianMicros);
        Check.positive("sigma", sigma);
        if (afterMicros <= 0) return 1;
        double z = (Math.log(afterMicros) - Math.log(medianMicros)) / sigma;
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /**
     * PBS k-staleness for k = 1 at t = 0 (Bailis et al., VLDB 2012, eq. 1): the probability that a read
     * quorum of {@code r} replicas, chosen uniformly from {@code n}, misses all {@code w} replicas of the
     * latest write quorum: C(n−w, r) / C(n, r). Zero when r + w > n.
     */
    public static double staleQuorum(int n, int r, int w) {
        Check.inRange("n", n, 1, 60);
        Check.inRange("r", r, 1, n);
        Check.inRange("w", w, 1, n);
        return binomial(n - w, r) / binomial(n, r);
    }

    static double binomial(int n, int k) {
        if (k < 0 || k > n) return 0;
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    /** erfc by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). */
    static double erfc(double x) {
        if (x < 0) return 2 - erfc(-x);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return poly * Math.exp(-x * x);
    }
}
