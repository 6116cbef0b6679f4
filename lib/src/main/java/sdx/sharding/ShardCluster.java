package sdx.sharding;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.core.Trace;

/**
 * A real, small sharded service on loopback: N shard servers and one reverse proxy in front of them, all
 * JDK {@code com.sun.net.httpserver.HttpServer}s bound to 127.0.0.1 on ephemeral ports. A client sends
 * {@code GET /key/{k}} to the proxy; the proxy asks its {@link Partitioner} which shard owns k and forwards
 * the request with {@code java.net.http.HttpClient}; the shard answers {@code shard=i key=k}. Each shard
 * counts the requests it really served.
 *
 * <pre>{@code
 * try (var cluster = ShardCluster.start(ModHashPartitioner.of(4))) {
 *     ProxyRun run = cluster.run(Workloads.zipf(10_000, 1.0, 2_000, 42));
 * }
 * }</pre>
 *
 * The JDK server's TCP_NODELAY switch ({@code sun.net.httpserver.nodelay}) is turned on when this class
 * loads, unless already set, so responses are not held back by Nagle's algorithm.
 *
 * <p>Closing stops every server and thread pool. JDK 17's HttpClient has no {@code close()}: its selector
 * thread (a daemon) ends within about 3 s once the client is unreachable, so {@link #close()} drops it
 * and asks for a garbage collection; on JDK 21+ the client is closed directly.
 */
public final class ShardCluster implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits
        // for the client's delayed ACK (~40 ms per request). Real proxies set TCP_NODELAY too.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private final Partitioner partitioner;
    private final List<HttpServer> shards = new ArrayList<>();
    private final AtomicLongArray served;
    private final HttpServer proxy;
    private final ExecutorService shardPool, proxyPool, clientPool;
    private HttpClient client;
    private boolean closed;

    private ShardCluster(Partitioner partitioner) throws IOException {
        this.partitioner = partitioner;
        int id = IDS.incrementAndGet();
        int n = partitioner.shards();
        served = new AtomicLongArray(n);
        shardPool = Executors.newFixedThreadPool(2, daemon("sdx-shard-" + id));
        proxyPool = Executors.newFixedThreadPool(2, daemon("sdx-proxy-" + id));
        clientPool = Executors.newFixedThreadPool(2, daemon("sdx-client-" + id));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        for (int i = 0; i < n; i++) {
            HttpServer s = HttpServer.create(loopback, 0);
            int shard = i;
            s.createContext("/key/", ex -> serveShard(ex, shard));
            s.setExecutor(shardPool);
            s.start();
            shards.add(s);
        }
        proxy = HttpServer.create(loopback, 0);
        proxy.createContext("/key/", this::serveProxy);
        proxy.setExecutor(proxyPool);
        proxy.start();
    }

    /**
     * Starts {@code partitioner.shards()} shard servers and a proxy that routes by {@code partitioner}.
     * Use in try-with-resources.
     */
    public static ShardCluster start(Partitioner partitioner) {
        Check.notNull("partitioner", partitioner);
        Check.inRange("shards", partitioner.shards(), 1, 64);
        try {
            return new ShardCluster(partitioner);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the loopback cluster", e);
        }
    }

    /** The proxy's address, e.g. http://127.0.0.1:54321. */
    public URI proxyUri() {
        return uri(proxy);
    }

    /** The shard servers' addresses. */
    public List<URI> shardUris() {
        return shards.stream().map(ShardCluster::uri).toList();
    }

    /** One GET /key/{key} through the proxy; returns the body, e.g. "shard=2 key=17". */
    public String get(int key) {
        checkOpen();
        Check.atLeast("key", key, 0);
        return send(proxyUri().resolve("/key/" + key)).body();
    }

    /**
     * Sends every key of {@code trace} through the proxy, one request after another, after 100 warm-up
     * requests (not counted). Records client-side latency and each shard's own count of served requests.
     */
    public ProxyRun run(Trace trace) {
        checkOpen();
        Check.notNull("trace", trace);
        for (int i = 0; i < 100; i++) get(i % trace.keySpace());
        for (int s = 0; s < served.length(); s++) served.set(s, 0);
        Latency latency = new Latency("via proxy, " + partitioner.name());
        int errors = 0;
        URI base = proxyUri();
        for (int k : trace.keys()) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(base.resolve("/key/" + k));
            latency.record((System.nanoTime() - t0) / 1_000);
            if (r.statusCode() != 200 || !r.body().endsWith(" key=" + k)) errors++;
        }
        long[] counts = new long[served.length()];
        for (int s = 0; s < counts.length; s++) counts[s] = served.get(s);
        return new ProxyRun(partitioner.name() + ", " + trace.name(), counts, latency.summary(), errors);
    }

    private HttpResponse<String> send(URI uri) {
        try {
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + uri, e);
        }
    }

    private void serveShard(HttpExchange ex, int shard) throws IOException {
        try (ex) {
            int key = keyOf(ex);
            if (key < 0) {
                reply(ex, 400, "bad key");
                return;
            }
            served.incrementAndGet(shard);
            reply(ex, 200, "shard=" + shard + " key=" + key);
        }
    }

    private void serveProxy(HttpExchange ex) throws IOException {
        try (ex) {
            int key = keyOf(ex);
            if (key < 0) {
                reply(ex, 400, "bad key");
                return;
            }
            int shard;
            synchronized (partitioner) { // a stateful partitioner (two choices) counts its routing
                shard = partitioner.shardOf(key);
            }
            try {
                HttpResponse<String> r = send(uri(shards.get(shard)).resolve("/key/" + key));
                ex.getResponseHeaders().add("X-Shard", String.valueOf(shard));
                reply(ex, r.statusCode(), r.body());
            } catch (RuntimeException e) {
                reply(ex, 502, "shard " + shard + " unreachable");
            }
        }
    }

    private static int keyOf(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        try {
            int k = Integer.parseInt(path.substring("/key/".length()));
            return k < 0 ? -1 : k;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static URI uri(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("this cluster is closed");
    }

    /** Stops the proxy, the shards and every thread pool. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        proxy.stop(0);
        for (HttpServer s : shards) s.stop(0);
        for (ExecutorService pool : List.of(proxyPool, shardPool, clientPool)) pool.shutdownNow();
        try {
            for (ExecutorService pool : List.of(proxyPool, shardPool, clientPool)) pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HttpClient c = client;
        client = null;
        if (c instanceof AutoCloseable closeable) { // JDK 21+
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a client cannot fail in a way worth reporting here
            }
        } else {
            c = null;
            System.gc(); // lets JDK 17's HttpClient selector thread notice it is unreachable and exit
        }
    }
}
