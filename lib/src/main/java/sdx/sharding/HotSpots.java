package sdx.sharding;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import sdx.core.Trace;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A hot-spot report for one stream: which shards are hot (load above {@code threshold} × mean) and which
 * keys make them hot, found with a bounded-memory {@link SpaceSavingSketch} rather than a count per key.
 * A key is flagged when its estimated share of the stream exceeds {@code keyShare}.
 *
 * @param load       requests per shard
 * @param threshold  hot-shard threshold, × mean load
 * @param hotShards  shards above the threshold
 * @param hotKeys    flagged keys, hottest first
 * @param sketchSize counters used by the sketch
 */
public record HotSpots(ShardLoad load, double threshold, List<Integer> hotShards, List<HotKey> hotKeys, int sketchSize) {

    /**
     * A flagged key.
     *
     * @param key       the key
     * @param estimated the sketch's count
     * @param exact     the true count (for the lesson; a real system would not know it)
     * @param shard     the shard that owns it
     */
    public record HotKey(int key, long estimated, long exact, int shard) {}

    /**
     * Routes {@code trace} through {@code partitioner}, counting shard loads exactly (N counters) and
     * key frequencies with a Space-Saving sketch of {@code sketchSize} counters.
     *
     * @param threshold  hot shard when load > threshold × mean, at least 1
     * @param keyShare   hot key when estimated count > keyShare × stream length, in (0, 1)
     * @param sketchSize Space-Saving counters, at least 1
     */
    public static HotSpots detect(Partitioner partitioner, Trace trace, double threshold, double keyShare, int sketchSize) {
        Check.notNull("partitioner", partitioner);
        Check.notNull("trace", trace);
        Check.atLeast("threshold", threshold, 1.0);
        Check.inRange("keyShare", keyShare, 1e-9, 0.999);
        Check.positive("sketchSize", sketchSize);
        SpaceSavingSketch sketch = new SpaceSavingSketch(sketchSize);
        for (int k : trace.keys()) sketch.add(k);
        ShardLoad load = ShardLoad.of(partitioner, trace);
        long[] exact = trace.counts();
        List<HotKey> keys = new ArrayList<>();
        for (KeyCount kc : sketch.above((long) Math.floor(keyShare * trace.length()))) {
            keys.add(new HotKey(kc.key(), kc.count(), exact[kc.key()], partitioner.shardOf(kc.key())));
        }
        return new HotSpots(load, threshold, load.hotShards(threshold), List.copyOf(keys), sketchSize);
    }

    /** One row per shard: load, load/mean, hot or not, and the hot keys it owns. */
    public Table table() {
        long[] loads = load.loads();
        double mean = load.total() / (double) loads.length;
        Table t = Table.create("hot spots: shard hot if load > " + threshold + " x mean; sketch of " + sketchSize + " counters");
        IntColumn shard = IntColumn.create("shard");
        LongColumn req = LongColumn.create("requests");
        DoubleColumn rel = DoubleColumn.create("load / mean");
        StringColumn hot = StringColumn.create("hot?");
        StringColumn keys = StringColumn.create("hot keys (estimated / exact count)");
        for (int s = 0; s < loads.length; s++) {
            shard.append(s);
            req.append(loads[s]);
            rel.append(ShardLoad.round(loads[s] / mean));
            hot.append(hotShards.contains(s) ? "HOT" : "");
            StringBuilder sb = new StringBuilder();
            for (HotKey k : hotKeys) {
                if (k.shard() == s) sb.append(sb.length() == 0 ? "" : ", ").append("key ").append(k.key())
                        .append(" (").append(k.estimated()).append(" / ").append(k.exact()).append(')');
            }
            keys.append(sb.toString());
        }
        return t.addColumns(shard, req, rel, hot, keys);
    }
}
