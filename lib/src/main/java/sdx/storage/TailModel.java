package sdx.storage;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Roots;

/**
 * One server's response time, in milliseconds, as a mixture: with probability {@code 1 - slowShare} a fast
 * reply, exponential with mean {@code fastMeanMs}; with probability {@code slowShare} a slow one,
 * {@code slowOffsetMs} plus an exponential with mean {@code slowMeanMs} (a garbage-collection pause, a
 * queue behind a compaction, a retransmitted packet). The shape is the one Dean and Barroso describe in
 * "The Tail at Scale" (CACM 56(2), 2013): most replies fast, a small share far slower.
 *
 * @param fastMeanMs   mean of the fast replies (ms), &gt; 0
 * @param slowShare    share of slow replies, in [0, 1)
 * @param slowOffsetMs the least a slow reply takes (ms), &gt;= 0
 * @param slowMeanMs   mean of a slow reply beyond its offset (ms), &gt; 0
 */
public record TailModel(double fastMeanMs, double slowShare, double slowOffsetMs, double slowMeanMs) {
    /** Validates every parameter. */
    public TailModel {
        Check.positive("fastMeanMs", fastMeanMs);
        Check.that(slowShare >= 0 && slowShare < 1, "slowShare", slowShare, "must be in [0, 1)");
        Check.atLeast("slowOffsetMs", slowOffsetMs, 0.0);
        Check.positive("slowMeanMs", slowMeanMs);
    }

    /** The notebook's server: fast replies average 1 ms; 1% are slow, 10 ms plus 20 ms on average. */
    public static TailModel typical() {
        return new TailModel(1.0, 0.01, 10.0, 20.0);
    }

    /** One reply's time in ms, drawn from {@code rng}. */
    public double sample(UniformRandomProvider rng) {
        return sample(rng, null);
    }

    /**
     * One reply's time in ms; if {@code slow} is not null, {@code slow[0]} says whether the slow branch was
     * drawn. Always draws exactly two uniforms, so runs that differ in policy stay aligned.
     */
    public double sample(UniformRandomProvider rng, boolean[] slow) {
        boolean s = rng.nextDouble() < slowShare;
        double e = -Math.log1p(-rng.nextDouble());
        if (slow != null) slow[0] = s;
        return s ? slowOffsetMs + slowMeanMs * e : fastMeanMs * e;
    }

    /** P(reply time &lt;= x ms). */
    public double cdf(double x) {
        if (x <= 0) return 0;
        double fast = (1 - slowShare) * -Math.expm1(-x / fastMeanMs);
        double slow = x <= slowOffsetMs ? 0 : slowShare * -Math.expm1(-(x - slowOffsetMs) / slowMeanMs);
        return fast + slow;
    }

    /** The q-quantile in ms, 0 &lt; q &lt; 1 (q = 0.99 is the p99). */
    public double quantile(double q) {
        Check.that(q > 0 && q < 1, "q", q, "must be in (0, 1), e.g. 0.99 for the p99");
        return Roots.bisectUpward(this::cdf, q, fastMeanMs);
    }

    /** The mean reply time in ms. */
    public double mean() {
        return (1 - slowShare) * fastMeanMs + slowShare * (slowOffsetMs + slowMeanMs);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "fast ~ Exp(mean %.3g ms) w.p. %.4g; slow ~ %.3g ms + Exp(mean %.3g ms) w.p. %.4g",
                fastMeanMs, 1 - slowShare, slowOffsetMs, slowMeanMs, slowShare);
    }
}
