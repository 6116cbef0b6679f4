package sdx.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import sdx.core.Check;
import sdx.core.DaemonThreads;

/**
 * A real layer-4 (TCP) proxy on 127.0.0.1: for each incoming connection it picks a backend in turn (round
 * robin), opens a connection to it, and copies bytes both ways until either side closes. It never parses
 * what it relays — to it an HTTP request is a run of bytes (and under TLS it would be ciphertext) — so it
 * balances connections, not requests, and cannot route by path or header. What it can see is kept:
 * connections and bytes per backend and the first bytes of each connection.
 */
public final class L4Proxy implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final List<URI> backends;
    private final ServerSocket listener;
    private final ThreadFactory threads;
    private final Thread acceptor;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> relays = new ArrayList<>();
    private final AtomicLongArray connections, bytesUp, bytesDown;
    private final List<String> firstBytes = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private volatile boolean closed;

    private L4Proxy(List<URI> backends) throws IOException {
        this.backends = List.copyOf(backends);
        int n = backends.size();
        connections = new AtomicLongArray(n);
        bytesUp = new AtomicLongArray(n);
        bytesDown = new AtomicLongArray(n);
        threads = DaemonThreads.named("sdx-l4proxy-" + IDS.incrementAndGet());
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = threads.newThread(this::acceptLoop);
        acceptor.start();
    }

    /** Starts a TCP proxy in front of {@code backends} (1..64 loopback addresses). Use in try-with-resources. */
    public static L4Proxy start(List<URI> backends) {
        Check.notNull("backends", backends);
        Check.inRange("backends.size()", backends.size(), 1, 64);
        for (URI u : backends) {
            Check.that(u != null && "127.0.0.1".equals(u.getHost()) && u.getPort() > 0, "backend", u,
                    "must be a 127.0.0.1 address with a port");
        }
        try {
            return new L4Proxy(backends);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the L4 proxy", e);
        }
    }

    /** The proxy's address (http:// so that an HTTP client can be pointed at it; it relays any bytes). */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Connections relayed to each backend. */
    public long[] connectionsPerBackend() {
        return toArray(connections);
    }

    /** Bytes relayed from clients to each backend. */
    public long[] bytesToBackends() {
        return toArray(bytesUp);
    }

    /** Bytes relayed from each backend back to clients. */
    public long[] bytesFromBackends() {
        return toArray(bytesDown);
    }

    /** The first bytes of each connection, as the proxy saw them (printable ASCII, other bytes as \xNN). */
    public synchronized List<String> firstBytes() {
        return List.copyOf(firstBytes);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                int b = (int) (next.getAndIncrement() % backends.size());
                Socket server = new Socket(InetAddress.getLoopbackAddress(), backends.get(b).getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                connections.incrementAndGet(b);
                synchronized (this) {
                    if (closed) {
                        client.close();
                        server.close();
                        return;
                    }
                    sockets.add(client);
                    sockets.add(server);
                    int conn = firstBytes.size();
                    firstBytes.add("");
                    relays.add(relay(client, server, b, bytesUp, conn));
                    relays.add(relay(server, client, b, bytesDown, -1));
                }
            } catch (IOException e) {
                if (closed) return;                          // the listener was closed
            }
        }
    }

    private Thread relay(Socket from, Socket to, int backend, AtomicLongArray counter, int record) {
        Thread t = threads.newThread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    if (record >= 0) remember(record, buf, r);
                    out.write(buf, 0, r);
                    out.flush();
                    counter.addAndGet(backend, r);
                }
            } catch (IOException ignored) {
                // one side closed: the relay ends
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
        t.start();
        return t;
    }

    private synchronized void remember(int conn, byte[] buf, int len) {
        StringBuilder sb = new StringBuilder(firstBytes.get(conn));
        for (int i = 0; i < len && sb.length() < 48; i++) {
            int c = buf[i] & 0xff;
            if (c >= 32 && c < 127) sb.append((char) c);
            else sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", c));
        }
        firstBytes.set(conn, sb.toString());
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static long[] toArray(AtomicLongArray a) {
        long[] out = new long[a.length()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i);
        return out;
    }

    /** Stops listening, closes every relayed connection and ends every thread. Idempotent. */
    @Override
    public void close() {
        List<Thread> toJoin;
        synchronized (this) {
            if (closed) return;
            closed = true;
            sockets.forEach(L4Proxy::closeQuietly);
            toJoin = new ArrayList<>(relays);
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        try {
            acceptor.join(2_000);
            for (Thread t : toJoin) t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
