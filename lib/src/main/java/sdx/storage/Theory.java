package sdx.storage;

import sdx.core.Check;
import sdx.core.Roots;

/**
 * The closed forms notebook 05 draws beside its simulations.
 * <ul>
 *   <li>Fan-out: a request that waits for all of {@code n} independent servers is slow when any one is:
 *       {@code 1 - (1 - s)^n}; its latency is the maximum, with CDF {@code F(x)^n} (Dean and Barroso, "The
 *       Tail at Scale", CACM 2013).</li>
 *   <li>Hedging: a sub-request that sends a second copy to another server after {@code d} ms if the first
 *       has not answered completes by {@code x >= d} unless both are late:
 *       {@code P(T > x) = P(L > x) · P(L > x - d)} (same paper, "hedged requests").</li>
 * </ul>
 */
public final class Theory {
    private Theory() {}

    /** The share of requests that meet at least one slow server out of {@code servers}: 1 - (1 - s)^n. */
    public static double slowShare(double perServer, int servers) {
        Check.inRange("perServer", perServer, 0.0, 1.0);
        Check.positive("servers", servers);
        return 1 - Math.pow(1 - perServer, servers);
    }

    /** The q-quantile (ms) of a request that waits for the slowest of {@code servers}: F^-1(q^(1/n)). */
    public static double fanOutQuantile(TailModel model, int servers, double q) {
        Check.notNull("model", model);
        Check.positive("servers", servers);
        Check.that(q > 0 && q < 1, "q", q, "must be in (0, 1)");
        return model.quantile(Math.pow(q, 1.0 / servers));
    }

    /** P(a hedged sub-request is done by x ms), the second copy sent after {@code hedgeAfterMs}. */
    public static double hedgedCdf(TailModel model, double hedgeAfterMs, double x) {
        double late = 1 - model.cdf(x);
        if (x > hedgeAfterMs) late *= 1 - model.cdf(x - hedgeAfterMs);
        return 1 - late;
    }

    /** The q-quantile (ms) of a request over {@code servers}, each sub-request hedged after {@code hedgeAfterMs}. */
    public static double hedgedFanOutQuantile(TailModel model, int servers, double hedgeAfterMs, double q) {
        Check.notNull("model", model);
        Check.positive("servers", servers);
        Check.atLeast("hedgeAfterMs", hedgeAfterMs, 0.0);
        Check.that(q > 0 && q < 1, "q", q, "must be in (0, 1)");
        return Roots.bisectUpward(x -> Math.pow(hedgedCdf(model, hedgeAfterMs, x), servers), q, model.fastMeanMs());
    }

    /** The extra load of hedging after d ms: the share of sub-requests still unanswered at d, 1 - F(d). */
    public static double hedgeLoad(TailModel model, double hedgeAfterMs) {
        Check.notNull("model", model);
        Check.atLeast("hedgeAfterMs", hedgeAfterMs, 0.0);
        return 1 - model.cdf(hedgeAfterMs);
    }
}
