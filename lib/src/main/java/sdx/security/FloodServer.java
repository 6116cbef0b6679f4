package sdx.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import sdx.core.Check;
import sdx.core.DaemonThreads;

/**
 * A small real HTTP/1.1 server on 127.0.0.1 built for the flood experiment, with the four {@link Protection}s.
 * It is written on plain sockets (not {@code sdx.net.LoopbackServer}) because the defences live where that server
 * has no hooks: the accept loop (a connection cap per source address), the queue in front of the workers (bounded,
 * shedding with 503) and the first read of a request (a token bucket per source address, 429).
 *
 * <p>Each connection has a thread that reads one request at a time (HTTP/1.1 without pipelining), hands it to one
 * of {@code workers} worker threads, waits and writes the answer. A request's "work" is a pause of
 * {@code serviceMillis}. A client is its source address: on Linux the whole 127.0.0.0/8 block is loopback, so the
 * experiment's clients bind to 127.0.0.10, 127.0.0.11, ... and the attacker to 127.0.0.66. {@link #close()} stops
 * listening, closes every connection and ends every thread.
 */
public final class FloodServer implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    private final FloodSettings settings;
    private final Protection protection;
    private final ServerSocket listener;
    private final ThreadPoolExecutor workers;
    private final ExecutorService connections;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();
    private final Map<InetAddress, double[]> buckets = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong(), limited = new AtomicLong(), shed = new AtomicLong(),
            refused = new AtomicLong();
    private volatile boolean closed;

    private FloodServer(FloodSettings settings, Protection protection) throws IOException {
        this.settings = settings;
        this.protection = protection;
        int id = IDS.incrementAndGet();
        BlockingQueue<Runnable> queue = protection != Protection.LOAD_SHEDDING ? new LinkedBlockingQueue<>()
                : settings.queueLimit() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queueLimit());
        workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS, queue,
                DaemonThreads.named("sdx-security-flood-" + id + "-worker"));
        workers.prestartAllCoreThreads();
        connections = Executors.newCachedThreadPool(DaemonThreads.named("sdx-security-flood-" + id + "-conn"));
        listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        acceptor = DaemonThreads.named("sdx-security-flood-" + id + "-accept").newThread(this::acceptLoop);
        acceptor.start();
    }

    /** Starts a server with these settings and this protection on 127.0.0.1 (a port the OS picks). */
    public static FloodServer start(FloodSettings settings, Protection protection) {
        Check.notNull("settings", settings);
        Check.notNull("protection", protection);
        try {
            return new FloodServer(settings, protection);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the flood server", e);
        }
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return listener.getLocalPort();
    }

    /** http://127.0.0.1:port */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Requests the workers served (200). */
    public long served() {
        return served.get();
    }

    /** Requests answered 429 (rate limit), 503 (shed) and connections refused, in that order. */
    public long[] rejections() {
        return new long[] {limited.get(), shed.get(), refused.get()};
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;                                    // closed
            }
            InetAddress source = socket.getInetAddress();
            AtomicInteger count = perSource.computeIfAbsent(source, s -> new AtomicInteger());
            if (protection == Protection.CONNECTION_CAP && count.get() >= settings.connectionsPerClient()) {
                refused.incrementAndGet();
                closeQuietly(socket);
                continue;
            }
            count.incrementAndGet();
            open.add(socket);
            try {
                connections.execute(() -> serve(socket, count));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);                      // closing
                return;
            }
        }
    }

    private void serve(Socket socket, AtomicInteger count) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!closed && readHead(in)) {
                out.write(answer(socket.getInetAddress()));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away, or the server is closing
        } finally {
            open.remove(socket);
            count.decrementAndGet();
        }
    }

    private byte[] answer(InetAddress source) {
        if (protection == Protection.RATE_LIMIT && !takeToken(source)) {
            limited.incrementAndGet();
            return reply(429, "Too Many Requests", "Retry-After: 1\r\n", "slow down");
        }
        Future<?> done;
        try {
            done = workers.submit(this::work);
        } catch (RejectedExecutionException e) {
            if (closed) return reply(503, "Service Unavailable", "", "closing");
            shed.incrementAndGet();
            return reply(503, "Service Unavailable", "Retry-After: 1\r\n", "busy");
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reply(503, "Service Unavailable", "", "closing");
        } catch (java.util.concurrent.ExecutionException e) {
            return reply(500, "Internal Server Error", "", "failed");
        }
        served.incrementAndGet();
        return reply(200, "OK", "", "ok");
    }

    private void work() {
        long end = System.nanoTime() + (long) (settings.serviceMillis() * 1e6);
        for (long left; (left = end - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted(); ) {
            LockSupport.parkNanos(left);
        }
    }

    private boolean takeToken(InetAddress source) {
        double[] bucket = buckets.computeIfAbsent(source, s -> new double[] {settings.burst(), System.nanoTime()});
        synchronized (bucket) {
            double now = System.nanoTime();
            bucket[0] = Math.min(settings.burst(), bucket[0] + (now - bucket[1]) / 1e9 * settings.rateLimit());
            bucket[1] = now;
            if (bucket[0] < 1) return false;
            bucket[0] -= 1;
            return true;
        }
    }

    /** Reads one request head (line and headers, no body); false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0, total = 0;
        while (matched < END_OF_HEAD.length) {
            int b = in.read();
            if (b < 0) return false;
            if (++total > 8_192) throw new IOException("request head too long");
            matched = b == END_OF_HEAD[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return true;
    }

    static byte[] reply(int status, String reason, String extraHeaders, String body) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\n" + extraHeaders
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Stops listening, closes every connection and ends every thread. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) closeQuietly(s);
        workers.shutdownNow();
        connections.shutdownNow();
        try {
            acceptor.join(5_000);
            workers.awaitTermination(5, TimeUnit.SECONDS);
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
