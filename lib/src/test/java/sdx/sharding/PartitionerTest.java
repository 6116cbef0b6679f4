package sdx.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdx.core.Workloads;

class PartitionerTest {

    @Test
    void rangeByHand() {
        RangePartitioner r = new RangePartitioner(100, 10, 50);
        assertEquals(3, r.shards());
        assertEquals(0, r.shardOf(0));
        assertEquals(0, r.shardOf(9));
        assertEquals(1, r.shardOf(10)); // a split point starts the next range
        assertEquals(1, r.shardOf(49));
        assertEquals(2, r.shardOf(50));
        assertEquals(2, r.shardOf(99));
        assertArrayEquals(new int[] {25, 50, 75}, RangePartitioner.equal(100, 4).splits());
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new RangePartitioner(100, 50, 10));
        assertThrows(IllegalArgumentException.class, () -> RangePartitioner.equal(3, 4));
        assertThrows(IllegalArgumentException.class, () -> new RangePartitioner(100, 10).shardOf(100));
        assertThrows(IllegalArgumentException.class, () -> new ModHashPartitioner(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConsistentHashPartitioner(4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TwoChoiceRouter(1, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> ConsistentHashPartitioner.of(0, 10));
        assertTrue(e.getMessage().contains("shards"), e.getMessage());
    }

    @Test
    void ringIsSortedAndLookupMatchesLinearScan() {
        ConsistentHashPartitioner c = new ConsistentHashPartitioner(7, 13, 5);
        var ring = c.ring();
        assertEquals(91, ring.size());
        for (int i = 1; i < ring.size(); i++) assertTrue(ring.points()[i - 1] <= ring.points()[i]);
        for (int k = 0; k < 5_000; k++) {
            long h = c.hashOf(k);
            int expected = ring.owners()[0];
            for (int i = 0; i < ring.size(); i++) {
                if (ring.points()[i] >= h) {
                    expected = ring.owners()[i];
                    break;
                }
            }
            assertEquals(expected, c.shardOf(k), "key " + k);
        }
    }

    @Test
    void ringLookupEdgeCases() {
        long[] p = {-100, 0, 100};
        int[] o = {7, 8, 9};
        assertEquals(7, ConsistentHashPartitioner.owner(p, o, -100));
        assertEquals(8, ConsistentHashPartitioner.owner(p, o, -99));
        assertEquals(9, ConsistentHashPartitioner.owner(p, o, 100));
        assertEquals(7, ConsistentHashPartitioner.owner(p, o, 101));
        assertEquals(7, ConsistentHashPartitioner.owner(p, o, Long.MIN_VALUE));
    }

    @Test
    void addingAShardKeepsExistingPointsAndOnlyMovesKeysToTheNewShard() {
        ConsistentHashPartitioner before = new ConsistentHashPartitioner(5, 50, 3), after = before.withShards(6);
        for (int k = 0; k < 20_000; k++) {
            int a = before.shardOf(k), b = after.shardOf(k);
            if (a != b) assertEquals(5, b, "key " + k + " moved between old shards");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 100})
    void sharesSumToOne(int vnodes) {
        double[] s = ConsistentHashPartitioner.of(6, vnodes).shares();
        assertEquals(1.0, Arrays.stream(s).sum(), 1e-9);
        for (double x : s) assertTrue(x >= 0);
    }

    @Test
    void sharesPredictKeyCounts() {
        // 200,000 uniformly hashed keys: each shard's key fraction is its ring share within binomial noise
        // (sd <= sqrt(0.25/200000) = 0.0011); allow 0.005.
        ConsistentHashPartitioner c = ConsistentHashPartitioner.of(5, 3);
        double[] share = c.shares();
        long[] count = new long[5];
        for (int k = 0; k < 200_000; k++) count[c.shardOf(k)]++;
        for (int s = 0; s < 5; s++) assertEquals(share[s], count[s] / 200_000.0, 0.005, "shard " + s);
    }

    @Test
    void uniformKeysSpreadEvenlyOverModHash() {
        // 80,000 requests over 8 shards: 10,000 each, binomial sd ~ 94; max/mean below 1.05 is a > 4 sd margin
        ShardLoad l = ShardLoad.of(ModHashPartitioner.of(8), Workloads.uniform(100_000, 80_000, 42));
        assertEquals(80_000, l.total());
        assertTrue(l.imbalance() < 1.05, "imbalance " + l.imbalance());
        assertTrue(l.hotShards(1.5).isEmpty());
    }

    @Test
    void celebrityShardCarriesItsShare() {
        // theory: (0.2 + 0.8/8) / (1/8) = 2.4; the other keys' noise is ~1% of a shard
        ShardLoad l = ShardLoad.of(ModHashPartitioner.of(8), Workloads.celebrity(100_000, 0.2, 80_000, 42));
        assertEquals(2.4, l.imbalance(), 0.05);
        assertEquals(1, l.hotShards(1.5).size());
        assertEquals(ModHashPartitioner.of(8).shardOf(0), l.hotShards(1.5).get(0));
    }

    @Test
    void sameSeedSameNumbers() {
        var t = Workloads.zipf(10_000, 1.0, 20_000, 9);
        assertEquals(ShardLoad.of(new ConsistentHashPartitioner(4, 20, 1), t), ShardLoad.of(new ConsistentHashPartitioner(4, 20, 1), t));
        assertEquals(ShardLoad.of(new TwoChoiceRouter(4, 1), t), ShardLoad.of(new TwoChoiceRouter(4, 1), t));
        assertTrue(!Arrays.equals(new ConsistentHashPartitioner(4, 20, 1).shares(), new ConsistentHashPartitioner(4, 20, 2).shares()));
    }

    @Test
    void twoChoicesRoutesToTheLessLoadedCandidate() {
        TwoChoiceRouter p = new TwoChoiceRouter(8, 3);
        for (int i = 0; i < 1000; i++) {
            long[] before = p.served();
            int[] c = p.choices(i % 17);
            int s = p.route(i % 17);
            assertTrue(s == c[0] || s == c[1]);
            assertEquals(Math.min(before[c[0]], before[c[1]]), before[s]);
        }
    }
}
