package sdx.cache;

import java.util.LinkedHashMap;
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
 * <p>The theory lines (Che, FIFO, the upper bound) describe a cache in its steady state, after every
 * popular key has been requested at least once. A finite trace also has <em>compulsory</em> misses:
 * the first request for a key misses in every cache, even in Bélády's. {@link #firstRequestShare} is
 * the share of measured requests that were a key's first, so no policy, online or offline, can exceed
 * {@code 1 - firstRequestShare} on this trace ({@link #coldCeiling}).
 *
 * @param popularity        the request distribution
 * @param requests          measured requests per point (after warm-up)
 * @param percents          cache sizes as % of the key space
 * @param capacities        the same sizes in keys
 * @param measured          hit ratio per policy name, one value per size, in the order simulated
 * @param cheLru            Che's approximation for LRU
 * @param fifoTheory        the FIFO approximation
 * @param upperBound        the top-C probability mass (best online policy for independent requests)
 * @param belady            Bélády's offline optimum on the same trace (knows the future); NaN where not computed
 * @param firstRequestShare share of the measured requests that were the first request for their key
 */
public record HitRatioCurve(Popularity popularity, int requests, double[] percents, int[] capacities,
                            Map<String, double[]> measured, double[] cheLru, double[] fifoTheory,
                            double[] upperBound, double[] belady, double firstRequestShare) {

    /** Copies every array and the map, so the record cannot change under its reader. */
    public HitRatioCurve {
        Check.notNull("popularity", popularity);
        percents = percents.clone();
        capacities = capacities.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        measured.forEach((k, v) -> copy.put(k, v.clone()));
        measured = java.util.Collections.unmodifiableMap(copy);
        cheLru = cheLru.clone();
        fifoTheory = fifoTheory.clone();
        upperBound = upperBound.clone();
        belady = belady.clone();
    }


    /** The measured hit ratios of {@code policy}, one per size. */
    public double[] of(Policy policy) {
        return of(Check.notNull("policy", policy).label());
    }

    /** The measured hit ratios of the policy shown as {@code name} (e.g. "LRU", or your own policy's name). */
    public double[] of(String name) {
        double[] h = measured.get(Check.notNull("name", name));
        Check.that(h != null, "name", name, "must be one of the simulated policies " + measured.keySet());
        return h.clone();
    }

    /** The largest hit ratio any cache can reach on this trace: {@code 1 - firstRequestShare}. */
    public double coldCeiling() {
        return 1 - firstRequestShare;
    }

    /**
     * Hit ratio vs cache size: FIFO and LRU as points on their dashed theory lines (Che's approximation
     * for LRU), other policies as solid lines, the upper bound and Bélády's offline optimum dashed.
     */
    public Plot plot() {
        Plot plot = Plot.line("Hit ratio vs cache size (" + popularity.label() + ")", "cache size (% of keys)", "hit ratio");
        // Policies with a theory line are drawn as points so the dashed line stays visible through them.
        for (Map.Entry<String, double[]> e : measured.entrySet()) {
            if (e.getKey().equals("FIFO") || e.getKey().equals("LRU")) plot.points(e.getKey(), percents, e.getValue());
            else plot.series(e.getKey(), percents, e.getValue());
        }
        if (measured.containsKey("LRU")) plot.theory("LRU theory", percents, cheLru);
        if (measured.containsKey("FIFO")) plot.theory("FIFO theory", percents, fifoTheory);
        plot.theory("upper bound", percents, upperBound);
        if (!Double.isNaN(belady[0])) plot.theory("Bélády", percents, belady);
        return plot.yRange(0, 1);
    }

    /** One row per cache size: measured hit ratios, theory, and the trace's cold-miss ceiling. */
    public Table table() {
        Table t = Table.create("Hit ratio (" + popularity.label() + ", " + requests + " requests after warm-up; "
                + round(firstRequestShare) + " of them first requests, which miss in any cache)");
        t.addColumns(DoubleColumn.create("cache % of keys", percents), IntColumn.create("capacity", capacities));
        for (Map.Entry<String, double[]> e : measured.entrySet()) {
            t.addColumns(DoubleColumn.create(e.getKey(), round(e.getValue())));
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

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = round(v[i]);
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
