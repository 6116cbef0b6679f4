package sdx.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real handshakes on loopback, trust failures, bytes on the wire, the simulated flows, and bad input. */
class TlsTest {

    @Test
    void negotiatesBothVersionsAndShowsTheChain() {
        Negotiated n = Tls.handshakes(42);
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), n.connections().stream().map(Connection::protocol).toList());
        for (Connection c : n.connections()) {
            assertEquals("HTTP/1.1 200 OK", c.statusLine());
            assertEquals(2, c.chain().size(), "leaf and root");
            assertEquals(List.of(Tls.HOST), Trust.dnsNames(c.chain().get(0)));
        }
        assertTrue(n.connections().get(0).cipherSuite().startsWith("TLS_AES_"), "a TLS 1.3 suite names no key exchange");
        assertTrue(n.connections().get(1).cipherSuite().startsWith("TLS_ECDHE_"), "TLS 1.2 with forward secrecy");
        assertEquals(2, n.chain().rowCount());
    }

    @Test
    void sameSeedSameCertificates() throws Exception {
        var a = CertificateAuthority.create("Course Root CA", 7);
        var b = CertificateAuthority.create("Course Root CA", 7);
        assertArrayEquals(a.certificate().getEncoded(), b.certificate().getEncoded());
        assertArrayEquals(a.issue(Tls.HOST).leaf().getEncoded(), b.issue(Tls.HOST).leaf().getEncoded());
        var c = CertificateAuthority.create("Course Root CA", 8);
        assertFalse(java.util.Arrays.equals(a.certificate().getEncoded(), c.certificate().getEncoded()));
    }

    @Test
    void eachTrustFailureHasItsReason() {
        TrustFailures t = Tls.trustFailures(42);
        assertEquals("connected", t.get("valid").outcome());
        for (String name : List.of("expired", "not yet valid", "wrong host name", "unknown CA", "self-signed")) {
            assertEquals("SSLHandshakeException", t.get(name).outcome(), name);
        }
        assertTrue(t.get("expired").reason().contains("NotAfter"), t.get("expired").reason());
        assertTrue(t.get("not yet valid").reason().contains("NotBefore"), t.get("not yet valid").reason());
        assertTrue(t.get("wrong host name").reason().contains("No subject alternative DNS name matching shop.example"));
        assertTrue(t.get("unknown CA").reason().contains("unable to find valid certification path"));
        assertEquals(t.get("unknown CA").reason(), t.get("self-signed").reason(), "the JDK does not tell them apart");
        assertFalse(t.table().toString().contains("sun.security"), "condensed: no internal class names");
    }

    @Test
    void bytesOnTheWireAreRepeatableAndResumptionSkipsTheCertificate() throws Exception {
        WireBytes a = Tls.wire(42), b = Tls.wire(42);
        assertEquals(a.rows(), b.rows(), "Ed25519 keys and signatures have fixed sizes: same seed, same bytes");
        // A resumed TLS 1.3 server sends no Certificate and CertificateVerify: its bytes drop by at least the
        // leaf certificate's size; a TLS 1.2 resumed server sends no Certificate, ServerKeyExchange.
        long leaf = Tls.courseCa(42).issue(Tls.HOST).leaf().getEncoded().length;
        for (String v : List.of("TLS 1.3", "TLS 1.2")) {
            long full = a.get(v + " full").toClient(), resumed = a.get(v + " resumed").toClient();
            assertTrue(full - resumed >= leaf, v + ": " + full + " vs " + resumed);
            // ...while the client's ClientHello carries the ~1 KB ticket instead
            assertTrue(a.get(v + " resumed").toServer() > a.get(v + " full").toServer() + 500);
        }
        assertTrue(a.records().get("TLS 1.3 resumed").stream().anyMatch(r -> r.content().contains("accepts resumption")));
        assertTrue(a.records().get("TLS 1.2 full").stream().anyMatch(r -> r.content().equals("Certificate")),
                "TLS 1.2 sends the certificate in the clear");
        assertTrue(a.records().get("TLS 1.3 full").stream().noneMatch(r -> r.content().contains("Certificate")),
                "TLS 1.3 encrypts it");
    }

    @Test
    void resumedHandshakesAreResumedAndCheaper() {
        HandshakeCost c = Tls.cost(5, 42);
        assertEquals("5 of 5", c.get("TLS 1.3 resumed").resumed());
        assertEquals("5 of 5", c.get("TLS 1.2 resumed").resumed());
        assertEquals(5, c.table().rowCount());
    }

    /**
     * The simulated flow against the round-trip count of RFC 8446 / RFC 5246: 1 (TCP) + the handshake's + 1
     * (request, response). Each flight's last message leaves (n - 1) gaps after its first, and at most 15
     * messages go, so the simulation can be at most 15 gaps later than the count, never earlier.
     */
    @Test
    void flowsTakeTheRoundTripsTheRfcsSay() {
        for (HandshakeFlow.Kind k : HandshakeFlow.Kind.values()) {
            for (double rtt : new double[] {10, 50, 200}) {
                FlowRun r = HandshakeFlow.run(k, rtt);
                double theory = r.roundTrips() * rtt;
                double late = r.firstResponseMillis() - theory;
                assertTrue(late >= 0 && late <= 15 * HandshakeFlow.GAP_MICROS / 1000.0, k + " at " + rtt + ": " + late);
            }
        }
        assertEquals(3, HandshakeFlow.run(HandshakeFlow.Kind.TLS13, 40).roundTrips());
        assertEquals(4, HandshakeFlow.run(HandshakeFlow.Kind.TLS12, 40).roundTrips());
        assertTrue(HandshakeFlow.run(HandshakeFlow.Kind.TLS13, 40).diagram().altText().contains("3 round trips"));
    }

    @Test
    void curveHasAPointAndATheoryLinePerKind() {
        FlowCurve c = HandshakeFlow.curve(20, 100);
        assertEquals(2 * HandshakeFlow.Kind.values().length, c.plot().seriesCount());
        assertEquals(2, c.table().rowCount());
        assertEquals(HandshakeFlow.run(HandshakeFlow.Kind.TLS12, 100).firstResponseMillis(),
                c.measured().get(HandshakeFlow.Kind.TLS12)[1]);
    }

    @Test
    void labelsMarkEncryptedMessagesAsRfc8446Does() {
        assertEquals("{Certificate}", FlowDiagram.label(new HandshakeFlow.Certificate(), HandshakeFlow.Kind.TLS13));
        assertEquals("Certificate", FlowDiagram.label(new HandshakeFlow.Certificate(), HandshakeFlow.Kind.TLS12));
        assertEquals("ServerHello", FlowDiagram.label(new HandshakeFlow.ServerHello(), HandshakeFlow.Kind.TLS13));
        assertEquals("HttpRequest", FlowDiagram.label(new HandshakeFlow.HttpRequest(), HandshakeFlow.Kind.PLAIN_TCP));
    }

    @Test
    void nothingLeftRunning() {
        Tls.handshakes(1);
        Tls.wire(1);
        assertTrue(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .noneMatch(n -> n.startsWith("sdx-tls") || n.startsWith("sdx-wiretap")), "threads left behind");
    }

    @Test
    void badInputIsNamed() {
        assertMessage("rounds must be in [1, 500], was 0", () -> Tls.cost(0, 1));
        assertMessage("protocol", () -> TlsServer.start(Tls.courseCa(1).issue(Tls.HOST), "SSLv3"));
        assertMessage("port must be in [1, 65535], was 0",
                () -> Tls.connect(Tls.clientTrusting(Tls.courseCa(1).certificate()), 0, Tls.HOST, "TLSv1.3"));
        assertMessage("host", () -> Tls.courseCa(1).issue("Shop Example"));
        assertMessage("untilDay", () -> Tls.courseCa(1).issue(Tls.HOST, 10, 5));
        assertMessage("name", () -> CertificateAuthority.create("CN=evil, O=x", 1));
        assertMessage("rttMillis", () -> HandshakeFlow.run(HandshakeFlow.Kind.TLS13, 0));
        assertMessage("targetPort", () -> WireTap.in(70_000));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
