package sdx.cache;

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

    /** The two CDFs (log x axis), measured solid, model dashed. */
    public Plot plot() {
        double[] x = new double[200], none = new double[200], cached = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, 6.0 * i / (x.length - 1)); // 1 µs .. 1 s
            none[i] = model.cdf(noCache.hitRatio(), x[i]);
            cached[i] = model.cdf(withCache.hitRatio(), x[i]);
        }
        String with = String.format(java.util.Locale.ROOT, "LRU cache %.0f%% of keys (hit ratio %.2f)",
                withCache.cachePercent(), withCache.hitRatio());
        return Plot.cdf("Latency CDF with and without a cache (" + popularity.label() + ")", "latency (µs, log scale)")
                .cdf("no cache", noCache.samples()).cdf(with, withCache.samples())
                .theory("no cache, model", x, none).theory("with cache, model", x, cached)
                .logX().xRange(1, 1e6);
    }
}
