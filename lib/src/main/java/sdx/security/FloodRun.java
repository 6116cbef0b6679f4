package sdx.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.DaemonThreads;
import sdx.core.Rng;

/**
 * A bounded flood on a real {@link FloodServer} on 127.0.0.1: legitimate clients (each one connection from its
 * own source address, 127.0.0.10 and up, sending at seeded Poisson times) and one attacker (source 127.0.0.66,
 * {@code attackConnections} connections, paced to {@code attackRate} requests/s in total). Everything stops by
 * itself after {@code seconds} (at most {@link #MAX_SECONDS}): the run then closes every client socket, joins
 * every thread and closes the server. The traffic is bounded in count too: each attacker connection sends at its
 * paced times only (never catching up after a stall), so the attacker sends at most attackRate × seconds requests
 * plus one per connection, and each legitimate client at most one per scheduled send time.
 * Wall-clock results: they differ from run to run and with the load on the machine.
 */
public final class FloodRun {
    private FloodRun() {}

    /** The longest flood a call may ask for, in seconds. */
    public static final double MAX_SECONDS = 3;
    /** The attacker's source address. */
    public static final String ATTACKER = "127.0.0.66";
    /** A legitimate client gives up waiting after this long (then reconnects); the deadline counts as goodput. */
    static final int CLIENT_TIMEOUT_MILLIS = 1_000;
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Floods a server with {@code protection} for {@code seconds} and reports what the legitimate clients got. */
    public static FloodOutcome run(FloodSettings s, Protection protection, double attackRate, double seconds, long seed) {
        Check.notNull("settings", s);
        Check.notNull("protection", protection);
        Check.inRange("attackRate", attackRate, 0.0, 20_000);
        Check.inRange("seconds", seconds, 0.1, MAX_SECONDS);
        try (FloodServer server = FloodServer.start(s, protection)) {
            return new Clients(s, server, protection, attackRate, seconds, seed).go();
        }
    }

    private static final class Clients {
        final FloodSettings s;
        final FloodServer server;
        final Protection protection;
        final double attackRate;
        final long start, end;
        final long seed;
        final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        final AtomicLong legitSent = new AtomicLong(), legitGood = new AtomicLong(), attackServed = new AtomicLong();
        final List<long[]> latencies = new ArrayList<>();

        Clients(FloodSettings s, FloodServer server, Protection protection, double attackRate, double seconds, long seed) {
            this.s = s;
            this.server = server;
            this.protection = protection;
            this.attackRate = attackRate;
            this.seed = seed;
            this.start = System.nanoTime() + 20_000_000L;        // 20 ms for every thread to start
            this.end = start + (long) (seconds * 1e9);
        }

        FloodOutcome go() {
            List<Thread> threads = new ArrayList<>();
            var factory = DaemonThreads.named("sdx-security-flood-client");
            for (int k = 0; k < s.legitClients(); k++) {
                long[] mine = new long[1 + (int) (s.legitRatePerClient() * (end - start) / 1e9 * 2 + 16)];
                latencies.add(mine);
                int client = k;
                threads.add(factory.newThread(() -> legit(client, mine)));
            }
            if (attackRate > 0) {
                for (int k = 0; k < s.attackConnections(); k++) {
                    int conn = k;
                    threads.add(factory.newThread(() -> attack(conn)));
                }
            }
            threads.forEach(Thread::start);
            LockSupport.parkNanos(Math.max(0, end - System.nanoTime()));
            sockets.forEach(Clients::closeQuietly);                 // unblocks every read still waiting
            for (Thread t : threads) {
                try {
                    t.join(CLIENT_TIMEOUT_MILLIS + 2_000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sockets.forEach(Clients::closeQuietly);
            return outcome();
        }

        FloodOutcome outcome() {
            double seconds = (end - start) / 1e9;
            long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a, 1, (int) a[0] + 1)).sorted().toArray();
            double p99 = all.length == 0 ? Double.NaN : all[(int) Math.ceil(0.99 * all.length) - 1] / 1e6;
            long[] r = server.rejections();
            return new FloodOutcome(protection, attackRate, legitSent.get(), legitGood.get(), legitGood.get() / seconds,
                    p99, attackServed.get(), r[0] + r[1] + r[2]);
        }

        /** A legitimate client: Poisson send times; one connection; reconnects after a failure. */
        void legit(int client, long[] mine) {
            UniformRandomProvider rng = Rng.of(seed, client);
            String source = "127.0.0." + (10 + client);
            long next = start;
            Socket socket = null;
            while (true) {
                next += (long) (-Math.log(1 - rng.nextDouble()) / s.legitRatePerClient() * 1e9);
                if (next >= end) break;
                LockSupport.parkNanos(next - System.nanoTime());
                if (System.nanoTime() >= end) break;
                legitSent.incrementAndGet();
                long t0 = System.nanoTime();
                try {
                    if (socket == null) socket = connect(source);
                    int status = exchange(socket);
                    long took = System.nanoTime() - t0;
                    if (status == 200) {
                        if (took <= s.deadlineMillis() * 1e6) legitGood.incrementAndGet();
                        if (mine[0] < mine.length - 1) mine[(int) ++mine[0]] = took;
                    }
                } catch (IOException e) {
                    closeQuietly(socket);
                    socket = null;
                }
            }
            closeQuietly(socket);
        }

        /** One attacker connection: paced to its share of the attack rate; ignores refusals and carries on. */
        void attack(int conn) {
            long interval = (long) (s.attackConnections() / attackRate * 1e9);
            long next = start + conn * interval / s.attackConnections();
            Socket socket = null;
            while (next < end) {
                LockSupport.parkNanos(next - System.nanoTime());
                next = Math.max(next + interval, System.nanoTime() - interval);   // no catch-up burst after a stall
                if (System.nanoTime() >= end) break;
                try {
                    if (socket == null) socket = connect(ATTACKER);
                    if (exchange(socket) == 200) attackServed.incrementAndGet();
                } catch (IOException e) {
                    closeQuietly(socket);
                    socket = null;
                }
            }
            closeQuietly(socket);
        }

        Socket connect(String source) throws IOException {
            Socket socket = new Socket();
            sockets.add(socket);
            if (System.nanoTime() >= end) socket.close();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), CLIENT_TIMEOUT_MILLIS);
            return socket;
        }

        /** Sends one request and reads the answer; returns its status. */
        static int exchange(Socket socket) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST);
            out.flush();
            return readReply(socket.getInputStream());
        }

        static void closeQuietly(Socket s) {
            if (s == null) return;
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /** Reads one HTTP/1.1 reply with a Content-Length body; returns its status. */
    static int readReply(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed");
            head.append((char) b);
            if (head.length() > 8_192) throw new IOException("reply head too long");
        }
        String text = head.toString();
        int status = Integer.parseInt(text.substring(9, 12));
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(line.substring(15).trim());
        }
        for (int i = 0; i < length; i++) if (in.read() < 0) throw new IOException("connection closed");
        return status;
    }
}
