package sdx.sharding;

/**
 * Decides which shard owns a key. One small interface for every sharding strategy in the course:
 * {@link ModHashPartitioner}, {@link RangePartitioner}, {@link ConsistentHashPartitioner} and the
 * load-aware {@link TwoChoicePartitioner}.
 */
public interface Partitioner {
    /** Number of shards; shards are numbered {@code 0 .. shards()-1}. */
    int shards();

    /** The shard that serves {@code key}, in {@code [0, shards())}. */
    int shardOf(int key);

    /** A short name for legends and tables, e.g. "hash mod 8". */
    String name();
}
