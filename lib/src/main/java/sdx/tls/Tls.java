package sdx.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import sdx.core.Check;

/**
 * Notebook 04's experiments: real TLS 1.3 and 1.2 connections on 127.0.0.1 with the JDK's TLS stack and
 * certificates made in memory ({@link CertificateAuthority}), trust failures made on purpose, handshake
 * costs and bytes on the wire, and the TLS 1.3 message flow on the simulator.
 *
 * <pre>{@code
 * Tls.handshakes(42).table()          // TLS 1.3 and 1.2: version, cipher suite, chain
 * Tls.trustFailures(42).table()       // expired, wrong host, unknown CA, self-signed: the JDK's reasons
 * Tls.cost(30, 42).table()            // timing: TCP connect vs full vs resumed handshakes
 * Tls.wire(42).table()                // bytes and records on the wire
 * HandshakeFlow.tls13(40).diagram()   // the message flow, 40 ms round trip
 * }</pre>
 */
public final class Tls {
    private Tls() {}

    /** The protocol versions the course uses. SSL 2.0/3.0 and TLS 1.0/1.1 are obsolete (RFC 7568, RFC 8996). */
    public static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2");
    /** The host name every course certificate is issued for (".example" is reserved, RFC 2606). */
    public static final String HOST = "shop.example";
    private static final int TIMEOUT_MILLIS = 5_000;

    /** Validates protocol names; none given means both {@link #VERSIONS}. */
    static String[] protocols(String... protocols) {
        Check.notNull("protocols", protocols);
        if (protocols.length == 0) return VERSIONS.toArray(new String[0]);
        for (String p : protocols) {
            Check.that(VERSIONS.contains(p), "protocol", p, "must be one of " + VERSIONS
                    + " (SSL 3.0 and TLS 1.0/1.1 are obsolete and disabled in the JDK)");
        }
        return protocols.clone();
    }

