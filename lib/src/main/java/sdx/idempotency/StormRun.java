package sdx.idempotency;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import sdx.viz.Plot;
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
     * @param lastSuccess  ms at which the last successful client got through (-1 if none)
     * @param requests     requests sent in all (first tries and retries)
     * @param gaveUp       clients that stopped without success (retry budget spent, or the horizon reached)
     */
    public record Result(long[] offered, long lastSuccess, long requests, int gaveUp) {
        public Result {
            offered = offered.clone();
        }

        @Override public long[] offered() { return offered.clone(); }
    }

    /** Requests offered per ms vs time, one line per strategy, the server's capacity dashed. */
    public Plot plot() {
        Plot p = Plot.line("Load on a recovering server (" + clients + " clients retrying)", "time since recovery (ms)",
                "requests offered per ms (10 ms average)");
        double[] x = null;
        for (var e : results.entrySet()) {
            long[] o = e.getValue().offered();
            x = new double[o.length];
            double[] y = new double[o.length];
            for (int i = 0; i < o.length; i++) {
                x[i] = i * 10 + 5;
                y[i] = o[i] / 10.0;
            }
            p.series(e.getKey(), x, y);
        }
        double[] cap = new double[x.length];
        Arrays.fill(cap, capacity);
        return p.theory("server capacity", x, cap).logY();
    }

    /** One row per strategy. */
    public Table table() {
        Table t = Table.create("Retry storm: " + clients + " clients, capacity " + capacity + " requests per ms").addColumns(
                StringColumn.create("strategy"), LongColumn.create("last success at (ms)"),
                LongColumn.create("requests sent"), IntColumn.create("gave up"),
                LongColumn.create("lower bound (ms)"));
        for (var e : results.entrySet()) {
            t.stringColumn(0).append(e.getKey());
            t.longColumn(1).append(e.getValue().lastSuccess());
            t.longColumn(2).append(e.getValue().requests());
            t.intColumn(3).append(e.getValue().gaveUp());
            t.longColumn(4).append((long) Math.ceil((double) clients / capacity));
        }
        return t;
    }
}
