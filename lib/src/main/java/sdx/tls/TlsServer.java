package sdx.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import sdx.core.Check;
import sdx.core.DaemonThreads;

/**
 * A real TLS server on 127.0.0.1 (an ephemeral port) using the JDK's TLS stack (SunJSSE). It answers each
 * connection's request (bytes up to a blank line, as in HTTP/1.1) with a tiny HTTP response, then closes
 * the connection; connections are served one at a time by one daemon thread ({@code sdx-tls-server-N}).
 * Close it (try-with-resources) and the thread ends. A handshake the client aborts (it did not trust the
 * certificate) is counted in {@link #failedHandshakes()}, never printed.
 */
public final class TlsServer implements AutoCloseable {
    /** The response body every request gets. */
    public static final String BODY = "hello over TLS\n";
    private static final int TIMEOUT_MILLIS = 5_000;

    private final SSLServerSocket socket;
    private final Thread thread;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");

    private TlsServer(SSLServerSocket socket) {
        this.socket = socket;
        this.thread = DaemonThreads.named("sdx-tls-server").newThread(this::serve);
        thread.start();
    }

    /**
     * Starts a server presenting {@code identity}, allowing the given protocol versions ("TLSv1.3",
     * "TLSv1.2"; none given: both).
     */
    public static TlsServer start(ServerIdentity identity, String... protocols) {
        Check.notNull("identity", identity);
        String[] enabled = Tls.protocols(protocols);
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity.keyStore(), ServerIdentity.PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            s.setEnabledProtocols(enabled);
            return new TlsServer(s);
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not start the TLS server: " + e.getMessage(), e);
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (SSLSocket s = (SSLSocket) socket.accept()) {
                s.setSoTimeout(TIMEOUT_MILLIS);
                s.setTcpNoDelay(true); // no Nagle: a flight of small records must not wait for a delayed ACK
                answer(s);
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) return;
                failures.incrementAndGet();
                lastFailure.set(Tls.reason(e));
            }
        }
    }

    private void answer(SSLSocket s) throws IOException {
        s.startHandshake();
        handshakes.incrementAndGet();
        InputStream in = s.getInputStream();
        readRequest(in);
        String response = String.format(Locale.ROOT,
                "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", BODY.length(), BODY);
        OutputStream out = s.getOutputStream();
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads up to and including the blank line that ends an HTTP request head (at most 8 KiB). */
    static void readRequest(InputStream in) throws IOException {
        int matched = 0, total = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && total < 8192) {
            int b = in.read();
            if (b < 0) return;
            total++;
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    /** The port it listens on (127.0.0.1 only). */
    public int port() {
        return socket.getLocalPort();
    }

    /** Handshakes completed so far. */
    public int handshakes() {
        return handshakes.get();
    }

    /** Connections whose handshake (or request) failed so far. */
    public int failedHandshakes() {
        return failures.get();
    }

    /** The server's view of the last failure, in one line ("" if none). */
    public String lastFailure() {
        return lastFailure.get();
    }

    /** Stops accepting, closes the socket and waits for the thread to end. */
    @Override
    public void close() {
        try {
            socket.close();
            thread.join(TIMEOUT_MILLIS);
        } catch (IOException e) {
            // closing a server socket that failed to close: nothing left to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TlsServer[127.0.0.1:" + port() + ", " + handshakes() + " handshakes]";
    }
}