    /** An in-memory trust store (PKCS12) holding these root certificates. */
    public static KeyStore trustStore(X509Certificate... roots) {
        Check.notNull("roots", roots);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < roots.length; i++) ks.setCertificateEntry("root-" + i, Check.notNull("roots[" + i + "]", roots[i]));
            return ks;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build an in-memory trust store", e);
        }
    }

    /**
     * A client context that trusts exactly these roots (and not the JDK's default CAs), validating
     * chains with the JDK's PKIX trust manager.
     */
    public static SSLContext clientTrusting(X509Certificate... roots) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore(roots));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not build the client context", e);
        }
    }

    /**
     * Connects to 127.0.0.1:{@code port} as a client of {@code host}: TCP connect, TLS handshake (with
     * host-name checking, as HTTPS does), one request, the whole response read (so a TLS 1.3 session ticket
     * is received), close. Throws the JDK's {@link javax.net.ssl.SSLException} if the handshake fails.
     */
    public static Connection connect(SSLContext client, int port, String host, String protocol) throws IOException {
        Check.notNull("client", client);
        Check.inRange("port", port, 1, 65_535);
        CertificateAuthority.checkHost("host", host);
        String[] versions = protocols(protocol);
        long t0 = System.nanoTime();
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            raw.setSoTimeout(TIMEOUT_MILLIS);
            raw.setTcpNoDelay(true); // as browsers do: no Nagle delay on small handshake records
        } catch (IOException e) {
            raw.close();
            throw e;
        }
        long t1 = System.nanoTime();
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(raw, host, port, true)) {
            SSLParameters params = s.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            params.setProtocols(versions);
            s.setSSLParameters(params);
            s.startHandshake();
            long t2 = System.nanoTime();
            String request = "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String response = readAll(s.getInputStream());
            var session = s.getSession();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) chain.add((X509Certificate) c);
            return new Connection(host, session.getProtocol(), session.getCipherSuite(), chain,
                    response.lines().findFirst().orElse(""), t1 - t0, t2 - t1, HexFormat.of().formatHex(session.getId()));
        }
    }

    /** The course CA for {@code seed} ("Course Root CA"). */
    public static CertificateAuthority courseCa(long seed) {
        return CertificateAuthority.create("Course Root CA", seed);
    }

    /**
     * A TLS 1.3 and a TLS 1.2 handshake with a server presenting a certificate for {@link #HOST} from the
     * course CA, by a client that trusts that CA only.
     */
    public static Negotiated handshakes(long seed) {
        CertificateAuthority ca = courseCa(seed);
        SSLContext client = clientTrusting(ca.certificate());
        List<Connection> out = new ArrayList<>();
        try (TlsServer server = TlsServer.start(ca.issue(HOST))) {
            for (String v : VERSIONS) out.add(connect(client, server.port(), HOST, v));
        } catch (IOException e) {
            throw new IllegalStateException("a handshake on loopback failed: " + reason(e), e);
        }
        return new Negotiated(out);
    }

    /**
     * Trust failures made on purpose: a valid certificate (the control), then an expired one, one not yet
     * valid, one for another host name, one from an unknown CA and a self-signed one; each presented by a
     * real server to a client that trusts the course CA and checks host names.
     */
    public static TrustFailures trustFailures(long seed) {
        CertificateAuthority ca = courseCa(seed);
        CertificateAuthority stranger = CertificateAuthority.create("Unknown Root CA", seed + 1);
        SSLContext client = clientTrusting(ca.certificate());
        List<TrustFailures.Case> cases = new ArrayList<>();
        cases.add(attempt(client, "valid", "for " + HOST + ", course CA, valid now", ca.issue(HOST)));
        cases.add(attempt(client, "expired", "expired 35 days ago", ca.issue(HOST, -400, -35)));
        cases.add(attempt(client, "not yet valid", "valid from 30 days ahead", ca.issue(HOST, 30, 400)));
        cases.add(attempt(client, "wrong host name", "for other.example", ca.issue("other.example")));
        cases.add(attempt(client, "unknown CA", "signed by a CA the client does not trust", stranger.issue(HOST)));
        cases.add(attempt(client, "self-signed", "signed by its own key", CertificateAuthority.selfSigned(HOST, seed)));
        return new TrustFailures(cases);
    }

    private static TrustFailures.Case attempt(SSLContext client, String name, String what, ServerIdentity id) {
        try (TlsServer server = TlsServer.start(id)) {
            Connection c = connect(client, server.port(), HOST, "TLSv1.3");
            return new TrustFailures.Case(name, what, "connected", c.protocol() + ", " + c.statusLine());
        } catch (IOException e) {
            return new TrustFailures.Case(name, what, e.getClass().getSimpleName(), reason(e));
        }
    }

    /** Unmeasured connections of each kind before {@link #cost} measures (class loading, JIT compilation). */
    public static final int WARM_UP = 10;

    /** The kinds of connection {@link #cost} and {@link #wire} measure, in order. */
    static final List<String> KINDS = List.of("TLS 1.3 full", "TLS 1.3 resumed", "TLS 1.2 full", "TLS 1.2 resumed");

    /**
     * Measures, on loopback, {@code rounds} (1..500) connections of each kind after {@link #WARM_UP} warm-up rounds: the
     * TCP connect, and the TLS handshake after it, full (a fresh client session cache each time) and
     * resumed (the same client). Resumption is checked on the wire for 5 connections of each resumed kind.
     */
    public static HandshakeCost cost(int rounds, long seed) {
        Check.inRange("rounds", rounds, 1, 500);
        CertificateAuthority ca = courseCa(seed);
        ServerIdentity id = ca.issue(HOST);
        List<HandshakeCost.Row> rows = new ArrayList<>();
        try (TlsServer server = TlsServer.start(id)) {
            int port = server.port();
            double[] tcp = new double[rounds];
            for (int k = 0; k < KINDS.size(); k++) {
                String version = k < 2 ? "TLSv1.3" : "TLSv1.2";
                boolean resumed = k % 2 == 1;
                SSLContext shared = clientTrusting(ca.certificate());
                if (resumed) connect(shared, port, HOST, version); // the session to resume
                double[] hs = new double[rounds];
                for (int i = -WARM_UP; i < rounds; i++) {
                    SSLContext ctx = resumed ? shared : clientTrusting(ca.certificate());
                    Connection c = connect(ctx, port, HOST, version);
                    if (i >= 0) {
                        hs[i] = c.handshakeNanos() / 1e6;
                        if (k == 0) tcp[i] = c.connectNanos() / 1e6;
                    }
                }
                if (k == 0) rows.add(new HandshakeCost.Row("TCP connect", percentile(tcp, 50), percentile(tcp, 90), ""));
                String checked = resumed ? resumedOnTheWire(ca, port, version) : "";
                rows.add(new HandshakeCost.Row(KINDS.get(k), percentile(hs, 50), percentile(hs, 90), checked));
            }
        } catch (IOException e) {
            throw new IllegalStateException("a handshake on loopback failed: " + reason(e), e);
        }
        return new HandshakeCost(rows, rounds);
    }

    /** Five connections after a first one, through a tap: how many did the server resume? */
    private static String resumedOnTheWire(CertificateAuthority ca, int port, String version) throws IOException {
        try (WireTap tap = WireTap.in(port)) {
            SSLContext ctx = clientTrusting(ca.certificate());
            for (int i = 0; i < 6; i++) connect(ctx, tap.port(), HOST, version);
            List<Boolean> r = tap.awaitConnections(6).resumptions().subList(1, 6);
            return r.stream().filter(b -> b).count() + " of " + r.size();
        }
    }

    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /**
     * Counts the bytes of one request and its response through a {@link WireTap}, for each kind of
     * connection, beside the same request and response without TLS (computed: the bytes the application
     * writes).
     */
    public static WireBytes wire(long seed) {
        CertificateAuthority ca = courseCa(seed);
        List<WireBytes.Row> rows = new ArrayList<>();
        java.util.Map<String, List<TlsRecord>> records = new java.util.LinkedHashMap<>();
        String request = "GET / HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n";
        String response = fmt("HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
                TlsServer.BODY.length(), TlsServer.BODY);
        rows.add(new WireBytes.Row("plain TCP (no TLS)", request.length(), response.length(), 0));
        try (TlsServer server = TlsServer.start(ca.issue(HOST)); WireTap tap = WireTap.in(server.port())) {
            for (int k = 0; k < KINDS.size(); k++) {
                String version = k < 2 ? "TLSv1.3" : "TLSv1.2";
                boolean resume = k % 2 == 1;
                SSLContext ctx = clientTrusting(ca.certificate());
                if (resume) {
                    connect(ctx, tap.port(), HOST, version); // the session to resume
                    tap.awaitConnections(1);
                }
                tap.reset();
                connect(ctx, tap.port(), HOST, version);
                tap.awaitConnections(1);
                if (tap.resumptions().get(0) != resume) {
                    throw new IllegalStateException(KINDS.get(k) + ": the server did " + (resume ? "not " : "")
                            + "resume the session; this JDK's session cache behaves unlike JDK 17's");
                }
                List<TlsRecord> recs = tap.records();
                records.put(KINDS.get(k), recs);
                rows.add(new WireBytes.Row(KINDS.get(k), tap.bytesToServer(), tap.bytesToClient(), recs.size()));
                tap.reset();
            }
        } catch (IOException e) {
            throw new IllegalStateException("a handshake on loopback failed: " + reason(e), e);
        }
        return new WireBytes(rows, records);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * One line for an exception: its message followed by the messages of its causes that add something,
     * with the JDK's internal class prefixes ("sun.security...: ") removed.
     */
    public static String reason(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
            String raw = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            String m = raw.replaceAll("(?:[a-z]+\\.)+[A-Za-z]+(?:Exception|Error): ", "").trim();
            boolean known = parts.stream().anyMatch(p -> p.contains(m));
            if (!known && !m.isEmpty()) parts.add(m);
        }
        return String.join(" ← ", parts);
    }

    static String summary(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
