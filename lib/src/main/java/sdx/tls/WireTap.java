package sdx.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import sdx.core.Check;
import sdx.core.DaemonThreads;

/**
 * A loopback TCP relay that sees every byte between a client and a server, like an observer on the network
 * path: clients connect to {@link #port()}, the tap connects on to the target port and copies bytes both
 * ways, counting them and splitting them into TLS records (the 5-byte record header is never encrypted).
 * It reads what is in the clear: the handshake messages before encryption starts, and the extensions of
 * ClientHello and ServerHello. So it can tell a resumed session: in TLS 1.3 ServerHello carries
 * {@code pre_shared_key} (RFC 8446 section 4.2.11); in TLS 1.2 the server sends no Certificate. One connection at a time, on daemon threads
 * ({@code sdx-wiretap-N}); close it and they end.
 */
public final class WireTap implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 5_000;

    private final ServerSocket listener;
    private final int target;
    private final Thread acceptor;
    private final List<TlsRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> resumed = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong toServer = new AtomicLong();
    private final AtomicLong toClient = new AtomicLong();

    private WireTap(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
        this.acceptor = DaemonThreads.named("sdx-wiretap").newThread(this::serve);
        acceptor.start();
    }

    /** A tap in front of the server listening on 127.0.0.1:{@code targetPort}. */
    public static WireTap in(int targetPort) {
        Check.inRange("targetPort", targetPort, 1, 65_535);
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            return new WireTap(s, targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("could not open the tap's port: " + e.getMessage(), e);
        }
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept();
                 Socket server = new Socket()) {
                client.setSoTimeout(TIMEOUT_MILLIS);
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), TIMEOUT_MILLIS);
                server.setSoTimeout(TIMEOUT_MILLIS);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                java.util.concurrent.atomic.AtomicBoolean tls13 = new java.util.concurrent.atomic.AtomicBoolean();
                Parser up = new Parser(true, tls13), down = new Parser(false, tls13);
                Thread back = DaemonThreads.named("sdx-wiretap-down").newThread(
                        () -> pump(server, client, down, toClient));
                back.start();
                pump(client, server, up, toServer);
                back.join(TIMEOUT_MILLIS);
                resumed.add(down.resumed());
            } catch (IOException e) {
                if (listener.isClosed()) return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, Parser parser, AtomicLong counter) {
        byte[] buf = new byte[16_384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                counter.addAndGet(n);
                parser.feed(buf, n);
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed or reset: the copy in this direction is over
        }
    }

    /** Splits one direction's bytes into records and names what is readable. */
    private final class Parser {
        private final boolean fromClient;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean encrypted;
        private final java.util.concurrent.atomic.AtomicBoolean tls13;
        private volatile boolean psk;
        private volatile boolean certificate;

        /**
         * Whether the server resumed a session: in TLS 1.3 its ServerHello accepts a pre-shared key; in
         * TLS 1.2 (RFC 5077 / RFC 5246 abbreviated handshake) it sends no Certificate message.
         */
        boolean resumed() {
            return tls13.get() ? psk : !certificate;
        }

        /** {@code tls13} is shared by both directions: the server's ServerHello sets it. */
        Parser(boolean fromClient, java.util.concurrent.atomic.AtomicBoolean tls13) {
            this.fromClient = fromClient;
            this.tls13 = tls13;
        }

        void feed(byte[] data, int n) {
            pending.write(data, 0, n);
            byte[] b = pending.toByteArray();
            int at = 0;
            while (b.length - at >= 5) {
                int length = ((b[at + 3] & 0xff) << 8) | (b[at + 4] & 0xff);
                if (b.length - at < 5 + length) break;
                records.add(record(b[at] & 0xff, b, at + 5, length));
                at += 5 + length;
            }
            pending.reset();
            pending.write(b, at, b.length - at);
        }

        private TlsRecord record(int type, byte[] b, int from, int length) {
            String name = switch (type) {
                case 20 -> "change_cipher_spec";
                case 21 -> "alert";
                case 22 -> "handshake";
                case 23 -> "application_data";
                default -> "type " + type;
            };
            String content;
            if (type == 20) {
                content = tls13.get() ? "does nothing: sent for old middleboxes (RFC 8446, D.4)"
                        : "from here on, this side encrypts";
                encrypted = true;
            } else if (type == 22 && !encrypted) {
                content = Handshakes.describe(b, from, length);
                if (!fromClient) {
                    List<Integer> hello = Handshakes.serverHelloExtensions(b, from, length);
                    if (hello != null) {
                        tls13.set(hello.contains(Handshakes.SUPPORTED_VERSIONS));
                        psk = hello.contains(Handshakes.PRE_SHARED_KEY);
                    }
                    if (content.contains("Certificate")) certificate = true;
                }
            } else {
                content = "encrypted";
            }
            return new TlsRecord(fromClient, name, 5 + length, content);
        }
    }

    /** The port clients connect to (127.0.0.1). */
    public int port() {
        return listener.getLocalPort();
    }

    /** Every record seen so far, in the order seen within each direction. */
    public List<TlsRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Bytes relayed from clients to the server. */
    public long bytesToServer() {
        return toServer.get();
    }

    /** Bytes relayed from the server to clients. */
    public long bytesToClient() {
        return toClient.get();
    }

    /** For each finished connection, whether the server accepted a pre-shared key (a resumed session). */
    public List<Boolean> resumptions() {
        synchronized (resumed) {
            return List.copyOf(resumed);
        }
    }

    /**
     * Waits (up to 5 s) until {@code count} connections have finished passing through, so their records
     * and bytes are all counted; a client returns a moment before the tap has seen its last byte.
     */
    public WireTap awaitConnections(int count) {
        Check.atLeast("count", count, 0);
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (resumed.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Check.that(resumed.size() >= count, "count", count, "connections did not finish within 5 s (saw "
                + resumed.size() + ")");
        return this;
    }

    /** Forgets what was seen so far (counters, records). */
    public void reset() {
        records.clear();
        resumed.clear();
        toServer.set(0);
        toClient.set(0);
    }

    @Override
    public void close() {
        try {
            listener.close();
            acceptor.join(TIMEOUT_MILLIS);
        } catch (IOException e) {
            // nothing left to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
