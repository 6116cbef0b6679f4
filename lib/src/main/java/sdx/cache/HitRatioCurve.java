package sdx.cache;

import java.util.Map;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Hit ratio against cache size for several policies, measured after warm-up, beside the theory for
 * the same key probabilities. Made by {@link Caching#hitRatioCurve}.
 *
 * @param popularity  the request distribution
 * @param requests    measured requests per point (after warm-up)
 * @param percents    cache sizes as % of the key space
 * @param capacities  the same sizes in keys
 * @param measured    hit ratio per policy, one value per size (in {@link Policy} order)
 * @param cheLru      Che's approximation for LRU
 * @param fifoTheory  the FIFO approximation
 * @param upperBound  the top-C probability mass (best online policy for independent requests)
 * @param belady      Bélády's offline optimum on the same trace (knows the future)
 */
public record HitRatioCurve(Popularity popularity, int requests, double[] percents, int[] capacities,
                            Map<Policy, double[]> measured, double[] cheLru, double[] fifoTheory,
                            double[] upperBound, double[] belady) {

    /** Copies the arrays, so the record cannot change behind its back. */
    public HitRatioCurve {
        percents = percents == null ? null : percents.clone();
        capacities = capacities == null ? null : capacities.clone();
        cheLru = cheLru == null ? null : cheLru.clone();
        fifoTheory = fifoTheory == null ? null : fifoTheory.clone();
        upperBound = upperBound == null ? null : upperBound.clone();
        belady = belady == null ? null : belady.clone();
    }

    /** The measured hit ratios of {@code policy}, one per size. */
    public double[] of(Policy policy) {
        double[] h = measured.get(policy);
        if (h == null) throw Check.fail("policy " + policy + " was not simulated; have " + measured.keySet());
        return h.clone();
    }

    /**
     * Hit ratio vs cache size: FIFO and LRU as points on their dashed theory lines (Che's approximation
     * for LRU), LFU and Caffeine as solid lines, the upper bound and Bélády's offline optimum dashed.
     */
    public Plot plot() {
        Plot plot = Plot.line("Hit ratio vs cache size (" + popularity.label() + ")", "cache size (% of keys)", "hit ratio");
        // Policies with a theory line are drawn as points so the dashed line stays visible through them.
        for (Map.Entry<Policy, double[]> e : measured.entrySet()) {
            if (e.getKey() == Policy.FIFO || e.getKey() == Policy.LRU) plot.points(label(e.getKey()), percents, e.getValue());
            else plot.series(label(e.getKey()), percents, e.getValue());
        }
        plot.theory("LRU theory", percents, cheLru);
        plot.theory("FIFO theory", percents, fifoTheory);
        plot.theory("upper bound", percents, upperBound);
        plot.theory("Bélády", percents, belady);
        return plot.yRange(0, 1);
    }

    /** One row per cache size: measured hit ratios and theory. */
    public Table table() {
        Table t = Table.create("Hit ratio (" + popularity.label() + ", " + requests + " requests after warm-up)");
        t.addColumns(DoubleColumn.create("cache % of keys", percents), IntColumn.create("capacity", capacities));
        for (Map.Entry<Policy, double[]> e : measured.entrySet()) {
            t.addColumns(DoubleColumn.create(label(e.getKey()), round(e.getValue())));
        }
        t.addColumns(DoubleColumn.create("LRU theory (Che)", round(cheLru)),
                DoubleColumn.create("FIFO theory", round(fifoTheory)),
                DoubleColumn.create("upper bound", round(upperBound)),
                DoubleColumn.create("Bélády (offline)", round(belady)));
        return t;
    }

    /** Largest gap between simulated LRU and Che's approximation (needs LRU to have been simulated). */
    public double maxLruError() {
        double[] lru = of(Policy.LRU);
        double max = 0;
        for (int i = 0; i < lru.length; i++) max = Math.max(max, Math.abs(lru[i] - cheLru[i]));
        return max;
    }

    private static String label(Policy p) {
        return p == Policy.CAFFEINE ? "Caffeine" : p.name();
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Math.round(v[i] * 10_000) / 10_000.0;
        return r;
    }

    /** A copy of {@code percents}. */
    @Override
    public double[] percents() {
        return percents.clone();
    }

    /** A copy of {@code capacities}. */
    @Override
    public int[] capacities() {
        return capacities.clone();
    }

    /** A copy of {@code cheLru}. */
    @Override
    public double[] cheLru() {
        return cheLru.clone();
    }

    /** A copy of {@code fifoTheory}. */
    @Override
    public double[] fifoTheory() {
        return fifoTheory.clone();
    }

    /** A copy of {@code upperBound}. */
    @Override
    public double[] upperBound() {
        return upperBound.clone();
    }

    /** A copy of {@code belady}. */
    @Override
    public double[] belady() {
        return belady.clone();
    }
}
