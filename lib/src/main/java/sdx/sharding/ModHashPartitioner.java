package sdx.sharding;

import sdx.core.Check;

/**
 * Hash partitioning: {@code shard = hash(key) mod N}. Balanced for any key distribution without
 * heavy keys, and the lookup needs no table; but changing N remaps almost every key (a key stays only
 * if {@code h mod N == h mod (N+1)}, which happens for about 1 in N+1 keys).
 */
public final class ModHashPartitioner implements Partitioner {
    private final int shards;
    private final long seed;

    /**
     * @param shards number of shards, at least 1
     * @param seed   hash seed
     */
    public ModHashPartitioner(int shards, long seed) {
        this.shards = Check.positive("shards", shards);
        this.seed = seed;
    }

    /** {@code shards} shards with the default seed. */
    public static ModHashPartitioner of(int shards) {
        return new ModHashPartitioner(shards, sdx.core.Rng.DEFAULT_SEED);
    }

    /** The same hash with {@code n} shards: what happens when the cluster is resized. */
    public ModHashPartitioner withShards(int n) {
        return new ModHashPartitioner(n, seed);
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public int shardOf(int key) {
        return Hash64.bucket(Hash64.hash(key, seed), shards);
    }

    @Override
    public String name() {
        return "hash mod " + shards;
    }

    @Override
    public String toString() {
        return name();
    }
}
