package sdx.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import sdx.core.HashRing;

/**
 * ConsistentHashPartitioner and sdx.core.HashRing hash points and keys the same way (SplitMix64 of
 * (node << 32 | vnode) and of the key, salted alike) and break ties the same way. This pins it down, so
 * that the partitioner could one day delegate to HashRing without moving any of 13's figures. (It does
 * not yet: HashRing caps rings at 2,000,000 points, where 13 allows 50,000,000, and does not expose
 * the sorted points that {@link ConsistentHashPartitioner#ring()} shows.)
 */
class RingEquivalenceTest {
    @Test
    void sameOwnerForEveryKeyAndSameShares() {
        for (long seed : new long[] {1, 42, -7}) {
            for (int[] shape : new int[][] {{1, 1}, {3, 1}, {5, 16}, {10, 100}}) {
                ConsistentHashPartitioner p = new ConsistentHashPartitioner(shape[0], shape[1], seed);
                HashRing r = HashRing.of(shape[0], shape[1], seed);
                for (int key = -5_000; key < 5_000; key++) {
                    assertEquals(p.shardOf(key), r.owner(key), "key " + key + ", seed " + seed);
                    assertEquals(p.hashOf(key), r.hashOf(key));
                }
                double[] rs = r.shares(), sum = {0};
                for (double s : rs) sum[0] += s;
                for (int i = 0; i < rs.length; i++) rs[i] /= sum[0];
                assertArrayEquals(p.shares(), rs, 0.0, "the same arcs summed in the same order");
            }
        }
    }
}
