package sdx.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Hit ratio over time, one point per window of requests, for several policies on one trace whose
 * popularity changes (a shift, scans). Made by {@link Caching#overTime}.
 *
 * @param trace        the trace's name
 * @param popularity   the popularity its ordinary requests follow (for the reference lines)
 * @param cachePercent cache size as % of the popular keys
 * @param capacity     the same in keys
 * @param window       requests per point
 * @param measured     hit ratio per window, per policy name
 * @param cheLru       Che's approximation for LRU in the steady state, without shifts or scans
 * @param upperBound   the top-C mass in the steady state
 */
public record HitRatioTimeline(String trace, Popularity popularity, double cachePercent, int capacity, int window,
                               Map<String, double[]> measured, double cheLru, double upperBound) {

    /** Copies the map and its arrays. */
    public HitRatioTimeline {
        Check.notNull("measured", measured);
        Map<String, double[]> copy = new LinkedHashMap<>();
        measured.forEach((k, v) -> copy.put(k, v.clone()));
        measured = Collections.unmodifiableMap(copy);
    }

    /** The hit ratio per window of the policy shown as {@code name}. */
    public double[] of(String name) {
        double[] h = measured.get(Check.notNull("name", name));
        Check.that(h != null, "name", name, "must be one of " + measured.keySet());
        return h.clone();
    }

    /** Mean hit ratio of {@code name} over the windows {@code [from, to)}. */
    public double mean(String name, int from, int to) {
        double[] h = of(name);
        Check.inRange("from", from, 0, h.length - 1);
        Check.inRange("to", to, from + 1, h.length);
        double s = 0;
        for (int i = from; i < to; i++) s += h[i];
        return s / (to - from);
    }

    /** Number of windows. */
    public int windows() {
        return measured.values().iterator().next().length;
    }

    /** Hit ratio per window for each policy; steady-state Che and upper bound dashed. */
    public Plot plot() {
        int n = windows();
        double[] x = new double[n], che = new double[n], bound = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 1) * (double) window;
            che[i] = cheLru;
            bound[i] = upperBound;
        }
        Plot plot = Plot.line("Hit ratio over time: " + trace + ", cache " + capacity + " keys",
                "requests so far", "hit ratio of the popular keys");
        measured.forEach((name, h) -> plot.series(name, x, h));
        return plot.theory("LRU theory, steady state", x, che).theory("upper bound, steady state", x, bound).yRange(0, 1);
    }

    /** Mean hit ratio per policy in each quarter of the trace. */
    public Table table() {
        int n = windows(), parts = Math.min(4, n);
        Table t = Table.create("Hit ratio of the popular keys, " + trace + ", cache " + capacity + " keys");
        StringColumn quarter = StringColumn.create("requests");
        for (int q = 0; q < parts; q++) quarter.append((long) (q * n / parts) * window + "–" + (long) ((q + 1) * n / parts) * window);
        t.addColumns(quarter);
        for (String name : measured.keySet()) {
            DoubleColumn c = DoubleColumn.create(name);
            for (int q = 0; q < parts; q++) c.append(HitRatioCurve.round(mean(name, q * n / parts, (q + 1) * n / parts)));
            t.addColumns(c);
        }
        return t;
    }
}
