package sdx.cache;

import java.util.List;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Mean, median and 99th-percentile latency of a cache-aside read path at several cache sizes,
 * plotted against the hit ratio each size achieved, beside the latency model's prediction for that
 * hit ratio. Made by {@link Caching#latencyCurve}.
 *
 * @param popularity the request distribution
 * @param model      the latency model
 * @param runs       one run per cache size, smallest first
 */
public record LatencyCurve(Popularity popularity, LatencyModel model, List<LatencyRun> runs) {

    /** Copies the list. */
    public LatencyCurve {
        runs = List.copyOf(runs);
    }

    /** Latency (log scale) vs hit ratio: measured as points, the model as dashed lines. */
    public Plot plot() {
        int n = runs.size();
        double[] h = new double[n], mean = new double[n], p50 = new double[n], p99 = new double[n];
        for (int i = 0; i < n; i++) {
            LatencyRun r = runs.get(i);
            h[i] = r.hitRatio();
            mean[i] = r.mean();
            p50[i] = r.p50();
            p99[i] = r.p99();
        }
        double[] grid = grid();
        double[] tMean = new double[grid.length], tP50 = new double[grid.length], tP99 = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            tMean[i] = model.meanMicros(grid[i]);
            tP50[i] = model.percentileMicros(grid[i], 50);
            tP99[i] = model.percentileMicros(grid[i], 99);
        }
        return Plot.line("Latency vs hit ratio (LRU, " + popularity.label() + ", " + hitLabel() + ")", "hit ratio", "latency (µs, log scale)")
                .points("p99", h, p99).points("mean", h, mean).points("p50", h, p50)
                .theory("p99 model", grid, tP99).theory("mean model", grid, tMean).theory("p50 model", grid, tP50)
                .logY().xRange(0, 1);
    }

    /** One row per cache size: hit ratio, mean, p50, p99 measured and predicted. */
    public Table table() {
        Table t = Table.create("Latency vs cache size (LRU, " + popularity.label() + ", " + hitLabel() + ")");
        DoubleColumn pct = DoubleColumn.create("cache % of keys");
        IntColumn cap = IntColumn.create("capacity");
        DoubleColumn hit = DoubleColumn.create("hit ratio");
        DoubleColumn mean = DoubleColumn.create("mean µs");
        LongColumn p50 = LongColumn.create("p50 µs");
        LongColumn p99 = LongColumn.create("p99 µs");
        DoubleColumn mMean = DoubleColumn.create("model mean µs");
        LongColumn mP99 = LongColumn.create("model p99 µs");
        for (LatencyRun r : runs) {
            pct.append(r.cachePercent());
            cap.append(r.capacity());
            hit.append(Math.round(r.hitRatio() * 10_000) / 10_000.0);
            mean.append(Math.round(r.mean() * 10) / 10.0);
            p50.append(r.p50());
            p99.append(r.p99());
            mMean.append(Math.round(model.meanMicros(r.hitRatio()) * 10) / 10.0);
            mP99.append(Math.round(model.percentileMicros(r.hitRatio(), 99)));
        }
        return t.addColumns(pct, cap, hit, mean, p50, p99, mMean, mP99);
    }

    /** Hit ratios 0..1, dense near 1 where the p99 falls off its cliff. */
    private static double[] grid() {
        double[] g = new double[301];
        for (int i = 0; i <= 200; i++) g[i] = 0.95 * i / 200;
        for (int i = 1; i <= 100; i++) g[200 + i] = 0.95 + 0.0499 * i / 100;
        return g;
    }

    /** "hits about 2 µs" or "hits about 200 µs": which kind of cache the model describes. */
    private String hitLabel() {
        return String.format(java.util.Locale.ROOT, "hits about %.0f µs", model.hitMedianMicros());
    }
}
