package sdx.cache;

import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Caffeine measured several times on one seeded trace, beside LRU and LFU on the same trace. Made by
 * {@link Caching#caffeineRuns}. LRU and LFU repeat exactly; Caffeine does not, because its admission
 * filter draws from an unseeded random generator, so this record keeps every run and reports the
 * spread.
 *
 * @param base     LRU, LFU and the theory on the same trace
 * @param caffeine Caffeine's hit ratio, one row per run, one column per cache size
 */
public record CaffeineRuns(HitRatioCurve base, double[][] caffeine) {

    /** Copies the runs. */
    public CaffeineRuns {
        Check.notNull("base", base);
        Check.notNull("caffeine", caffeine);
        Check.that(caffeine.length > 0, "caffeine", "[]", "must hold at least one run");
        double[][] copy = new double[caffeine.length][];
        for (int r = 0; r < caffeine.length; r++) copy[r] = caffeine[r].clone();
        caffeine = copy;
    }

    /** Caffeine's lowest hit ratio over the runs, per size. */
    public double[] min() {
        double[] m = caffeine[0].clone();
        for (double[] run : caffeine) for (int i = 0; i < m.length; i++) m[i] = Math.min(m[i], run[i]);
        return m;
    }

    /** Caffeine's highest hit ratio over the runs, per size. */
    public double[] max() {
        double[] m = caffeine[0].clone();
        for (double[] run : caffeine) for (int i = 0; i < m.length; i++) m[i] = Math.max(m[i], run[i]);
        return m;
    }

    /** Caffeine's mean hit ratio over the runs, per size. */
    public double[] mean() {
        double[] m = new double[caffeine[0].length];
        for (double[] run : caffeine) for (int i = 0; i < m.length; i++) m[i] += run[i] / caffeine.length;
        return m;
    }

    /** The largest max − min over all sizes: how much a re-run can move one of Caffeine's numbers. */
    public double spread() {
        double[] lo = min(), hi = max();
        double s = 0;
        for (int i = 0; i < lo.length; i++) s = Math.max(s, hi[i] - lo[i]);
        return s;
    }

    /** Caffeine's lowest and highest run as points, LRU and LFU as lines, the upper bound dashed. */
    public Plot plot() {
        double[] x = base.percents();
        return Plot.line("Caffeine over " + caffeine.length + " runs vs LRU and LFU (" + base.popularity().label() + ")",
                        "cache size (% of keys)", "hit ratio")
                .series("LRU", x, base.of(Policy.LRU))
                .series("LFU", x, base.of(Policy.LFU))
                .points("Caffeine, lowest run", x, min())
                .points("Caffeine, highest run", x, max())
                .theory("upper bound", x, base.upperBound())
                .yRange(0, 1);
    }

    /**
     * The table as shown in a notebook: Caffeine's columns are marked as unseeded (they vary a little from
     * run to run), so the notebook tests compare the seeded columns exactly and mask only those.
     */
    public sdx.viz.Tables.HtmlTable view() {
        return sdx.viz.Tables.html(table(), java.util.Set.of("Caffeine lowest", "Caffeine mean", "Caffeine highest"));
    }

    /** One row per size: LRU, LFU, Caffeine's lowest, mean and highest run, and the upper bound. */
    public Table table() {
        Table t = Table.create("Caffeine over " + caffeine.length + " runs of the same trace (" + base.popularity().label() + ")");
        return t.addColumns(DoubleColumn.create("cache % of keys", base.percents()),
                IntColumn.create("capacity", base.capacities()),
                DoubleColumn.create("LRU", r(base.of(Policy.LRU))), DoubleColumn.create("LFU", r(base.of(Policy.LFU))),
                DoubleColumn.create("Caffeine lowest", r(min())), DoubleColumn.create("Caffeine mean", r(mean())),
                DoubleColumn.create("Caffeine highest", r(max())), DoubleColumn.create("upper bound", r(base.upperBound())));
    }

    private static double[] r(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = HitRatioCurve.round(v[i]);
        return out;
    }
}
