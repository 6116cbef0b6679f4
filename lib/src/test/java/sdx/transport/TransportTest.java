package sdx.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.sim.Time;

class TransportTest {
    static final long SEED = 42;

    @Test
    void checksumOfRfc1071Example() {
        // RFC 1071 section 3's worked example: words 0001 f203 f4f5 f6f7 sum to ddf2 (ones' complement),
        // so the checksum is ~ddf2 = 220d.
        byte[] b = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0x220d, Packets.checksum(b, 0, b.length));
    }

    @Test
    void builtPacketDecodesFieldByFieldAndVerifies() {
        byte[] payload = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] p = Packets.tcpPacket("127.0.0.1", 50_000, "127.0.0.1", 80, 1_000, 0, Packets.SYN, payload);
        assertEquals(40 + payload.length, p.length);
        Packets.Decoded d = Packets.decode(p);
        assertTrue(d.ipChecksumOk() && d.tcpChecksumOk());
        assertEquals(4, d.value("version"));
        assertEquals(p.length, d.value("total length"));
        assertEquals(6, d.value("protocol"));
        assertEquals(0x7f000001L, d.value("source"));
        assertEquals(50_000, d.value("source port"));
        assertEquals(80, d.value("destination port"));
        assertEquals(1_000, d.value("sequence number"));
        assertEquals(Packets.SYN, d.value("flags"));
        assertEquals(new String(payload, StandardCharsets.US_ASCII), new String(d.payload(), StandardCharsets.US_ASCII));
        p[30] ^= 1;  // flip one bit of the TCP header: only the TCP checksum notices
        Packets.Decoded bad = Packets.decode(p);
        assertTrue(bad.ipChecksumOk());
        assertFalse(bad.tcpChecksumOk());
    }

    @Test
    void fragmentsCoverTheDatagramInEightByteUnits() {
        // 4,000 bytes of data on a 1,500 MTU: 1,480 bytes per fragment (a multiple of 8): 1480 + 1480 + 1040.
        List<Packets.Fragment> f = Packets.fragment(4_000, 1_500);
        assertEquals(3, f.size());
        assertEquals(List.of(0, 185, 370), f.stream().map(Packets.Fragment::offsetUnits).toList());
        assertEquals(List.of(1480, 1480, 1040), f.stream().map(Packets.Fragment::payloadBytes).toList());
        assertEquals(List.of(true, true, false), f.stream().map(Packets.Fragment::moreFragments).toList());
        assertEquals(45, Packets.fragment(Packets.IPV4_MAX - 20, 1_500).size(), "65,515 / 1,480 = 44.3, rounded up");
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Packets.tcpPacket("127.0.0.1", 70_000, "127.0.0.1", 80, 0, 0, 0, new byte[0]));
        assertTrue(e.getMessage().contains("srcPort"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Packets.tcpPacket("127.0.0.1", 1, "127.0.0.1", 80, 0, 0, 0, new byte[65_500]));
        assertTrue(e.getMessage().contains("payload.length") && e.getMessage().contains("65535"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Transport.arq(Transport.Protocol.GO_BACK_N, Transport.Link.typical(), 1.5, 10, 1));
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Packets.tcpPacket("300.0.0.1", 1, "127.0.0.1", 80, 0, 0, 0, new byte[0]));
        assertTrue(e.getMessage().contains("src"), e.getMessage());
    }

    @Test
    void handshakeWithoutFaultsTakesOneAndAHalfRoundTrips() {
        var r = Transport.handshake(Transport.Fault.NONE, 100, SEED);
        // 20 ms each way: the client is ESTABLISHED after one RTT (40 ms), the server after 1.5 RTT (60 ms).
        assertEquals(Time.ms(40), r.client().establishedAt());
        assertEquals(Time.ms(60), r.server().establishedAt());
        assertEquals(TcpState.CLOSED, r.client().state());
        assertEquals(TcpState.CLOSED, r.server().state());
        assertEquals(0, r.client().retransmissions() + r.server().retransmissions());
    }

    @Test
    void lostSynIsResentAfterOneSecondAndLostSynAcksBackOff() {
        var lostSyn = Transport.handshake(Transport.Fault.LOST_SYN, 0, SEED);
        assertEquals(Time.ms(1_040), lostSyn.client().establishedAt(), "RTO 1 s, then one RTT");
        var lostSynAck = Transport.handshake(Transport.Fault.LOST_SYN_ACK, 0, SEED);
        // SYN-ACKs at 20 ms and 1020 ms are lost (the link heals at 1.5 s); the client's SYN retries go at 1 s
        // and 3 s (1 s, then doubled); the reply to the one at 3 s arrives at 3.04 s.
        assertEquals(Time.ms(3_040), lostSynAck.client().establishedAt());
        assertEquals(2, lostSynAck.client().retransmissions());
        var dup = Transport.handshake(Transport.Fault.DUPLICATE_SYN, 0, SEED);
        assertEquals(Time.ms(40), dup.client().establishedAt());
        assertEquals(Time.ms(60), dup.server().establishedAt());
        var lostAck = Transport.handshake(Transport.Fault.LOST_ACK, 0, SEED);
        assertEquals(Time.ms(1_060), lostAck.server().establishedAt(), "SYN-ACK resent at 1.02 s, ACKed again");
    }

    @Test
    void stopAndWaitMatchesItsExactFormula() {
        var link = Transport.Link.typical();
        var c = Transport.arqVsLoss(link, new double[] {0, 0.05, 0.2}, 10, SEED);
        for (int i = 0; i < 3; i++) {
            // The formula is exact in expectation; 3,000 packets leave a random error of about
            // sqrt(q / 3000) relative, under 1% (q = 1 - (1-p)^2 <= 0.36): 0.003 absolute covers it.
            assertEquals(c.stopAndWaitTheory()[i], c.stopAndWait()[i], 0.003, "stop-and-wait at loss " + c.x()[i]);
            // Go-Back-N's formula treats every loss as costing a full round of k packets, which is only
            // approximately true (back-to-back losses share a round; the tail of the transfer is partial):
            // measured within 0.03 of it at p <= 0.2 (largest gap seen: 0.024 at p = 0.05, where the measurement is above).
            assertEquals(c.goBackNTheory()[i], c.goBackN()[i], 0.03, "Go-Back-N at loss " + c.x()[i]);
            // Selective repeat's (1-p)^2 assumes the window never fills; a packet lost twice holds the
            // window's base for two timeouts and stalls it briefly, costing up to 0.035 at p = 0.2.
            assertEquals(c.selectiveRepeatTheory()[i], c.selectiveRepeat()[i], 0.04, "selective repeat at loss " + c.x()[i]);
            assertTrue(c.selectiveRepeat()[i] >= c.goBackN()[i] && c.goBackN()[i] >= c.stopAndWait()[i]);
        }
    }

    @Test
    void windowUtilisationVsRttMatchesTheFormula() {
        var c = Transport.arqVsRtt(Transport.Link.typical(), new double[] {1, 20, 100}, SEED);
        for (int i = 0; i < 3; i++) {
            // No loss: deterministic, off only by the start-up (the first packet's transmission) and the
            // last ACK's half round trip: under 0.5% of a 3,000-packet transfer.
            assertEquals(c.stopAndWaitTheory()[i], c.stopAndWait()[i], 0.005);
            assertEquals(c.goBackNTheory()[i], c.goBackN()[i], 0.005);
            assertEquals(c.selectiveRepeatTheory()[i], c.selectiveRepeat()[i], 0.005);
        }
    }

    @Test
    void aimdFollowsMathis() {
        var m = Transport.mathis(new double[] {0.001, 0.01, 0.05}, 100, 300, SEED);
        for (double r : m.ratio()) {
            // Mathis et al. give C between 0.87 and 1.31 depending on the loss pattern and ACK strategy
            // (sqrt(3/2) = 1.22 for periodic loss, every packet ACKed); our sender sees random loss, and at
            // 5% loss timeouts start to matter: within 20% of the formula.
            assertEquals(1.0, r, 0.2, "measured / Mathis");
        }
        var run = Transport.aimd(0.01, 100, 60, SEED);
        assertTrue(run.halvings() > 10, "the window is cut again and again: " + run.halvings());
        assertEquals(run.delivered(), Transport.aimd(0.01, 100, 60, SEED).delivered(), "same seed, same run");
    }
}
