package sdx.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The distribution-time bounds by hand, and the swarm against them. */
class DistributionTest {
    private static final FileDistribution STRONG = FileDistribution.example();               // u_s = 10 u
    private static final FileDistribution WEAK = new FileDistribution(4_000, 10, 10, 50);    // u_s = u

    @Test
    void boundsByHand() {
        // N = 10: the server sends 10 copies of 4,000 Mbit at 100 Mbit/s = 400 s; one download at 50 = 80 s
        assertEquals(400, STRONG.clientServer(10), 1e-9);
        // P2P: max(4000/100 = 40, 4000/50 = 80, 10*4000/(100 + 10*10) = 200)
        assertEquals(200, STRONG.peerToPeer(10), 1e-9);
        assertEquals("total upload", STRONG.p2pLimit(10));
        assertEquals("slowest download", STRONG.p2pLimit(1));
        // with many peers the P2P bound tends to F/u = 400 s while client-server keeps growing
        assertEquals(4_000 * 1_000 / (100 + 10_000.0), STRONG.peerToPeer(1_000), 1e-9);
    }

    @Test
    void swarmNeverBeatsTheBoundAndRarestFirstLandsWithinThePipelineDelay() {
        // The swarm enforces the three capacities the bound counts, so it can never beat it. Above it, a
        // chunk schedule pays two delays the fluid bound ignores: the server needs C / (u_s/u) slots to send
        // every chunk out once, and the last chunk to leave it needs about log2 N store-and-forward hops to
        // reach everyone. Rarest-first wastes little else: it must finish within bound + both delays + 2 slots.
        int chunks = 50;
        for (FileDistribution setup : new FileDistribution[] {STRONG, WEAK}) {
            for (int n : new int[] {1, 2, 5, 20, 100, 400}) {
                for (long seed = 1; seed <= 3; seed++) {
                    for (Swarm.Selection sel : Swarm.Selection.values()) {
                        Swarm swarm = new Swarm(setup, chunks, sel);
                        Swarm.Run r = swarm.run(n, seed);
                        assertTrue(r.seconds() >= r.bound() - 1e-9, sel + " N=" + n + " beats the bound: " + r.seconds());
                        if (sel == Swarm.Selection.RAREST_FIRST) {
                            double boundSlots = r.bound() / swarm.slotSeconds();
                            double envelope = boundSlots + chunks / (setup.serverUpload() / setup.peerUpload())
                                    + Math.log(n) / Math.log(2) + 2;
                            assertTrue(r.slots() <= envelope, "rarest-first N=" + n + ": " + r.slots() + " slots > " + envelope);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rarestFirstBeatsRandomWhenTheServerIsTheBottleneck() {
        // With u_s = u the server can send each chunk about once; random selection re-sends chunks the
        // swarm already holds, so the rarest ones leave the server late.
        double random = 0, rarest = 0;
        for (long seed = 1; seed <= 3; seed++) {
            random += new Swarm(WEAK, 50, Swarm.Selection.RANDOM).run(200, seed).ratio();
            rarest += new Swarm(WEAK, 50, Swarm.Selection.RAREST_FIRST).run(200, seed).ratio();
        }
        assertTrue(random > rarest + 0.3, "random " + random / 3 + " vs rarest-first " + rarest / 3);
    }

    @Test
    void slotModelNeedsWholeMultiples() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Swarm(new FileDistribution(4_000, 15, 10, 50), 50, Swarm.Selection.RANDOM));
        assertTrue(e.getMessage().contains("setup.serverUpload"), e.getMessage());
    }
}
