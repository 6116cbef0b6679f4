package sdx.sharding;

import java.net.URI;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import sdx.core.Check;
import sdx.core.Trace;
import sdx.net.LoadGenerator;
import sdx.net.LoadGenerator.LoadSettings;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * A real, small sharded service on loopback: N shard servers and one reverse proxy in front of them, all
 * {@link LoopbackServer}s (JDK HTTP servers bound to 127.0.0.1 on ephemeral ports). A client sends
 * {@code GET /key/{k}} to the proxy; the proxy asks its {@link Router} (any {@link Partitioner}) which shard
 * serves k and forwards
 * the request over a keep-alive {@link LoopbackClient}; the shard answers {@code shard=i key=k}. Each shard
 * counts the requests it really served.
 *
 * <pre>{@code
 * try (var cluster = ShardCluster.start(ModHashPartitioner.of(4))) {
 *     ProxyRun run = cluster.run(Workloads.zipf(10_000, 1.0, 2_000, 42));
 * }
 * }</pre>
 *
 * <p>{@link #run(Trace)} is an open-loop load test ({@link LoadGenerator}): latency is measured from each
 * request's intended send time, so a stall is not hidden. Closing stops every server and thread; if a
 * server fails to start, those already started are closed before the error is thrown.
 */
public final class ShardCluster implements AutoCloseable {
    /** Proxy handlers running at once (the loopback server's pool size). */
    private static final int PROXY_THREADS = 2;

    private final Router partitioner;
    private final Object routeLock = new Object();       // a stateful partitioner (two choices) counts its routing
    private final Object clientLock = new Object();      // the caller's client: one request at a time
    private final List<LoopbackServer> shards;
    private final AtomicLongArray served;
    private final LinkedBlockingQueue<LoopbackClient[]> shardClients = new LinkedBlockingQueue<>();
    private final LoopbackServer proxy;
    private final LoopbackClient client;
    private boolean closed;

    private ShardCluster(Router partitioner) {
        this.partitioner = partitioner;
        int n = partitioner.shards();
        served = new AtomicLongArray(n);
        shards = LoopbackServer.startAll("shard", n, shard -> request -> serveShard(request, shard));
        try {
            for (int t = 0; t < PROXY_THREADS; t++) {
                LoopbackClient[] set = new LoopbackClient[n];
                for (int i = 0; i < n; i++) set[i] = LoopbackClient.to(shards.get(i).uri());
                shardClients.add(set);
            }
            proxy = LoopbackServer.start("proxy", this::serveProxy);
            client = LoopbackClient.to(proxy.uri());
        } catch (RuntimeException | Error e) {
            LoopbackServer.closeAll(shards);
            throw e;
        }
    }

    /**
     * Starts {@code partitioner.shards()} shard servers and a proxy that routes by {@code partitioner}
     * (a {@link Partitioner} or a stateful {@link Router}). Use in try-with-resources.
     */
    public static ShardCluster start(Router partitioner) {
        Check.notNull("partitioner", partitioner);
        Check.inRange("shards", partitioner.shards(), 1, 64);
        return new ShardCluster(partitioner);
    }

    /** The proxy's address, e.g. http://127.0.0.1:54321. */
    public URI proxyUri() {
        return proxy.uri();
    }

    /** The shard servers' addresses. */
    public List<URI> shardUris() {
        return shards.stream().map(LoopbackServer::uri).toList();
    }

    /** One GET /key/{key} through the proxy; returns the body, e.g. "shard=2 key=17". */
    public String get(int key) {
        Check.atLeast("key", key, 0);
        synchronized (clientLock) {
            checkOpen();
            return client.get("/key/" + key).body();
        }
    }

    /** {@link #run(Trace, LoadSettings)} at {@link LoadSettings#defaults()} (2,000 requests/s, 4 connections). */
    public ProxyRun run(Trace trace) {
        return run(trace, LoadSettings.defaults());
    }

    /**
     * Sends every key of {@code trace} through the proxy, open loop at {@code settings}' rate, after 100
     * warm-up requests (not counted). Records latency from each request's intended send time and each
     * shard's own count of served requests.
     */
    public ProxyRun run(Trace trace, LoadSettings settings) {
        checkOpen();
        Check.notNull("trace", trace);
        Check.notNull("settings", settings);
        for (int i = 0; i < 100; i++) get(i % trace.keySpace());
        for (int s = 0; s < served.length(); s++) served.set(s, 0);
        int[] keys = trace.keys();
        var result = LoadGenerator.run("via proxy, " + partitioner.name(), proxy.uri(), keys.length,
                i -> "/key/" + keys[i], settings, (i, r) -> r.status() == 200 && r.body().endsWith(" key=" + keys[i]));
        long[] counts = new long[served.length()];
        for (int s = 0; s < counts.length; s++) counts[s] = served.get(s);
        return new ProxyRun(partitioner.name() + ", " + trace.name(), counts, result.latency(), (int) result.errors());
    }

    private Reply serveShard(Request request, int shard) {
        int key = keyOf(request);
        if (key < 0) return Reply.of(400, "bad key");
        served.incrementAndGet(shard);
        return Reply.ok("shard=" + shard + " key=" + key);
    }

    private Reply serveProxy(Request request) throws InterruptedException {
        int key = keyOf(request);
        if (key < 0) return Reply.of(400, "bad key");
        int shard;
        synchronized (routeLock) {
            shard = partitioner.route(key);
        }
        LoopbackClient[] clients = shardClients.take();
        try {
            LoopbackClient.Response r = clients[shard].get("/key/" + key);
            return Reply.of(r.status(), r.body()).withHeader("X-Shard", String.valueOf(shard));
        } catch (RuntimeException e) {
            return Reply.of(502, "shard " + shard + " unreachable");
        } finally {
            shardClients.add(clients);
        }
    }

    private static int keyOf(Request request) {
        String path = request.path();
        if (!path.startsWith("/key/")) return -1;
        try {
            int k = Integer.parseInt(path.substring("/key/".length()));
            return k < 0 ? -1 : k;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("this cluster is closed");
    }

    /** Stops the proxy, the shards and every thread. Idempotent. */
    @Override
    public void close() {
        synchronized (clientLock) {
            if (closed) return;
            closed = true;
        }
        proxy.close();
        LoopbackServer.closeAll(shards);
        client.close();
        for (LoopbackClient[] set : shardClients) for (LoopbackClient c : set) c.close();
    }
}
