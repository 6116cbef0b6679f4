package sdx.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import sdx.core.Trace;
import sdx.core.Workloads;

class SketchTest {

    @Test
    void spaceSavingByHand() {
        // capacity 2, stream A A B C A (A=1, B=2, C=3):
        // A:1, A:2, B:1, C replaces the min (B:1) -> C:2 (over-estimate by 1), A:3
        SpaceSavingSketch s = new SpaceSavingSketch(2);
        for (int k : new int[] {1, 1, 2, 3, 1}) s.add(k);
        assertEquals(List.of(new KeyCount(1, 3), new KeyCount(3, 2)), s.top(5));
        assertEquals(0, s.estimate(2));
        assertEquals(List.of(new KeyCount(1, 3)), s.above(2));
    }

    static List<Long> seeds() {
        return java.util.stream.LongStream.range(0, 200).boxed().toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void spaceSavingGuarantees(long seed) {
        // Metwally et al.: true <= estimate <= true + n/m, and every key above n/m is tracked.
        int m = 20;
        Trace t = Workloads.zipf(2_000, 0.9, 5_000, seed);
        SpaceSavingSketch s = new SpaceSavingSketch(m);
        for (int k : t.keys()) s.add(k);
        long[] c = t.counts();
        double bound = t.length() / (double) m;
        for (KeyCount kc : s.top(m)) {
            assertTrue(kc.count() >= c[kc.key()] && kc.count() <= c[kc.key()] + bound, "key " + kc);
        }
        for (int k = 0; k < c.length; k++) if (c[k] > bound) assertTrue(s.estimate(k) >= c[k], "heavy key " + k);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countMinNeverUnderCounts(long seed) {
        Trace t = Workloads.zipf(2_000, 1.0, 3_000, seed);
        CountMinSketch cm = new CountMinSketch(64, 4, 16, seed);
        for (int k : t.keys()) cm.add(k);
        long[] c = t.counts();
        for (int k = 0; k < c.length; k++) assertTrue(cm.estimate(k) >= c[k], "key " + k);
    }

    @Test
    void countMinErrorBound() {
        // Cormode-Muthukrishnan: error <= e*n/width with probability >= 1 - e^-depth per key (~98% at depth 4).
        Trace t = Workloads.zipf(50_000, 1.0, 100_000, 5);
        int width = 1000;
        CountMinSketch cm = new CountMinSketch(width, 4, 10, 5);
        for (int k : t.keys()) cm.add(k);
        long[] c = t.counts();
        int bad = 0;
        for (int k = 0; k < c.length; k++) if (cm.estimate(k) - c[k] > Math.E * t.length() / width) bad++;
        assertTrue(bad <= 0.02 * c.length, bad + " keys outside the bound");
    }

    @Test
    void spaceSavingFindsAllHotKeysOnceCapacityExceedsOneOverPhi() {
        SketchAccuracy a = SketchAccuracy.run(Workloads.zipf(100_000, 1.0, 200_000, 42), new SketchAccuracy.Settings(0.002, new int[] {64, 1024}, 42));
        assertTrue(a.trueHot() > 10);
        assertEquals(1.0, a.ssRecall()[1]);
        assertTrue(a.ssRecall()[0] < 1.0, "64 counters < 1/phi = 500 should miss some");
        assertTrue(a.cmRecall()[1] > 0.9);
        assertThrows(IllegalArgumentException.class, () -> SketchAccuracy.run(Workloads.uniform(10, 10, 1), new SketchAccuracy.Settings(0.5, new int[] {2}, 1)));
    }

    @Test
    void hotSpotsFlagsTheCelebrity() {
        HotSpots h = HotSpots.detect(ModHashPartitioner.of(8), Workloads.celebrity(100_000, 0.2, 50_000, 1), 1.5, 0.05, 32);
        assertEquals(1, h.hotKeys().size());
        assertEquals(0, h.hotKeys().get(0).key());
        assertEquals(h.hotKeys().get(0).exact(), h.hotKeys().get(0).estimated());
        assertEquals(List.of(h.hotKeys().get(0).shard()), h.hotShards());
        assertEquals(8, h.table().rowCount());
    }

    @Test
    void saltingAndReplicationByHand() {
        // 4 shards, key 0 hot, 100 requests all for key 0. Salting x2 with only writes: 100 backend requests
        // over 2 shards. Replication x2 with only writes: every write goes to both: 200.
        Trace t = Trace.of("hot", 10, new int[100]);
        Partitioner p = ModHashPartitioner.of(4);
        int home = p.shardOf(0);
        HotKeySplit salt = HotKeySplit.simulate(p, t, Set.of(0), 2, 0.0, HotKeySplit.Mode.SALT, 1);
        assertEquals(100, salt.after().total());
        assertEquals(100, salt.after().loads()[home] + salt.after().loads()[(home + 1) % 4]);
        assertTrue(salt.after().loads()[home] > 30 && salt.after().loads()[home] < 70);
        HotKeySplit rep = HotKeySplit.simulate(p, t, Set.of(0), 2, 0.0, HotKeySplit.Mode.REPLICATE, 1);
        assertEquals(200, rep.after().total());
        assertEquals(2.0, rep.amplification());
        HotKeySplit repReads = HotKeySplit.simulate(p, t, Set.of(0), 2, 1.0, HotKeySplit.Mode.REPLICATE, 1);
        assertEquals(100, repReads.after().total());
    }
}
