package sdx.sharding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import sdx.core.Check;
import sdx.core.Stats;
import sdx.core.Trace;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Requests per shard for one partitioner and one trace, with the usual balance figures.
 *
 * @param name  legend text, e.g. "hash mod 8, zipf s=1.0"
 * @param loads requests per shard
 */
public record ShardLoad(String name, long[] loads) {

    /** Validates. */
    public ShardLoad {
        Check.notNull("name", name);
        Check.notNull("loads", loads);
        Check.that(loads.length > 0, "loads", "[]", "must not be empty");
        loads = loads.clone();
    }

    /** Routes every request of {@code trace} through {@code router} (any partitioner is one) and counts per shard. */
    public static ShardLoad of(Router router, Trace trace) {
        Check.notNull("router", router);
        Check.notNull("trace", trace);
        long[] loads = new long[router.shards()];
        for (int k : trace.keys()) loads[router.route(k)]++;
        return new ShardLoad(router.name() + ", " + trace.name(), loads);
    }

    /**
     * The power of two choices with writes: each key lives on the two shards {@link TwoChoicePartitioner}
     * picks for it; a read goes to whichever of the two has served fewer requests so far, a write must
     * go to both (the copies stay equal). Each request is a read with probability {@code readShare}.
     *
     * @param readShare share of reads, in [0, 1]
     */
    public static ShardLoad twoChoices(int shards, Trace trace, double readShare, long seed) {
        Check.notNull("trace", trace);
        Check.inRange("readShare", readShare, 0.0, 1.0);
        var router = TwoChoicePartitioner.of(shards); // var: the two-choice router's type is being renamed
        org.apache.commons.rng.UniformRandomProvider rng = sdx.core.Rng.of(seed);
        long[] loads = new long[shards];
        for (int k : trace.keys()) {
            int[] c = router.choices(k);
            if (rng.nextDouble() < readShare) loads[loads[c[1]] < loads[c[0]] ? c[1] : c[0]]++;
            else {
                loads[c[0]]++;
                if (c[1] != c[0]) loads[c[1]]++;
            }
        }
        return new ShardLoad(String.format(java.util.Locale.ROOT, "two choices x%d, %.0f%% reads (writes to both), %s",
                shards, readShare * 100, trace.name()), loads);
    }

    /** Number of shards. */
    public int shards() {
        return loads.length;
    }

    /** Total requests. */
    public long total() {
        return Arrays.stream(loads).sum();
    }

    /** Busiest shard's load divided by the mean load (1.0 = perfect balance). */
    public double imbalance() {
        return Stats.imbalance(loads);
    }

    /** Coefficient of variation of the loads (sample standard deviation / mean). */
    public double cv() {
        return Stats.coefficientOfVariation(Arrays.stream(loads).asDoubleStream().toArray());
    }

    /** Shards whose load exceeds {@code threshold} × mean load: the hot shards. */
    public List<Integer> hotShards(double threshold) {
        Check.atLeast("threshold", threshold, 1.0);
        double limit = threshold * total() / loads.length;
        List<Integer> hot = new ArrayList<>();
        for (int s = 0; s < loads.length; s++) if (loads[s] > limit) hot.add(s);
        return hot;
    }

    /** One bar per shard. */
    public Plot plot() {
        return plot("Requests per shard", this);
    }

    /** Several loads side by side (same shard count), one colour each. */
    public static Plot plot(String title, ShardLoad... loads) {
        Check.notNull("loads", loads);
        Check.that(loads.length > 0, "loads", "[]", "must not be empty");
        int n = loads[0].shards();
        List<String> categories = IntStream.range(0, n).mapToObj(i -> "shard " + i).toList();
        Plot p = Plot.bar(title, "shard", "requests");
        for (ShardLoad l : loads) {
            Check.that(l.shards() == n, "shards of " + l.name(), l.shards(), "must equal " + n);
            p.bars(l.name() + " (max/mean " + String.format(java.util.Locale.ROOT, "%.2f", l.imbalance()) + ")",
                    categories, Arrays.stream(l.loads).asDoubleStream().toArray());
        }
        return p;
    }

    /** A summary table of several loads: total, max/mean, CV, hottest shard. */
    public static Table table(ShardLoad... loads) {
        Check.notNull("loads", loads);
        Table t = Table.create("load per shard");
        StringColumn name = StringColumn.create("partitioner, trace");
        LongColumn total = LongColumn.create("requests");
        LongColumn max = LongColumn.create("busiest shard");
        DoubleColumn imb = DoubleColumn.create("max/mean");
        DoubleColumn cv = DoubleColumn.create("CV");
        for (ShardLoad l : loads) {
            name.append(l.name());
            total.append(l.total());
            max.append(Arrays.stream(l.loads).max().orElse(0));
            imb.append(round(l.imbalance()));
            cv.append(round(l.cv()));
        }
        return t.addColumns(name, total, max, imb, cv);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public long[] loads() {
        return loads.clone();
    }

    @Override
    public String toString() {
        return "ShardLoad[" + name + ", " + Arrays.toString(loads) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardLoad s && s.name.equals(name) && Arrays.equals(s.loads, loads);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(loads);
    }
}
