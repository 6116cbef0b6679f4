package sdx.http;

import sdx.core.Check;
import sdx.core.Roots;

/**
 * The M/M/c queue (Poisson arrivals at rate λ, exponential service times of mean S, c servers, one FIFO
 * queue): the theory notebook 01 draws beside a real server with c worker threads. Formulas from A. K.
 * Erlang (1917) as given in L. Kleinrock, <i>Queueing Systems, Vol. 1</i> (1975), section 3.5, and M.
 * Harchol-Balter, <i>Performance Modeling and Design of Computer Systems</i> (2013), chapter 14.
 */
public final class Theory {
    private Theory() {}

    /** Offered load a = λ·S in Erlangs: the mean number of busy servers. */
    public static double offeredLoad(double ratePerSecond, double meanServiceSeconds) {
        Check.positive("ratePerSecond", ratePerSecond);
        Check.positive("meanServiceSeconds", meanServiceSeconds);
        return ratePerSecond * meanServiceSeconds;
    }

    /** Utilisation ρ = λ·S / c: the share of time each server is busy. */
    public static double utilisation(double ratePerSecond, double meanServiceSeconds, int servers) {
        Check.positive("servers", servers);
        return offeredLoad(ratePerSecond, meanServiceSeconds) / servers;
    }

    /**
     * Erlang's C formula: the probability that an arriving request must wait (all c servers busy), for
     * offered load {@code a} Erlangs on {@code c} servers, a &lt; c. Summed term by term (no factorials).
     */
    public static double erlangC(int c, double a) {
        Check.inRange("c", c, 1, 10_000);
        Check.positive("a", a);
        Check.that(a < c, "a", a, "must be below c = " + c + " (at a >= c the queue grows without bound)");
        double term = 1, sum = 1;                          // term = a^k / k!, sum over k = 0..c-1
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double last = term * a / c / (1 - a / c);          // a^c / c! · 1 / (1 - ρ)
        return last / (sum + last);
    }

    /** Mean time in the queue before service starts, Wq = C(c, a) · S / (c − a), in seconds. */
    public static double meanWaitSeconds(double ratePerSecond, double meanServiceSeconds, int servers) {
        double a = offeredLoad(ratePerSecond, meanServiceSeconds);
        return erlangC(servers, a) * meanServiceSeconds / (servers - a);
    }

    /** Mean response time W = Wq + S (queueing plus service), in seconds. */
    public static double meanResponseSeconds(double ratePerSecond, double meanServiceSeconds, int servers) {
        return meanWaitSeconds(ratePerSecond, meanServiceSeconds, servers) + meanServiceSeconds;
    }

    /**
     * P(response time &gt; t): with probability 1 − C a request starts at once and takes S ~ Exp(μ); otherwise it
     * first waits Wq ~ Exp(θ), θ = cμ − λ (FIFO, Harchol-Balter 2013, §14.5), then S, and the sum of two
     * exponentials has P(X + S &gt; t) = (μe^(−θt) − θe^(−μt)) / (μ − θ) (or (1 + μt)e^(−μt) when θ = μ).
     */
    public static double responseTail(double ratePerSecond, double meanServiceSeconds, int servers, double seconds) {
        Check.atLeast("seconds", seconds, 0.0);
        double a = offeredLoad(ratePerSecond, meanServiceSeconds);
        double c = erlangC(servers, a), mu = 1 / meanServiceSeconds, theta = servers * mu - ratePerSecond;
        double both = Math.abs(mu - theta) < 1e-9 * mu
                ? (1 + mu * seconds) * Math.exp(-mu * seconds)
                : (mu * Math.exp(-theta * seconds) - theta * Math.exp(-mu * seconds)) / (mu - theta);
        return (1 - c) * Math.exp(-mu * seconds) + c * both;
    }

    /** The {@code percentile}-th percentile (0..100, exclusive) of the M/M/c response time, in seconds. */
    public static double responsePercentileSeconds(double ratePerSecond, double meanServiceSeconds, int servers,
                                                   double percentile) {
        Check.inRange("percentile", percentile, 1e-9, 100 - 1e-9);
        double target = percentile / 100;
        return Roots.bisectUpward(t -> 1 - responseTail(ratePerSecond, meanServiceSeconds, servers, t), target,
                meanServiceSeconds);
    }
}
