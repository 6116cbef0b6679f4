package sdx.mapreduce;

/**
 * The default partitioner of the MapReduce paper (section 4.1): {@code hash(key) mod R}. It spreads
 * distinct keys evenly, but cannot split one hot key: all of its pairs go to one reducer.
 *
 * @param <K> intermediate key type
 */
public final class HashPartitioner<K> implements ReducePartitioner<K> {
    /** A hash partitioner (stateless). */
    public HashPartitioner() {}

    @Override
    public int partition(K key, int reducers) {
        return Math.floorMod(key.hashCode(), reducers);
    }

    @Override
    public String toString() {
        return "hash(key) mod R";
    }
}
