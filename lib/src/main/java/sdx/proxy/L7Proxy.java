package sdx.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import sdx.core.Check;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * A real layer-7 (HTTP) reverse proxy on 127.0.0.1: it reads each request (method, path, query), chooses a
 * backend — by a path rule if one matches, otherwise by its {@link Policy} over the requests it has in
 * flight to each backend — forwards the request over a keep-alive connection and relays the answer, adding
 * {@code X-Backend}. Because it parses HTTP it can route by path or header, retry, and count latency per
 * request; an {@link L4Proxy} can do none of that.
 */
public final class L7Proxy implements AutoCloseable {
    /** Proxy handler threads: requests the proxy forwards at once. */
    public static final int THREADS = 16;

    private final Backends backends;
    private final Policy.Balancer balancer;
    private final Map<String, Integer> routes = new LinkedHashMap<>();
    private final int[] outstanding;
    private final boolean[] up;
    private final List<ConcurrentLinkedQueue<LoopbackClient>> idle = new ArrayList<>();
    private final List<LoopbackClient> all = new ArrayList<>();
    private final LoopbackServer server;
    private final String name;

    private L7Proxy(Backends backends, Policy policy, long seed) {
        this.backends = backends;
        this.name = policy.label();
        this.balancer = policy.create(backends.size(), seed);
        this.outstanding = new int[backends.size()];
        this.up = new boolean[backends.size()];
        java.util.Arrays.fill(up, true);
        for (int i = 0; i < backends.size(); i++) idle.add(new ConcurrentLinkedQueue<>());
        server = LoopbackServer.start("l7proxy", THREADS, this::handle);
    }

    /** Starts a proxy over {@code backends}, balancing by {@code policy} (its random choices from {@code seed}). */
    public static L7Proxy start(Backends backends, Policy policy, long seed) {
        Check.notNull("backends", backends);
        Check.notNull("policy", policy);
        return new L7Proxy(backends, policy, seed);
    }

    /** Sends every request whose path starts with {@code prefix} to {@code backend} (layer 7 only). */
    public L7Proxy route(String prefix, int backend) {
        Check.that(prefix != null && prefix.startsWith("/"), "prefix", prefix, "must start with /");
        Check.inRange("backend", backend, 0, backends.size() - 1);
        synchronized (this) {
            routes.put(prefix, backend);
        }
        return this;
    }

    /** The proxy's address. */
    public URI uri() {
        return server.uri();
    }

    /** The policy's label. */
    public String name() {
        return name;
    }

    private Reply handle(Request request) {
        long key = keyOf(request);
        int b = choose(request.path(), key);
        if (b < 0) return Reply.of(503, "no backend available");
        LoopbackClient client = idle.get(b).poll();
        if (client == null) client = newClient(b);
        try {
            String query = request.query().isEmpty() ? "" : "?" + request.query();
            LoopbackClient.Response r = client.get(request.path() + query);
            idle.get(b).add(client);
            return Reply.of(r.status(), r.body()).withHeader("X-Backend", String.valueOf(b));
        } catch (RuntimeException e) {
            client.close();
            return Reply.of(502, "backend " + b + " failed: " + e.getMessage());
        } finally {
            synchronized (this) {
                outstanding[b]--;
            }
        }
    }

    private synchronized int choose(String path, long key) {
        int b = -1;
        for (Map.Entry<String, Integer> r : routes.entrySet()) {
            if (path.startsWith(r.getKey())) {
                b = r.getValue();
                break;
            }
        }
        if (b < 0) b = balancer.pick(key, outstanding, up);
        if (b >= 0) outstanding[b]++;
        return b;
    }

    private synchronized LoopbackClient newClient(int b) {
        LoopbackClient c = LoopbackClient.to(backends.uris().get(b));
        all.add(c);
        return c;
    }

    private static long keyOf(Request request) {
        String key = request.params().getOrDefault("key", request.params().getOrDefault("id", "0"));
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return key.hashCode();
        }
    }

    /** Stops the proxy and closes its connections to the backends (not the backends). Idempotent. */
    @Override
    public void close() {
        server.close();
        synchronized (this) {
            all.forEach(LoopbackClient::close);
            all.clear();
        }
    }
}
