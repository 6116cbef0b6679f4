package sdx.cdn;

import java.util.Arrays;
import java.util.Locale;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Share of requests reaching the origin vs each PoP's LRU cache size, measured and by Che's approximation.
 *
 * @param settings the settings (capacity, TTL and updates overridden per point)
 * @param percents cache sizes, % of the objects
 * @param measured measured origin share per size
 * @param theory   {@code 1 - } Che's LRU hit ratio per size
 */
public record OffloadBySize(CdnSettings settings, double[] percents, double[] measured, double[] theory) {

    /** Copies the arrays. */
    public OffloadBySize {
        percents = percents.clone();
        measured = measured.clone();
        theory = theory.clone();
    }

    /** percents, copied. */
    @Override
    public double[] percents() {
        return percents.clone();
    }

    /** measured, copied. */
    @Override
    public double[] measured() {
        return measured.clone();
    }

    /** theory, copied. */
    @Override
    public double[] theory() {
        return theory.clone();
    }

    /** Largest |measured - theory| over the sizes. */
    public double maxError() {
        double e = 0;
        for (int i = 0; i < percents.length; i++) e = Math.max(e, Math.abs(measured[i] - theory[i]));
        return e;
    }

    /** The chart: measured origin share with Che's approximation dashed. */
    public Plot plot() {
        return Plot.line(String.format(Locale.ROOT, "Origin share vs PoP cache size (Zipf s=%.1f over %,d objects, no expiry)",
                        settings.skew(), settings.objects()), "PoP cache size (% of objects)", "share of requests reaching the origin")
                .series("measured", percents, measured)
                .theoryOf("measured", "1 - Che's LRU hit ratio", percents, theory)
                .yRange(0, 1);
    }

    /** One row per size. */
    public Table table() {
        Table t = Table.create("Origin share vs PoP cache size");
        t.addColumns(DoubleColumn.create("cache % of objects", percents),
                DoubleColumn.create("origin share, measured", Arrays.stream(measured).map(v -> CdnRun.round(v, 4)).toArray()),
                DoubleColumn.create("origin share, Che", Arrays.stream(theory).map(v -> CdnRun.round(v, 4)).toArray()));
        return t;
    }
}
