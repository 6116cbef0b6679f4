package sdx.mapreduce;

/**
 * Decides which of the {@code R} reduce partitions receives an intermediate key (named apart from
 * {@code sdx.sharding.Partitioner}, which places keys on shards, so both can be imported in one cell): the shuffle sends
 * every pair with the same key to the same reducer. One interface, one final class per strategy.
 *
 * @param <K> intermediate key type
 */
@FunctionalInterface
public interface ReducePartitioner<K> {
    /** The partition of {@code key}, in {@code [0, reducers)}. */
    int partition(K key, int reducers);
}
