package sdx.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdx.core.Trace;
import sdx.core.Workloads;

/** Fixed partitions, range splits, secondary indexes, two choices with writes, and the sketches' bounds. */
class RebalancingTest {

    /** A hand-sized case: 6 partitions on 2 nodes, a third node takes 2 partitions, one from each. */
    @Test
    void newNodeTakesWholePartitionsFromTheBusiest() {
        FixedPartitions two = FixedPartitions.of(6, 2);
        assertArrayEquals(new int[] {3, 3}, two.partitionsPerNode());
        FixedPartitions three = two.withNode();
        assertArrayEquals(new int[] {2, 2, 2}, three.partitionsPerNode());
        for (int k = 0; k < 1_000; k++) {
            int before = two.shardOf(k), after = three.shardOf(k);
            assertTrue(after == before || after == 2, "a key moves only to the new node");
            assertEquals(two.partitionOf(k), three.partitionOf(k), "partitions never change");
        }
    }

    /**
     * Theory: the newcomer takes floor(P/(N+1)) of P partitions, so that share of keys moves; keys hash
     * into partitions evenly, so over 20,000 keys the share scatters by about sqrt(0.3*0.7/20,000) =
     * 0.003; tolerance 0.015 is five of those. Balance: the busiest node holds ceil(P/(N+1)) partitions;
     * its key share over the mean scatters by a few percent (a 5-partition node's keys vary by about
     * 1/sqrt(1,500) = 2.6%), tolerance 0.1.
     */
    @Test
    void movedKeysAndBalanceAgreeWithTheory() {
        Rebalancing r = Rebalancing.run(64, new int[] {2, 4, 8, 16}, 20_000);
        for (int i = 0; i < r.nodes().length; i++) {
            assertEquals(r.movedTheory()[i], r.moved()[i], 0.015, "moved, N=" + r.nodes()[i]);
            assertEquals(1.0 / (r.nodes()[i] + 1), r.movedTheory()[i], 0.02, "about 1/(N+1)");
            assertEquals(r.imbalanceTheory()[i], r.imbalance()[i], 0.1, "balance, N=" + r.nodes()[i]);
        }
        assertEquals(4, r.table().rowCount());
        assertThrows(IllegalArgumentException.class, () -> Rebalancing.run(4, new int[] {4}, 1_000));
    }

    @Test
    void increasingKeysPutEveryInsertOnTheLastRange() {
        RangeSplits s = RangeSplits.compare(new RangeSplits.Settings(20_000, 1_000, 200, 42));
        RangeSplits.Result random = s.rows().get(0), increasing = s.rows().get(1);
        assertEquals(1.0, increasing.busiestShare(), 1e-12, "one range takes every insert");
        assertTrue(random.busiestShare() < 0.3, "random keys spread: " + random.busiestShare());
        // a range splits into two halves as it passes the limit: each ends between limit/2 and the limit
        assertTrue(increasing.largest() <= 1_000 && random.largest() <= 1_000);
        assertTrue(random.smallest() >= 500 - 1, "smallest " + random.smallest());
        // hand case, limit 2: keys 1 2 3 -> [1 2 3] splits at its median 2 into [1] [2 3]; then 4 -> [2 3 4]
        // splits at 3 into [2] [3 4]. Three ranges of 1, 1 and 2 keys.
        RangeSplits.Result hand = RangeSplits.run(Trace.of("hand", 10, 1, 2, 3, 4), 2, 2);
        assertEquals(3, hand.ranges());
        assertEquals(1, hand.smallest());
        assertEquals(2, hand.largest());
    }

    /**
     * Counting, not sampling, for the local index (N per query, 1 per write). The global index's
     * writes: the index entry lands on another shard with probability (N-1)/N; over 20,000 inserts the
     * share scatters by about 0.0023, tolerance 0.01.
     */
    @Test
    void localIndexesScatterQueriesGlobalOnesSpreadWrites() {
        SecondaryIndexes s = SecondaryIndexes.run(8, 20_000, 1_000, 2_000, 42);
        assertEquals(8, s.localQuery());
        assertEquals(1, s.localWrite());
        assertEquals(1 + 7 / 8.0, s.globalWriteTheory(), 1e-12);
        assertEquals(s.globalWriteTheory(), s.globalWrite(), 0.01);
        assertTrue(s.globalQuery() >= 2 && s.globalQuery() <= 9, "one index shard plus the shards with matches");
        assertEquals(3, s.table().rowCount());
    }

    @Test
    void twoChoicesWithWritesPaysForTheSecondCopy() {
        Trace celebrity = Workloads.celebrity(100_000, 0.2, 80_000, 42);
        ShardLoad readsOnly = ShardLoad.twoChoices(8, celebrity, 1.0, 42);
        assertArrayEquals(ShardLoad.of(TwoChoicePartitioner.of(8), celebrity).loads(), readsOnly.loads(),
                "all reads: the same as the stateful router");
        ShardLoad mixed = ShardLoad.twoChoices(8, celebrity, 0.9, 42);
        long copies = Arrays.stream(celebrity.keys()).filter(k -> {
            int[] c = TwoChoicePartitioner.of(8).choices(k);
            return c[0] != c[1];
        }).count();
        assertTrue(mixed.total() > readsOnly.total(), "writes go to both copies");
        assertTrue(mixed.total() <= readsOnly.total() + copies, "at most one extra request per write");
    }

    /** One denominator for both rows: the clients' mean load per shard. */
    @Test
    void splitTableAndPlotUseTheClientsMean() {
        Trace celebrity = Workloads.celebrity(100_000, 0.2, 80_000, 42);
        HotKeySplit salt = HotKeySplit.simulate(ModHashPartitioner.of(8), celebrity, Set.of(0), 4, 0.9,
                HotKeySplit.Mode.SALT, 42);
        var column = salt.table().doubleColumn("busiest / mean client load");
        long maxAfter = Arrays.stream(salt.after().loads()).max().orElseThrow();
        assertEquals(ShardLoad.round(maxAfter / 10_000.0), column.get(1), 1e-9);
        assertEquals(ShardLoad.round(salt.before().imbalance()), column.get(0), 1e-9);
    }

    /**
     * Space-Saving: a key that takes a full sketch's slot inherits the minimum count, so it is
     * over-estimated even on its first appearance; an untracked key reads 0.
     */
    @Test
    void spaceSavingOverEstimatesNewcomersAndZeroesTheUntracked() {
        SpaceSavingSketch s = new SpaceSavingSketch(2);
        for (int k : new int[] {1, 1, 2, 2, 2, 3}) s.add(k);
        assertEquals(3, s.estimate(3), "key 3 seen once, took key 1's slot (count 2) and reads 3");
        assertEquals(0, s.estimate(1), "key 1, seen twice, is no longer tracked: 0");
        assertEquals(3, s.estimate(2));
    }

    /** Count-Min can report no more hot keys than its candidate list holds. */
    @Test
    void countMinRecallStaysUnderItsCandidateCeiling() {
        SketchAccuracy a = SketchAccuracy.run(Workloads.zipf(100_000, 1.0, 200_000, 42), new SketchAccuracy.Settings(0.002, new int[] {16, 64, 256, 1024}, 42));
        for (int i = 0; i < a.memory().length; i++) assertTrue(a.cmRecall()[i] <= a.cmRecallCeiling()[i] + 1e-12);
        assertEquals(Math.min(1.0, 4.0 / a.trueHot()), a.cmRecallCeiling()[0], 1e-12);
    }
}
