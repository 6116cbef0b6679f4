package sdx.capacity;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import sdx.capacity.Assumptions.Knob;
import sdx.capacity.Theory.LogNormal;
import sdx.capacity.Uncertainty.Range;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * Notebook 24's experiments: a back-of-the-envelope estimate written in checked units, which assumption
 * moves it most, how uncertain it is, and which resource of a server runs out first.
 */
public final class Capacity {
    private Capacity() {}

    /** The photo service worked out from {@code assumptions}. */
    public static PhotoEstimate estimate(Assumptions assumptions) {
        return PhotoEstimate.of(Check.notNull("assumptions", assumptions));
    }

    /**
     * The latency budget of one view and the throughput budget at the peak for {@code estimate} on
     * {@code server}, from {@code costs} measured on this machine.
     *
     * @param cacheHitRatio share of views answered from memory, 0 to 1
     */
    public static Budget budget(PhotoEstimate estimate, Server server, double cacheHitRatio, Costs costs) {
        return new Budget(estimate, server, cacheHitRatio, costs);
    }

    /**
     * A small HTTP request answered on 127.0.0.1, timed: {@code requests} sequential GETs with {@code replyBytes}-byte
     * replies (see {@link HttpCost#measure}).
     */
    public static HttpCost measureHttp(int requests, int replyBytes) {
        return HttpCost.measure(requests, replyBytes);
    }

    /**
     * How {@code output} moves when each assumption in turn is divided and multiplied by {@code factor}.
     *
     * @param factor more than 1, at most 100
     */
    public static Sensitivity sensitivity(Assumptions assumptions, Output output, double factor) {
        Check.notNull("assumptions", assumptions);
        Check.notNull("output", output);
        Check.that(factor > 1 && factor <= 100, "factor", factor, "must be > 1 and <= 100");
        return Sensitivity.of(assumptions, output, factor);
    }

    /**
     * The peak egress of {@code draws} estimates in which each knob of {@code ranges} is drawn from the
     * lognormal with that 90% interval (the other assumptions as in {@code base}).
     *
     * @param draws 100 to 1,000,000
     */
    public static Uncertainty uncertainty(Assumptions base, List<Range> ranges, int draws, long seed) {
        Check.notNull("base", base);
        Check.notEmpty("ranges", ranges);
        Check.inRange("draws", draws, 100, 1_000_000);
        List<Knob> seen = new ArrayList<>();
        for (Range r : ranges) {
            Check.that(!seen.contains(r.knob()), "ranges", r.knob(), "each knob at most once");
            seen.add(r.knob());
        }
        UniformRandomProvider rng = Rng.of(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] gbits = new double[draws];
        for (int i = 0; i < draws; i++) {
            Assumptions a = base;
            for (Range r : ranges) {
                LogNormal d = r.distribution();
                double value = Math.exp(d.mu() + d.sigma() * gauss.sample());
                try {
                    a = a.with(r.knob(), value);
                } catch (IllegalArgumentException e) {
                    throw Check.fail("ranges: the interval [" + r.low() + ", " + r.high() + "] for " + r.knob().label()
                            + " is too wide: a draw of " + value + " broke a bound (" + e.getMessage() + ")");
                }
            }
            gbits[i] = PhotoEstimate.of(a).peakEgress().in(Units.GBIT.per(Units.SECOND));
        }
        return new Uncertainty(ranges, gbits, egressTheory(base, ranges));
    }

    /**
     * Peak egress is active users x views per user per day x peak/average x image size x 8 bits / 1 day:
     * a product, so with lognormal factors it is lognormal (means and variances of the logs add).
     */
    static LogNormal egressTheory(Assumptions base, List<Range> ranges) {
        LogNormal product = new LogNormal(0, 0).times(8 / 1e9 / 86_400.0);
        for (Knob k : List.of(Knob.DAILY_ACTIVE_USERS, Knob.VIEWS_PER_USER, Knob.PEAK_TO_AVERAGE, Knob.IMAGE_BYTES)) {
            Range r = ranges.stream().filter(x -> x.knob() == k).findFirst().orElse(null);
            product = r == null ? product.times(base.get(k)) : product.times(r.distribution());
        }
        return product;
    }

    /**
     * Each resource's limit on one server's request rate, for response sizes from {@code minBytes} to
     * {@code maxBytes} (log-spaced, 40 sizes).
     */
    public static Limits limits(Server server, double cacheHitRatio, double minBytes, double maxBytes) {
        Check.notNull("server", server);
        Check.inRange("cacheHitRatio", cacheHitRatio, 0, 1);
        Check.positive("minBytes", minBytes);
        Check.that(maxBytes > minBytes && maxBytes <= 1e12, "maxBytes", maxBytes, "must be > minBytes (" + minBytes + ") and <= 1e12");
        int n = 40;
        double[] sizes = new double[n];
        for (int i = 0; i < n; i++) sizes[i] = minBytes * Math.pow(maxBytes / minBytes, i / (n - 1.0));
        return Limits.of(server, cacheHitRatio, sizes);
    }
}
