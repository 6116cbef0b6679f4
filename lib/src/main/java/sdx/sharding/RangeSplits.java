package sdx.sharding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.core.Trace;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Dynamic range partitioning (Bigtable tablets, HBase regions, CockroachDB ranges): the key space starts
 * as one range; when a range holds more than {@code maxKeys} keys it splits at its median key into two.
 * (Merging two small neighbours is the reverse, after deletes; not simulated here.) The number of
 * ranges grows with the data, so nobody has to guess it in advance. What splitting cannot fix is a
 * monotonic key (a timestamp, an auto-increment id): every insert lands in the last range, before and
 * after each split, so one range (and its server) takes all the writes.
 *
 * @param rows one result per key pattern
 */
public record RangeSplits(List<Result> rows) {

    /**
     * The outcome for one stream of inserts.
     *
     * @param keys        how the keys were chosen
     * @param inserts     keys inserted
     * @param ranges      ranges at the end
     * @param smallest    keys in the smallest range at the end
     * @param largest     keys in the largest range at the end
     * @param busiestShare share of each window's inserts that went to one range (the busiest, as the ranges
 *                    stand at the window's end), averaged over windows
     */
    public record Result(String keys, int inserts, int ranges, int smallest, int largest, double busiestShare) {}

    /** Copies the list. */
    public RangeSplits {
        rows = List.copyOf(rows);
    }

    /**
     * Inserts {@code inserts} random keys and {@code inserts} increasing keys, each into ranges that
     * split above {@code maxKeys}, and measures the write hot spot over windows of {@code window} inserts.
     *
     * @param maxKeys a range splits when it holds more, at least 2
     * @param window  inserts per window, in [1, inserts]
     * @deprecated four positional numbers are easy to swap: use {@link #compare(Settings)}
     */
    @Deprecated
    public static RangeSplits compare(int inserts, int maxKeys, int window, long seed) {
        return compare(new Settings(inserts, maxKeys, window, seed));
    }

    /**
     * What {@link #compare(Settings)} runs, named, with defaults: start from {@link #defaults()} and
     * change what the cell is about, e.g. {@code compare(Settings.defaults().withMaxKeys(1_000))}.
     *
     * @param inserts keys inserted per trace, at least 10
     * @param maxKeys a range splits when it holds more, at least 2
     * @param window  inserts per window, in [1, inserts]
     * @param seed    which random keys
     */
    public record Settings(int inserts, int maxKeys, int window, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("inserts", inserts, 10);
            Check.atLeast("maxKeys", maxKeys, 2);
            Check.inRange("window", window, 1, inserts);
        }

        /** 50,000 inserts, ranges split above 2,500 keys, windows of 500 inserts, seed 42. */
        public static Settings defaults() {
            return new Settings(50_000, 2_500, 500, 42);
        }

        /** These settings with another number of inserts. */
        public Settings withInserts(int n) {
            return new Settings(n, maxKeys, window, seed);
        }

        /** These settings with ranges splitting above another size. */
        public Settings withMaxKeys(int n) {
            return new Settings(inserts, n, window, seed);
        }

        /** These settings with another window. */
        public Settings withWindow(int n) {
            return new Settings(inserts, maxKeys, n, seed);
        }

        /** These settings with another seed. */
        public Settings withSeed(long s) {
            return new Settings(inserts, maxKeys, window, s);
        }
    }

    /** Random and increasing keys into splitting ranges, as {@code settings} say; see {@link #compare(int, int, int, long)}. */
    public static RangeSplits compare(Settings settings) {
        Check.notNull("settings", settings);
        int inserts = settings.inserts(), maxKeys = settings.maxKeys(), window = settings.window();
        long seed = settings.seed();
        Check.atLeast("inserts", inserts, 10);
        UniformRandomProvider rng = Rng.of(seed);
        int[] random = new int[inserts], increasing = new int[inserts];
        for (int i = 0; i < inserts; i++) {
            random[i] = rng.nextInt(1_000_000_000);
            increasing[i] = i;
        }
        return new RangeSplits(List.of(run(new Trace("random ids", 1_000_000_000, random), maxKeys, window),
                run(new Trace("increasing ids (timestamps)", inserts, increasing), maxKeys, window)));
    }

    /** Inserts the keys of {@code trace} in order (a key inserted again is counted as a write to its range). */
    public static Result run(Trace trace, int maxKeys, int window) {
        Check.notNull("trace", trace);
        Check.atLeast("maxKeys", maxKeys, 2);
        Check.inRange("window", window, 1, trace.length());
        TreeMap<Integer, TreeSet<Integer>> ranges = new TreeMap<>(); // lower bound -> keys
        ranges.put(Integer.MIN_VALUE, new TreeSet<>());
        List<Double> shares = new ArrayList<>();
        int[] keys = trace.keys();
        for (int i = 0; i < keys.length; i++) {
            Map.Entry<Integer, TreeSet<Integer>> range = ranges.floorEntry(keys[i]);
            TreeSet<Integer> held = range.getValue();
            held.add(keys[i]);
            if (held.size() > maxKeys) {
                int median = new ArrayList<>(held).get(held.size() / 2);
                TreeSet<Integer> upper = new TreeSet<>(held.tailSet(median, true));
                held.removeAll(upper);
                ranges.put(median, upper);
            }
            if ((i + 1) % window == 0) shares.add(busiestShare(ranges, keys, i + 1 - window, i + 1));
        }
        int smallest = ranges.values().stream().mapToInt(TreeSet::size).min().orElse(0);
        int largest = ranges.values().stream().mapToInt(TreeSet::size).max().orElse(0);
        double busiest = shares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Result(trace.name(), keys.length, ranges.size(), smallest, largest, busiest);
    }

    /** Share of the inserts {@code keys[from..to)} held by the one range (as the ranges are now) that got the most. */
    private static double busiestShare(TreeMap<Integer, TreeSet<Integer>> ranges, int[] keys, int from, int to) {
        Map<Integer, Integer> writes = new HashMap<>();
        for (int i = from; i < to; i++) writes.merge(ranges.floorKey(keys[i]), 1, Integer::sum);
        return writes.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) (to - from);
    }

    /** One row per key pattern. */
    public Table table() {
        Table t = Table.create("Ranges that split at their median when they exceed the limit");
        StringColumn keys = StringColumn.create("keys");
        IntColumn inserts = IntColumn.create("inserts"), ranges = IntColumn.create("ranges at the end"),
                smallest = IntColumn.create("smallest range"), largest = IntColumn.create("largest range");
        DoubleColumn busiest = DoubleColumn.create("busiest range's share of recent inserts");
        for (Result r : rows) {
            keys.append(r.keys());
            inserts.append(r.inserts());
            ranges.append(r.ranges());
            smallest.append(r.smallest());
            largest.append(r.largest());
            busiest.append(ShardLoad.round(r.busiestShare()));
        }
        return t.addColumns(keys, inserts, ranges, smallest, largest, busiest);
    }
}
