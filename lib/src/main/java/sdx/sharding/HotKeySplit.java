package sdx.sharding;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.core.Trace;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Splitting known hot keys over {@code fanout} shards: the key's home shard and the next fanout−1
 * shards (as "key#0 .. key#f−1"). Two ways, mirror images of each other:
 * <ul>
 *   <li>{@link Mode#SALT}: each write goes to ONE random sub-key; a read must ask ALL f shards and merge
 *       (fan-in). Good for write-hot keys (counters, likes), costly for read-hot ones.</li>
 *   <li>{@link Mode#REPLICATE}: each read goes to ONE random copy; a write must update ALL f copies.
 *       Good for read-hot keys (a celebrity's profile).</li>
 * </ul>
 * Requests to keys not in {@code hotKeys} are routed as before.
 *
 * @param mode     salt or replicate
 * @param fanout   shards per hot key
 * @param readShare fraction of requests that are reads
 * @param before   loads without splitting
 * @param after    loads with splitting
 */
public record HotKeySplit(Mode mode, int fanout, double readShare, ShardLoad before, ShardLoad after) {

    /** How a hot key is split. */
    public enum Mode {
        /** Writes spread over sub-keys, reads fan in from all. */
        SALT,
        /** Reads spread over copies, writes fan out to all. */
        REPLICATE
    }

    /**
     * Simulates {@code trace} (each request a read with probability {@code readShare}) with and without
     * splitting the hot keys.
     *
     * @param fanout in [1, shards]
     */
    public static HotKeySplit simulate(Partitioner partitioner, Trace trace, Set<Integer> hotKeys, int fanout,
                                       double readShare, Mode mode, long seed) {
        Check.notNull("partitioner", partitioner);
        Check.notNull("trace", trace);
        Check.notNull("hotKeys", hotKeys);
        Check.notNull("mode", mode);
        int n = partitioner.shards();
        Check.inRange("fanout", fanout, 1, n);
        Check.inRange("readShare", readShare, 0.0, 1.0);
        UniformRandomProvider rng = Rng.of(seed);
        long[] before = new long[n], after = new long[n];
        for (int k : trace.keys()) {
            int home = partitioner.shardOf(k);
            before[home]++;
            if (!hotKeys.contains(k)) {
                after[home]++;
                continue;
            }
            boolean read = rng.nextDouble() < readShare;
            boolean toOne = (mode == Mode.SALT) != read; // salt: writes to one; replicate: reads to one
            if (toOne) after[(home + rng.nextInt(fanout)) % n]++;
            else for (int i = 0; i < fanout; i++) after[(home + i) % n]++;
        }
        String what = mode == Mode.SALT ? "salted" : "replicated";
        return new HotKeySplit(mode, fanout, readShare, new ShardLoad("as is", before),
                new ShardLoad(what + " x" + fanout, after));
    }

    /** Backend requests after splitting divided by client requests (fan-in / fan-out cost). */
    public double amplification() {
        return after.total() / (double) before.total();
    }

    /**
     * Per-shard loads before and after. Both legends give the busiest shard over the mean load
     * <em>before</em> splitting (the clients' requests per shard), the same denominator as {@link #table()}.
     */
    public Plot plot() {
        List<String> categories = IntStream.range(0, before.shards()).mapToObj(i -> "shard " + i).toList();
        Plot p = Plot.bar(mode + " hot keys x" + fanout + ", " + Math.round(readShare * 100) + "% reads", "shard", "requests");
        for (ShardLoad l : List.of(before, after)) {
            p.bars(l.name() + String.format(Locale.ROOT, " (busiest / mean client load %.2f)", max(l) / clientMean()),
                    categories, Arrays.stream(l.loads()).asDoubleStream().toArray());
        }
        return p;
    }

    /**
     * Busiest shard before and after, both divided by the same mean: the clients' requests per shard
     * (the load before splitting), and the request amplification.
     */
    public Table table() {
        Table t = Table.create(mode + " x" + fanout + ", " + Math.round(readShare * 100) + "% reads");
        return t.addColumns(StringColumn.create("", "as is", mode == Mode.SALT ? "salted" : "replicated"),
                LongColumn.create("backend requests", before.total(), after.total()),
                LongColumn.create("busiest shard", max(before), max(after)),
                DoubleColumn.create("busiest / mean client load", ShardLoad.round(max(before) / clientMean()),
                        ShardLoad.round(max(after) / clientMean())));
    }

    /** The clients' mean requests per shard: the load before splitting, spread evenly. */
    private double clientMean() {
        return before.total() / (double) before.shards();
    }

    private static long max(ShardLoad l) {
        long m = 0;
        for (long x : l.loads()) m = Math.max(m, x);
        return m;
    }
}
