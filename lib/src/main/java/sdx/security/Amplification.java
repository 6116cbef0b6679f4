package sdx.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sdx.core.Check;
import sdx.net.LoopbackServer;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Amplification: how many bytes a server sends back per byte it receives. Measured on a real exchange over TCP on
 * 127.0.0.1 (a short GET, a large reply; bytes counted at the socket by the client, HTTP headers included, TCP/IP
 * headers not), and set beside the published bandwidth amplification factors of UDP reflection from US-CERT alert
 * TA14-017A ("UDP-Based Amplification Attacks", 2014, revised 2018 to add memcached).
 */
public final class Amplification {
    private Amplification() {}

    /**
     * One measured exchange.
     *
     * @param requestBytes bytes the client sent
     * @param replyBytes   bytes the client received
     */
    public record Exchange(long requestBytes, long replyBytes) {
        /** Bytes out per byte in. */
        public double factor() {
            return (double) replyBytes / requestBytes;
        }
    }

    /** The request the measurement sends, exactly as written to the socket. */
    public static final String REQUEST = "GET /report HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    /** Starts a server answering {@code /report} with a {@code reportBytes}-byte body, sends {@link #REQUEST} and counts. */
    public static Exchange measure(int reportBytes) {
        Check.inRange("reportBytes", reportBytes, 1, 10_000_000);
        String report = "x".repeat(reportBytes);
        try (LoopbackServer server = LoopbackServer.start("amplification", 1, r -> LoopbackServer.Reply.ok(report));
             Socket socket = new Socket(server.uri().getHost(), server.port())) {
            byte[] request = REQUEST.getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            long received = 0;
            byte[] buffer = new byte[8_192];
            for (int n; (n = in.read(buffer)) > 0; ) received += n;
            return new Exchange(request.length, received);
        } catch (IOException e) {
            throw new UncheckedIOException("the amplification exchange failed", e);
        }
    }

    /** The measured exchange beside the published UDP reflection factors. */
    public static Table table(int reportBytes) {
        Exchange e = measure(reportBytes);
        List<String[]> rows = List.of(
                new String[] {"this notebook: GET /report over TCP on 127.0.0.1 (measured)",
                        e.requestBytes() + " B in, " + e.replyBytes() + " B out",
                        String.format(java.util.Locale.ROOT, "%.0f", e.factor()),
                        "no: TCP's handshake must complete first"},
                new String[] {"DNS (open resolvers, ANY queries)", "US-CERT TA14-017A", "28 to 54", "yes (UDP 53)"},
                new String[] {"NTP (monlist command)", "US-CERT TA14-017A", "556.9", "yes (UDP 123)"},
                new String[] {"SSDP", "US-CERT TA14-017A", "30.8", "yes (UDP 1900)"},
                new String[] {"CharGEN", "US-CERT TA14-017A", "358.8", "yes (UDP 19)"},
                new String[] {"memcached (UDP enabled by default until 1.5.6)", "US-CERT TA14-017A (2018 revision)",
                        "10,000 to 51,000", "yes (UDP 11211); GitHub, 28 Feb 2018: 1.35 Tbps"});
        return Table.create("Bytes out per byte in").addColumns(
                StringColumn.create("exchange", rows.stream().map(r -> r[0]).toList()),
                StringColumn.create("source", rows.stream().map(r -> r[1]).toList()),
                StringColumn.create("amplification factor", rows.stream().map(r -> r[2]).toList()),
                StringColumn.create("usable for reflection?", rows.stream().map(r -> r[3]).toList()));
    }
}
