package sdx.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuorumsTest {
    @Test
    void pbsClosedFormByHand() {
        assertEquals(2.0 / 3, Theory.staleQuorum(3, 1, 1), 1e-12); // one of three replicas has it; a read of one misses it 2/3
        assertEquals(0.3, Theory.staleQuorum(5, 2, 2), 1e-12);     // C(3,2)/C(5,2) = 3/10
        assertEquals(0.0, Theory.staleQuorum(3, 2, 2), 0.0);       // R + W > N: quorums always meet
    }

    @Test
    void measuredStalenessMatchesPbs() {
        for (Leaderless.Result r : Leaderless.sweep(1, 3, 1500)) {
            // binomial standard error with 1,500 reads is at most 0.013: allow 3 of them
            assertEquals(r.theory(), r.staleShare(), 0.04, r.toString());
            if (r.r() + r.w() > r.n()) assertEquals(0, r.stale(), r.toString());
        }
        Leaderless.Result five = Leaderless.run(2, 5, 2, 2, 1500, 0, QuorumRead.NEWEST);
        assertEquals(five.theory(), five.staleShare(), 0.04, five.toString());
    }

    @Test
    void versionVectorsOrderWrites() {
        VersionVector a = VersionVector.empty().increment("eu"), b = a.increment("us"), c = a.increment("eu");
        assertEquals(VersionVector.Order.BEFORE, a.compare(b));
        assertEquals(VersionVector.Order.AFTER, b.compare(a));
        assertEquals(VersionVector.Order.CONCURRENT, b.compare(c));
        assertEquals(VersionVector.Order.EQUAL, b.compare(b.merge(a)));
    }

    @Test
    void lastWriterWinsDropsWhatVersionVectorsKeep() {
        MultiLeader.Run lww = MultiLeader.run(1, MultiLeader.Resolution.LAST_WRITER_WINS, 20, 50);
        MultiLeader.Run vv = MultiLeader.run(1, MultiLeader.Resolution.VERSION_VECTORS, 20, 50);
        assertTrue(lww.silentlyLost() > 0, lww.toString());
        assertEquals(0, lww.keysWithSiblings());
        assertEquals(0, vv.silentlyLost());
        assertTrue(vv.keysWithSiblings() > 0);
        assertTrue(lww.agree() && vv.agree(), "both leaders converge");
        // same seed, same messages: a key LWW dropped a write of holds siblings under version vectors
        assertTrue(vv.keysWithSiblings() <= lww.silentlyLost());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Leaderless.run(1, 3, 4, 1, 10, 0, QuorumRead.NEWEST));
        assertTrue(e.getMessage().contains("r"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Leaderless.run(1, 3, 2, 2, 10, 2, QuorumRead.NEWEST));
        assertTrue(e.getMessage().contains("down"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Leaderless.plot(List.of()));
    }
}
