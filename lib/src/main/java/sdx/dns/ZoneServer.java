package sdx.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * A small authoritative DNS server on 127.0.0.1 (UDP, an ephemeral port), answering from one {@link Zone}
 * with the hand-written codec of {@link DnsWire}. It keeps every query and response it saw, as bytes, so a
 * notebook can show exactly what crossed the socket. Use it in try-with-resources: {@link #close} stops
 * its thread and frees the port.
 */
public final class ZoneServer implements AutoCloseable {
    /** One query and the response sent for it, as the bytes on the wire. */
    public record Exchange(byte[] query, byte[] response) {
        /** Copies the arrays. */
        public Exchange {
            query = query.clone();
            response = response.clone();
        }

        @Override
        public byte[] query() {
            return query.clone();
        }

        @Override
        public byte[] response() {
            return response.clone();
        }
    }

    private final Zone zone;
    private final DatagramSocket socket;
    private final Thread thread;
    private final List<Exchange> exchanges = new ArrayList<>();
    private volatile boolean open = true;

    private ZoneServer(Zone zone) throws SocketException {
        this.zone = zone;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setSoTimeout(50);
        this.thread = new Thread(this::serve, "dns-zone-server-" + socket.getLocalPort());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts a server for {@code zone} on 127.0.0.1 and an ephemeral UDP port. */
    public static ZoneServer start(Zone zone) {
        Check.notNull("zone", zone);
        try {
            return new ZoneServer(zone);
        } catch (SocketException e) {
            throw new UncheckedIOException("could not open a UDP socket on 127.0.0.1", e);
        }
    }

    /** The UDP port it listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    /** The queries answered so far, oldest first. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Answers one query (also usable without a socket, e.g. in tests); null means: send nothing. */
    public byte[] answer(byte[] query) {
        Header h;
        try {
            h = DnsWire.header(query);
        } catch (IllegalArgumentException tooShort) {
            return null; // not even a header: nothing to reply to (RFC 1035 gives no way to answer)
        }
        if (h.qr()) return null; // a response sent to a server: ignore
        if (h.opcode() != 0) return DnsWire.error(h, Zone.NOTIMP);
        if (h.qdcount() != 1) return DnsWire.error(h, Zone.FORMERR);
        DnsWire.Question q;
        try {
            q = DnsWire.question(query);
        } catch (IllegalArgumentException malformed) {
            return DnsWire.error(h, Zone.FORMERR);
        }
        RecordType type = RecordType.ofCode(q.type());
        if (q.qclass() != DnsWire.IN || type == null) return DnsWire.error(h, Zone.NOTIMP);
        return DnsWire.response(h, q, zone.answer(q.name(), type));
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (open) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException idle) {
                continue;
            } catch (IOException closed) {
                return;
            }
            byte[] query = java.util.Arrays.copyOf(in.getData(), in.getLength());
            byte[] response;
            try {
                response = answer(query);
            } catch (RuntimeException bug) { // never let one bad query stop the server: answer SERVFAIL
                response = DnsWire.error(DnsWire.header(query), Zone.SERVFAIL);
            }
            if (response == null) continue;
            synchronized (this) {
                exchanges.add(new Exchange(query, response));
            }
            try {
                socket.send(new DatagramPacket(response, response.length, in.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Stops the server: closes the socket and waits for its thread to end. */
    @Override
    public void close() {
        open = false;
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
