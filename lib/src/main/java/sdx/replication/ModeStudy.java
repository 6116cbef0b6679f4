package sdx.replication;

import java.util.List;
import sdx.viz.Plot;
import sdx.viz.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Synchronous, semi-synchronous and asynchronous replication side by side, each over the same seeds:
 * write latency, replication lag and acknowledged writes lost at a failover.
 *
 * @param runs runs (seeds) per mode
 * @param rows one row per mode
 */
public record ModeStudy(int runs, List<Row> rows) {
    /**
     * One mode's figures over all its runs.
     *
     * @param mode       the mode
     * @param p50Ms      median write latency (acknowledged writes), ms
     * @param p99Ms      99th percentile write latency, ms
     * @param lagP50Ms   median replication lag (leader append to follower apply), ms
     * @param lagP99Ms   99th percentile replication lag, ms
     * @param acked      acknowledged writes, all runs
     * @param lost       acknowledged writes missing from the new leader after the failover, all runs
     * @param runsLosing runs that lost at least one acknowledged write
     */
    public record Row(Mode mode, double p50Ms, double p99Ms, double lagP50Ms, double lagP99Ms, long acked, long lost,
            int runsLosing) {
        /** Lost acknowledged writes per failover. */
        public double lostPerFailover(int runs) {
            return (double) lost / runs;
        }
    }

    public ModeStudy {
        rows = List.copyOf(rows);
    }

    /** The row of {@code mode}. */
    public Row row(Mode mode) {
        return rows.stream().filter(r -> r.mode() == mode).findFirst().orElseThrow();
    }

    /** The figures as a table. */
    public Tables.HtmlTable table() {
        Table t = Table.create("Replication modes, " + runs + " failovers each").addColumns(
                StringColumn.create("mode"), DoubleColumn.create("write p50 ms"), DoubleColumn.create("write p99 ms"),
                DoubleColumn.create("lag p50 ms"), DoubleColumn.create("lag p99 ms"), IntColumn.create("acknowledged"),
                IntColumn.create("lost at failover"), DoubleColumn.create("lost per failover"), IntColumn.create("runs that lost"));
        for (Row r : rows) {
            t.stringColumn(0).append(r.mode().name());
            t.doubleColumn(1).append(Percentiles.round(r.p50Ms(), 2));
            t.doubleColumn(2).append(Percentiles.round(r.p99Ms(), 2));
            t.doubleColumn(3).append(Percentiles.round(r.lagP50Ms(), 2));
            t.doubleColumn(4).append(Percentiles.round(r.lagP99Ms(), 2));
            t.intColumn(5).append((int) r.acked());
            t.intColumn(6).append((int) r.lost());
            t.doubleColumn(7).append(Percentiles.round(r.lostPerFailover(runs), 2));
            t.intColumn(8).append(r.runsLosing());
        }
        return Tables.html(t);
    }

    /** The trade-off: p99 write latency against acknowledged writes lost per failover, one point per mode. */
    public Plot plot() {
        Plot p = Plot.line("Faster acknowledgement, more writes lost at failover", "write latency p99 (ms)",
                "acknowledged writes lost per failover");
        for (Row r : rows) p.points(r.mode().name(), new double[] {r.p99Ms()}, new double[] {r.lostPerFailover(runs)});
        return p;
    }
}
