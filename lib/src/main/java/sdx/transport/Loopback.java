package sdx.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import sdx.core.Check;
import sdx.core.DaemonThreads;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * UDP and TCP on real sockets on 127.0.0.1 (ephemeral ports, closed before returning): the same numbered
 * messages sent flat out to a receiver with a small receive buffer, counted on arrival. What is lost or
 * reordered is measured, not assumed: on loopback the kernel drops datagrams only when the receive
 * buffer is full, so how many are lost depends on this machine's speed and scheduling.
 */
public final class Loopback {
    private Loopback() {}

    /** What one protocol delivered. */
    public record Delivery(String protocol, int sent, int received, int lost, int outOfOrder, int duplicates,
                           int receiveBufferBytes, double millis) {}

    /** Both protocols' deliveries. */
    public record Comparison(Delivery udp, Delivery tcp) {
        /** One row per protocol. */
        public Table table() {
            Table t = Table.create("The same messages over UDP and TCP on 127.0.0.1");
            t.addColumns(StringColumn.create("protocol"), IntColumn.create("sent"), IntColumn.create("received"),
                    IntColumn.create("lost"), IntColumn.create("out of order"), IntColumn.create("duplicates"),
                    IntColumn.create("receive buffer (bytes, as granted)"), DoubleColumn.create("time (ms)"));
            for (Delivery d : new Delivery[] {udp, tcp}) {
                t.stringColumn(0).append(d.protocol());
                t.intColumn(1).append(d.sent());
                t.intColumn(2).append(d.received());
                t.intColumn(3).append(d.lost());
                t.intColumn(4).append(d.outOfOrder());
                t.intColumn(5).append(d.duplicates());
                t.intColumn(6).append(d.receiveBufferBytes());
                t.doubleColumn(7).append(Math.round(d.millis() * 10) / 10.0);
            }
            return t;
        }

        /** One sentence with the counts. */
        public String summary() {
            return String.format(Locale.ROOT, "UDP: %d of %d datagrams arrived (%d lost, %d out of order). "
                            + "TCP: %d of %d messages arrived (%d out of order).",
                    udp.received(), udp.sent(), udp.lost(), udp.outOfOrder(), tcp.received(), tcp.sent(), tcp.outOfOrder());
        }
    }

    /**
     * Sends {@code messages} numbered messages of {@code payloadBytes} each over UDP, then over TCP, to a
     * receiver whose socket receive buffer is set to {@code receiveBufferBytes} (the kernel may round it).
     */
    public static Comparison udpVsTcp(int messages, int payloadBytes, int receiveBufferBytes) {
        Check.inRange("messages", messages, 1, 100_000);
        Check.inRange("payloadBytes", payloadBytes, 4, 1_472);
        Check.inRange("receiveBufferBytes", receiveBufferBytes, 1_024, 1 << 20);
        return new Comparison(udp(messages, payloadBytes, receiveBufferBytes), tcp(messages, payloadBytes, receiveBufferBytes));
    }

    private static Delivery udp(int messages, int payloadBytes, int rcvBuf) {
        ExecutorService pool = Executors.newSingleThreadExecutor(DaemonThreads.named("sdx-udp-receiver"));
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            receiver.setReceiveBufferSize(rcvBuf);
            int granted = receiver.getReceiveBufferSize();
            receiver.setSoTimeout(200);
            long[] lastArrival = new long[1];
            Future<int[]> got = pool.submit(() -> {
                BitSet seen = new BitSet();
                int received = 0, outOfOrder = 0, duplicates = 0, last = -1;
                byte[] buf = new byte[payloadBytes];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                while (received + duplicates < messages) {
                    try {
                        receiver.receive(p);
                    } catch (SocketTimeoutException quiet) {
                        break;  // nothing for 200 ms: the flood is over
                    }
                    lastArrival[0] = System.nanoTime();
                    int n = ByteBuffer.wrap(buf).getInt();
                    if (seen.get(n)) duplicates++;
                    else received++;
                    if (n < last) outOfOrder++;
                    seen.set(n);
                    last = Math.max(last, n);
                }
                return new int[] {received, outOfOrder, duplicates};
            });
            long t0 = System.nanoTime();
            byte[] out = new byte[payloadBytes];
            DatagramPacket p = new DatagramPacket(out, out.length, receiver.getLocalSocketAddress());
            for (int i = 0; i < messages; i++) {
                ByteBuffer.wrap(out).putInt(i);
                sender.send(p);
            }
            int[] r = got.get(30, TimeUnit.SECONDS);
            double ms = (Math.max(lastArrival[0], t0) - t0) / 1e6;  // to the last arrival, not the idle timeout
            return new Delivery("UDP", messages, r[0], messages - r[0], r[1], r[2], granted, ms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("UDP flood failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Delivery tcp(int messages, int payloadBytes, int rcvBuf) {
        ExecutorService pool = Executors.newSingleThreadExecutor(DaemonThreads.named("sdx-tcp-receiver"));
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(rcvBuf);  // set before bind so the accepted socket inherits it
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Future<int[]> got = pool.submit(() -> {
                try (Socket s = server.accept();
                     DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()))) {
                    int received = 0, outOfOrder = 0, expected = 0;
                    byte[] buf = new byte[payloadBytes];
                    for (int i = 0; i < messages; i++) {
                        in.readFully(buf);
                        int n = ByteBuffer.wrap(buf).getInt();
                        if (n != expected) outOfOrder++;
                        expected = n + 1;
                        received++;
                    }
                    return new int[] {received, outOfOrder, s.getReceiveBufferSize()};
                }
            });
            long t0 = System.nanoTime();
            try (Socket c = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(c.getOutputStream()))) {
                byte[] msg = new byte[payloadBytes];
                for (int i = 0; i < messages; i++) {
                    ByteBuffer.wrap(msg).putInt(i);
                    out.write(msg);
                }
                out.flush();
                int[] r = got.get(30, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - t0) / 1e6;
                return new Delivery("TCP", messages, r[0], messages - r[0], r[1], 0, r[2], ms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("TCP transfer failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
