package sdx.cache;

import java.util.Locale;
import sdx.viz.Plot;

/**
 * Latency distributions of the same requests without a cache and with one, as CDFs beside the
 * latency model's. Made by {@link Caching#latencyCdf}.
 *
 * @param popularity the request distribution
 * @param model      the latency model
 * @param noCache    every request goes to the store
 * @param withCache  an LRU cache in front of the store
 */
public record LatencyCdf(Popularity popularity, LatencyModel model, LatencyRun noCache, LatencyRun withCache) {

    /**
     * The two CDFs on a log x axis: measured shares as points at 1, 1.3, 1.8, ... µs (so the dashed
     * model lines stay visible through them), the model as dashed lines.
     */
    public Plot plot() {
        double[] grid = logGrid(1, 1e6, 49), fine = logGrid(1, 1e6, 300);
        double[] none = new double[fine.length], cached = new double[fine.length];
        for (int i = 0; i < fine.length; i++) {
            none[i] = model.cdf(noCache.hitRatio(), fine[i]);
            cached[i] = model.cdf(withCache.hitRatio(), fine[i]);
        }
        String with = String.format(Locale.ROOT, "LRU cache, %.0f%% of keys (hit ratio %.2f)", withCache.cachePercent(),
                withCache.hitRatio());
        return Plot.cdf("Latency CDF with and without a cache (" + popularity.label() + ")", "latency (µs, log scale)")
                .points("no cache", grid, shareAtOrBelow(noCache.samples(), grid))
                .points(with, grid, shareAtOrBelow(withCache.samples(), grid))
                .theory("no cache, model", fine, none).theoryOf(with, "with cache, model", fine, cached)
                .logX().xRange(1, 1e6);
    }

    /** The empirical CDF of {@code samples} at each x. */
    static double[] shareAtOrBelow(double[] samples, double[] x) {
        return sdx.core.EmpiricalCdf.of(samples).at(x);
    }

    private static double[] logGrid(double from, double to, int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) g[i] = from * Math.pow(to / from, i / (double) (points - 1));
        return g;
    }
}
