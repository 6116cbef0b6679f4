package sdx.sharding;

import java.util.Arrays;
import sdx.core.Check;

/**
 * Range partitioning (as in Bigtable, HBase, CockroachDB): sorted split points cut the key space into
 * contiguous ranges, shard {@code i} owning {@code [split[i-1], split[i])}. Range scans stay on one
 * shard, but when popular keys are adjacent (key 0, 1, 2 ... are the most popular under Zipf here) one
 * range gets all the heat.
 */
public final class RangePartitioner implements Partitioner {
    private final int keySpace;
    private final int[] splits;

    /**
     * @param keySpace keys are in {@code [0, keySpace)}
     * @param splits   strictly increasing split points in {@code (0, keySpace)}; shards = splits + 1
     */
    public RangePartitioner(int keySpace, int... splits) {
        this.keySpace = Check.positive("keySpace", keySpace);
        Check.notNull("splits", splits);
        for (int i = 0; i < splits.length; i++) {
            Check.inRange("splits[" + i + "]", splits[i], 1, keySpace - 1);
            if (i > 0) Check.that(splits[i] > splits[i - 1], "splits[" + i + "]", splits[i], "must be > splits[" + (i - 1) + "]");
        }
        this.splits = splits.clone();
    }

    /** {@code shards} equal ranges over {@code [0, keySpace)}. */
    public static RangePartitioner equal(int keySpace, int shards) {
        Check.positive("shards", shards);
        Check.that(shards <= keySpace, "shards", shards, "must be <= keySpace = " + keySpace);
        int[] s = new int[shards - 1];
        for (int i = 1; i < shards; i++) s[i - 1] = (int) ((long) keySpace * i / shards);
        return new RangePartitioner(keySpace, s);
    }

    @Override
    public int shards() {
        return splits.length + 1;
    }

    @Override
    public int shardOf(int key) {
        Check.inRange("key", key, 0, keySpace - 1);
        int i = Arrays.binarySearch(splits, key);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The split points (a copy). */
    public int[] splits() {
        return splits.clone();
    }

    @Override
    public String name() {
        return "range x" + shards();
    }

    @Override
    public String toString() {
        return name() + " " + Arrays.toString(splits);
    }
}
