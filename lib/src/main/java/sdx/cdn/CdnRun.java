package sdx.cdn;

import java.util.Arrays;
import java.util.Locale;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One CDN simulation's measurements (the warm-up excluded). Latencies are in milliseconds, one per measured request,
 * with the CDN and, for the same request, without it (straight to the origin).
 *
 * @param geography       where PoPs, users and origin are
 * @param settings        the settings simulated
 * @param seed            the seed
 * @param withCdn         latency of each measured request through its PoP, ms
 * @param withoutCdn      latency of the same request sent straight to the origin, ms
 * @param regionOf        each measured request's region (index in {@code geography.regions()})
 * @param hits            requests answered by a PoP's cache
 * @param misses          requests a PoP fetched from the origin
 * @param stale           hits that returned an older version than the origin's current one
 * @param originTransfers objects the origin sent in the measured window (misses, and pushes with push delivery)
 * @param totalTransfers  objects the origin sent in the whole run, warm-up and initial push included
 * @param measuredSeconds virtual seconds measured
 * @param firstRequestMs  mean latency of the first request for an object at a PoP, ms
 * @param pushedUnread    push only: copies sent to a PoP that no user there ever asked for
 * @param convergence     for each update of one of the 100 most popular objects: seconds until no PoP would serve
 *                        the old version any more
 */
public record CdnRun(Geography geography, CdnSettings settings, long seed, double[] withCdn, double[] withoutCdn,
                     int[] regionOf, long hits, long misses, long stale, long originTransfers, long totalTransfers,
                     double measuredSeconds, double firstRequestMs, long pushedUnread, double[] convergence) {

    /** Copies the arrays. */
    public CdnRun {
        withCdn = withCdn.clone();
        withoutCdn = withoutCdn.clone();
        regionOf = regionOf.clone();
        convergence = convergence.clone();
    }

    /** withCdn, copied. */
    @Override
    public double[] withCdn() {
        return withCdn.clone();
    }

    /** withoutCdn, copied. */
    @Override
    public double[] withoutCdn() {
        return withoutCdn.clone();
    }

    /** regionOf, copied. */
    @Override
    public int[] regionOf() {
        return regionOf.clone();
    }

    /** convergence, copied. */
    @Override
    public double[] convergence() {
        return convergence.clone();
    }

    /** Measured requests. */
    public long requests() {
        return hits + misses;
    }

    /** Share of requests that reached the origin (misses / requests): 1 minus the offload. */
    public double originShare() {
        return requests() == 0 ? Double.NaN : (double) misses / requests();
    }

    /** Share of requests answered with an outdated version. */
    public double staleShare() {
        return requests() == 0 ? Double.NaN : (double) stale / requests();
    }

    /** Objects the origin sent per second in the measured window (its load from the CDN). */
    public double originPerSecond() {
        return measuredSeconds == 0 ? Double.NaN : originTransfers / measuredSeconds;
    }

    /** Latency percentile with the CDN, ms ({@code q} in [0, 100]). */
    public double percentileWith(double q) {
        return percentile(withCdn, q);
    }

    /** Latency percentile without the CDN, ms. */
    public double percentileWithout(double q) {
        return percentile(withoutCdn, q);
    }

    /** Mean of {@link #convergence()}, seconds (NaN if no tracked update completed). */
    public double meanConvergence() {
        return convergence.length == 0 ? Double.NaN : Arrays.stream(convergence).average().orElseThrow();
    }

    /** Largest of {@link #convergence()}, seconds. */
    public double maxConvergence() {
        return convergence.length == 0 ? Double.NaN : Arrays.stream(convergence).max().orElseThrow();
    }

    /** The two latency CDFs: every request with the CDN and the same requests without it. */
    public Plot latencyPlot() {
        return Plot.cdf(String.format(Locale.ROOT, "User latency with and without a CDN (%s requests, TTL %s)",
                        String.format(Locale.ROOT, "%,d", requests()), ttlLabel(settings.ttlSeconds())), "latency (ms, log)")
                .cdf("without CDN (straight to the origin)", withoutCdn)
                .cdf("with CDN (nearest PoP)", withCdn)
                .logX();
    }

    /** Per region: share of requests, PoP hits, median and p99 latency with and without the CDN. */
    public Table table() {
        int regions = geography.regions().size();
        double[] share = new double[regions], med = new double[regions], p99 = new double[regions],
                medDirect = new double[regions], p99Direct = new double[regions];
        for (int r = 0; r < regions; r++) {
            final int region = r;
            double[] w = filter(withCdn, region), d = filter(withoutCdn, region);
            share[r] = round((double) w.length / Math.max(1, withCdn.length), 3);
            med[r] = round(percentile(w, 50), 1);
            p99[r] = round(percentile(w, 99), 1);
            medDirect[r] = round(percentile(d, 50), 1);
            p99Direct[r] = round(percentile(d, 99), 1);
        }
        Table t = Table.create("Latency per user region, ms (the same requests with and without the CDN)");
        t.addColumns(StringColumn.create("users in", geography.regions()), DoubleColumn.create("share of requests", share),
                DoubleColumn.create("median with CDN", med), DoubleColumn.create("p99 with CDN", p99),
                DoubleColumn.create("median without", medDirect), DoubleColumn.create("p99 without", p99Direct));
        return t;
    }

    private double[] filter(double[] values, int region) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> regionOf[i] == region).mapToDouble(i -> values[i]).toArray();
    }

    static double percentile(double[] values, double q) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(q / 100 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String ttlLabel(double ttl) {
        return Double.isInfinite(ttl) ? "none" : String.format(Locale.ROOT, "%.0f s", ttl);
    }
}
