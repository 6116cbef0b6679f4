package sdx.sharding;

/**
 * Decides which shard owns a key: a pure function, the same key always on the same shard (which is
 * what lets a shard keep the key's data). One small interface for the course's placement strategies:
 * {@link ModHashPartitioner}, {@link RangePartitioner}, {@link ConsistentHashPartitioner}. A strategy
 * that routes by state (the load-aware {@link TwoChoiceRouter}) is a {@link Router} instead.
 */
public interface Partitioner extends Router {
    /** The shard that owns {@code key}, in {@code [0, shards())}. */
    int shardOf(int key);

    /** A partitioner routes every request for a key to the key's owner. */
    @Override
    default int route(int key) {
        return shardOf(key);
    }
}
