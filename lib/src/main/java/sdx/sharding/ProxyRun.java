package sdx.sharding;

import java.util.Arrays;
import java.util.List;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.core.Stats;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * What a bounded run through the loopback proxy measured.
 *
 * @param name     partitioner and trace
 * @param served   requests each shard server counted itself
 * @param latency  client-side latency through the proxy (µs)
 * @param errors   responses that were not 200 or came from the wrong key
 */
public record ProxyRun(String name, long[] served, Latency.Summary latency, int errors) {

    /** Validates. */
    public ProxyRun {
        Check.notNull("name", name);
        Check.notNull("served", served);
        Check.notNull("latency", latency);
        served = served.clone();
    }

    /** The per-shard counts as a {@link ShardLoad} (for imbalance, hot shards, charts). */
    public ShardLoad load() {
        return new ShardLoad(name + " (real HTTP)", served);
    }

    /** Requests per shard, as counted by the shard servers. */
    public Plot plot() {
        return load().plot();
    }

    /** Per-shard request counts and their share. */
    public Table table() {
        long total = Arrays.stream(served).sum();
        Table t = Table.create("served per shard (" + total + " requests, " + errors + " errors)");
        IntColumn shard = IntColumn.create("shard");
        LongColumn req = LongColumn.create("requests served");
        DoubleColumn share = DoubleColumn.create("share");
        for (int s = 0; s < served.length; s++) {
            shard.append(s);
            req.append(served[s]);
            share.append(ShardLoad.round(served[s] / (double) Math.max(1, total)));
        }
        return t.addColumns(shard, req, share);
    }

    /** Latency percentiles through the proxy, each figure with its unit (ms). */
    public Table latencyTable() {
        // Wall-clock figures carry their unit in every cell ("1.75 ms"), so that a notebook test can mask
        // exactly the timings and compare the rest of the output between runs.
        Latency.Summary l = latency;
        Table t = Table.create("latency through the proxy, " + l.count() + " requests");
        return t.addColumns(tech.tablesaw.api.StringColumn.create("name", l.name()),
                tech.tablesaw.api.StringColumn.create("mean", ms(l.mean())),
                tech.tablesaw.api.StringColumn.create("p50", ms(l.p50())),
                tech.tablesaw.api.StringColumn.create("p90", ms(l.p90())),
                tech.tablesaw.api.StringColumn.create("p99", ms(l.p99())),
                tech.tablesaw.api.StringColumn.create("p99.9", ms(l.p999())),
                tech.tablesaw.api.StringColumn.create("max", ms(l.max())));
    }

    private static String ms(double micros) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", micros / 1000);
    }

    @Override
    public long[] served() {
        return served.clone();
    }
}
