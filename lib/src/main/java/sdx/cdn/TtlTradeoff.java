package sdx.cdn;

import java.util.Arrays;
import java.util.Locale;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The TTL dial: origin share and stale share vs TTL, measured and by the TTL-cache theory ({@link Theory}).
 *
 * @param settings     the settings (TTL overridden per point; caches hold every object)
 * @param ttls         TTLs, seconds
 * @param origin       measured share of requests reaching the origin
 * @param originTheory theory for it
 * @param stale        measured share of stale responses
 * @param staleTheory  theory for it
 * @param originPerSecond measured origin requests per second
 */
public record TtlTradeoff(CdnSettings settings, double[] ttls, double[] origin, double[] originTheory, double[] stale,
                          double[] staleTheory, double[] originPerSecond) {

    /** Copies the arrays. */
    public TtlTradeoff {
        ttls = ttls.clone();
        origin = origin.clone();
        originTheory = originTheory.clone();
        stale = stale.clone();
        staleTheory = staleTheory.clone();
        originPerSecond = originPerSecond.clone();
    }

    /** ttls, copied. */
    @Override
    public double[] ttls() {
        return ttls.clone();
    }

    /** origin, copied. */
    @Override
    public double[] origin() {
        return origin.clone();
    }

    /** originTheory, copied. */
    @Override
    public double[] originTheory() {
        return originTheory.clone();
    }

    /** stale, copied. */
    @Override
    public double[] stale() {
        return stale.clone();
    }

    /** staleTheory, copied. */
    @Override
    public double[] staleTheory() {
        return staleTheory.clone();
    }

    /** originPerSecond, copied. */
    @Override
    public double[] originPerSecond() {
        return originPerSecond.clone();
    }

    /** Largest |measured - theory| over both curves. */
    public double maxError() {
        double e = 0;
        for (int i = 0; i < ttls.length; i++) {
            e = Math.max(e, Math.max(Math.abs(origin[i] - originTheory[i]), Math.abs(stale[i] - staleTheory[i])));
        }
        return e;
    }

    /** The chart: both shares vs TTL (log), theory dashed in each measurement's hue. */
    public Plot plot() {
        return Plot.line(String.format(Locale.ROOT, "Origin and stale shares vs TTL (%.0f req/s, updates every %.0f min)",
                        settings.requestsPerSecond(), 1 / settings.updatesPerObjectPerSecond() / 60), "TTL (s, log)", "share of requests")
                .series("reaching the origin", ttls, origin)
                .series("stale", ttls, stale)
                .theoryOf("reaching the origin", "reaching the origin, theory", ttls, originTheory)
                .theoryOf("stale", "stale, theory", ttls, staleTheory)
                .logX().yRange(0, 1);
    }

    /** One row per TTL. */
    public Table table() {
        Table t = Table.create("Origin load and staleness per TTL");
        t.addColumns(DoubleColumn.create("TTL s", ttls),
                DoubleColumn.create("origin requests/s", r(originPerSecond, 1)),
                DoubleColumn.create("origin share", r(origin, 4)), DoubleColumn.create("origin share, theory", r(originTheory, 4)),
                DoubleColumn.create("stale share", r(stale, 4)), DoubleColumn.create("stale share, theory", r(staleTheory, 4)));
        return t;
    }

    private static double[] r(double[] v, int digits) {
        return Arrays.stream(v).map(x -> CdnRun.round(x, digits)).toArray();
    }
}
