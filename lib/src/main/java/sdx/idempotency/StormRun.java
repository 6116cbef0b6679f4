package sdx.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Retry storms: {@code clients} clients whose requests all failed during an outage retry against a server
 * that has just recovered and serves {@code capacity} requests per millisecond, rejecting the rest. Per
 * strategy: requests offered per 10 ms bucket, when the last client got through, how many requests were sent
 * in all, and how many clients gave up.
 */
public record StormRun(int clients, int capacity, int horizonMillis, Map<String, Result> results) {
    public StormRun {
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /**
     * One strategy's outcome.
     *
     * @param offered      requests arriving at the server per 10 ms bucket
     * @param served       clients served by the end of each ms (cumulative)
     * @param lastSuccess  ms at which the last successful client got through (-1 if none)
     * @param requests     requests sent in all (first tries and retries)
     * @param gaveUp       clients that stopped without success (retry budget spent, or the horizon reached)
     */
    public record Result(long[] offered, long[] served, long lastSuccess, long requests, int gaveUp) {
        public Result {
            offered = offered.clone();
            served = served.clone();
        }

        @Override public long[] offered() { return offered.clone(); }
        @Override public long[] served() { return served.clone(); }

        /** The most requests that arrived in one 10 ms bucket, per ms. */
        public double peakPerMs() {
            return java.util.Arrays.stream(offered).max().orElse(0) / 10.0;
        }
    }

    /**
     * Clients served so far vs time (log scale), one line per strategy, and the best any strategy could do
     * dashed: the server at full capacity from the first millisecond, min(clients, capacity × t).
     */
    public Plot plot() {
        Plot p = Plot.line("Clients served by a recovering server (" + clients + " clients retrying)",
                "time since recovery (ms)", "clients served so far");
        double[] x = new double[horizonMillis + 1], best = new double[horizonMillis + 1];
        for (int t = 0; t <= horizonMillis; t++) {
            x[t] = t + 1;
            best[t] = Math.min(clients, (double) capacity * (t + 1));
        }
        for (var e : results.entrySet()) {
            long[] served = e.getValue().served();
            double[] y = new double[served.length];
            for (int t = 0; t < y.length; t++) y[t] = served[t];
            p.series(e.getKey(), x, y);
        }
        return p.theory("bound: capacity used from the start", x, best).logX();
    }

    /** One row per strategy. */
    public Table table() {
        Table t = Table.create("Retry storm: " + clients + " clients, capacity " + capacity + " requests per ms").addColumns(
                StringColumn.create("strategy"), LongColumn.create("last success at (ms)"),
                LongColumn.create("requests sent"), DoubleColumn.create("peak requests per ms"),
                IntColumn.create("gave up"), LongColumn.create("best possible (ms)"));
        for (var e : results.entrySet()) {
            t.stringColumn(0).append(e.getKey());
            t.longColumn(1).append(e.getValue().lastSuccess());
            t.longColumn(2).append(e.getValue().requests());
            t.doubleColumn(3).append(e.getValue().peakPerMs());
            t.intColumn(4).append(e.getValue().gaveUp());
            t.longColumn(5).append((long) Math.ceil((double) clients / capacity) - 1);
        }
        return t;
    }
}
