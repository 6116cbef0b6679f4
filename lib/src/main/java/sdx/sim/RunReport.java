package sdx.sim;

import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.viz.Plot;
import sdx.viz.Tables;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a run reports, Maelstrom-style: client operations ok / failed / unknown (timed out, may or may
 * not have happened), messages between nodes per operation, latency percentiles of the ok operations
 * (HdrHistogram, microseconds; -1 when there were none), and one row per node.
 *
 * @param seed           the simulation seed
 * @param time           virtual time at the report, µs
 * @param events         events processed
 * @param ops            client operations issued
 * @param ok             answered ok
 * @param failed         answered with a definite failure
 * @param unknown        timed out without an answer
 * @param pending        still waiting (neither answered nor timed out)
 * @param nodeMessages   messages sent from node to node (replies to clients not counted)
 * @param messagesPerOp  nodeMessages / ops (NaN without operations)
 * @param p50            median latency of ok operations, µs
 * @param p95            95th percentile, µs
 * @param p99            99th percentile, µs
 * @param max            maximum, µs
 * @param nodes          one row per node
 * @param okLatencies    every ok operation's latency, µs, in the order answered
 */
public record RunReport(long seed, long time, long events, long ops, long ok, long failed, long unknown,
        long pending, long nodeMessages, double messagesPerOp, long p50, long p95, long p99, long max,
        List<NodeRow> nodes, long[] okLatencies) {

    /** One node's counters over the whole run (all incarnations). */
    public record NodeRow(String node, boolean up, long sent, long received, long dropped, long crashes) {}

    public RunReport {
        nodes = List.copyOf(Check.notNull("nodes", nodes));
        okLatencies = Check.notNull("okLatencies", okLatencies).clone();
    }

    @Override
    public long[] okLatencies() {
        return okLatencies.clone();
    }

    /** The figures as a one-row table (latencies in ms). */
    public Tables.HtmlTable summary() {
        Table t = Table.create("run (seed " + seed + ", " + fmt(Time.toMs(time)) + " ms virtual)");
        t.addColumns(LongColumn.create("ops"), LongColumn.create("ok"), LongColumn.create("failed"),
                LongColumn.create("unknown"), DoubleColumn.create("msgs/op"), DoubleColumn.create("p50 ms"),
                DoubleColumn.create("p95 ms"), DoubleColumn.create("p99 ms"), DoubleColumn.create("max ms"));
        t.longColumn(0).append(ops);
        t.longColumn(1).append(ok);
        t.longColumn(2).append(failed);
        t.longColumn(3).append(unknown);
        t.doubleColumn(4).append(Double.isNaN(messagesPerOp) ? Double.NaN : Math.round(messagesPerOp * 100) / 100.0);
        for (int i = 0; i < 4; i++) {
            long v = new long[] {p50, p95, p99, max}[i];
            t.doubleColumn(5 + i).append(v < 0 ? Double.NaN : Time.toMs(v));
        }
        return Tables.html(t);
    }

    /** The per-node table: messages sent, received, dropped, crashes, up at the end. */
    public Tables.HtmlTable table() {
        Table t = Table.create("nodes");
        t.addColumns(StringColumn.create("node"), BooleanColumn.create("up"), LongColumn.create("sent"),
                LongColumn.create("received"), LongColumn.create("dropped"), LongColumn.create("crashes"));
        for (NodeRow r : nodes) {
            t.stringColumn(0).append(r.node());
            t.booleanColumn(1).append(r.up());
            t.longColumn(2).append(r.sent());
            t.longColumn(3).append(r.received());
            t.longColumn(4).append(r.dropped());
            t.longColumn(5).append(r.crashes());
        }
        return Tables.html(t);
    }

    /** The CDF of ok operations' latencies, in ms. */
    public Plot plot() {
        if (okLatencies.length == 0) {
            throw new IllegalStateException("no operation was answered ok, so there is no latency to plot; "
                    + "ops=" + ops + ", failed=" + failed + ", unknown=" + unknown);
        }
        double[] ms = new double[okLatencies.length];
        for (int i = 0; i < ms.length; i++) ms[i] = Time.toMs(okLatencies[i]);
        return Plot.cdf("Client latency (seed " + seed + ")", "latency (ms)").cdf("ok operations", ms);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "seed %d, %.1f ms, %d events: ops %d (ok %d, failed %d, unknown %d, pending %d), "
                        + "%.2f msgs/op, latency ms p50 %s p95 %s p99 %s max %s",
                seed, Time.toMs(time), events, ops, ok, failed, unknown, pending, messagesPerOp,
                ms(p50), ms(p95), ms(p99), ms(max));
    }

    private static String ms(long micros) {
        return micros < 0 ? "-" : fmt(Time.toMs(micros));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
