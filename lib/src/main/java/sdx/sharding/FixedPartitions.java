package sdx.sharding;

import java.util.Arrays;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * Fixed partitions (as in Riak, Elasticsearch, Couchbase and Kafka's topic partitions): the key space is
 * hashed into a fixed number P of partitions, far more than there are nodes, and a table assigns each
 * partition to a node. Adding a node moves whole partitions: the newcomer takes partitions from the
 * busiest nodes until it holds its fair share, and no other partition moves, so about 1/(N+1) of the
 * keys move (the same as consistent hashing). The price: balance is limited by granularity, since a
 * node holds a whole number of partitions ({@code ceil(P/N)} at most), and P is fixed when the data set
 * is created.
 */
public final class FixedPartitions implements Partitioner {
    private final int[] owner;
    private final int nodes;
    private final long seed;

    private FixedPartitions(int[] owner, int nodes, long seed) {
        this.owner = owner;
        this.nodes = nodes;
        this.seed = seed;
    }

    /**
     * {@code partitions} partitions dealt round-robin over {@code nodes} nodes.
     *
     * @param partitions P, at least {@code nodes}
     * @param nodes      N, at least 1
     */
    public static FixedPartitions of(int partitions, int nodes) {
        Check.positive("nodes", nodes);
        Check.atLeast("partitions", partitions, nodes);
        int[] owner = new int[partitions];
        for (int p = 0; p < partitions; p++) owner[p] = p % nodes;
        return new FixedPartitions(owner, nodes, Rng.DEFAULT_SEED);
    }

    /**
     * The same cluster with one more node, which takes partitions one at a time from whichever node
     * holds the most (the highest-numbered of those partitions) until it holds {@code floor(P/(N+1))}.
     */
    public FixedPartitions withNode() {
        Check.that(owner.length >= nodes + 1, "partitions", owner.length, "must be at least the new node count " + (nodes + 1));
        int[] next = owner.clone();
        int newcomer = nodes, target = owner.length / (nodes + 1);
        int[] held = new int[nodes + 1];
        for (int o : next) held[o]++;
        for (int taken = 0; taken < target; taken++) {
            int donor = 0;
            for (int n = 1; n < nodes; n++) if (held[n] > held[donor]) donor = n;
            for (int p = next.length - 1; p >= 0; p--) {
                if (next[p] == donor) {
                    next[p] = newcomer;
                    break;
                }
            }
            held[donor]--;
            held[newcomer]++;
        }
        return new FixedPartitions(next, nodes + 1, seed);
    }

    /** The partition of {@code key}: {@code hash(key) mod P}. */
    public int partitionOf(int key) {
        return Hash64.bucket(Hash64.hash(key, seed), owner.length);
    }

    @Override
    public int shardOf(int key) {
        return owner[partitionOf(key)];
    }

    @Override
    public int shards() {
        return nodes;
    }

    /** Number of partitions P. */
    public int partitions() {
        return owner.length;
    }

    /** Partitions held by each node. */
    public int[] partitionsPerNode() {
        int[] held = new int[nodes];
        for (int o : owner) held[o]++;
        return held;
    }

    @Override
    public String name() {
        return owner.length + " fixed partitions on " + nodes + " nodes";
    }

    @Override
    public String toString() {
        return name() + " " + Arrays.toString(partitionsPerNode());
    }
}
