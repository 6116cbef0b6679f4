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
    private final int[] consecutiveFailures;
    private int ejectAfter = Integer.MAX_VALUE, retries;
    private long attempts, failedAttempts, ejections;

    private L7Proxy(Backends backends, Policy policy, long seed) {
        this.backends = backends;
        this.name = policy.label();
        this.balancer = policy.create(backends.size(), seed);
        this.outstanding = new int[backends.size()];
        this.up = new boolean[backends.size()];
        this.consecutiveFailures = new int[backends.size()];
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

    /**
     * Passive health checking (outlier ejection): a backend that fails {@code failures} requests in a row is
     * taken out of the rotation for the rest of this proxy's life. (A real balancer re-admits it after an ejection
     * time or a passing active probe; notebook 09's simulation models that.)
     *
     * @param failures 1 to 1,000 consecutive failed attempts
     */
    public L7Proxy ejectAfter(int failures) {
        Check.inRange("failures", failures, 1, 1_000);
        synchronized (this) {
            ejectAfter = failures;
        }
        return this;
    }

    /**
     * Retries a request whose backend failed (connection refused or reset) on another backend, up to
     * {@code retries} times. Safe here because the backends' GETs are idempotent (notebook 21).
     *
     * @param retries 0 to 3
     */
    public L7Proxy retries(int retries) {
        Check.inRange("retries", retries, 0, 3);
        synchronized (this) {
            this.retries = retries;
        }
        return this;
    }

    /**
     * What the proxy did so far.
     *
     * @param attempts       requests it sent to backends (retries included)
     * @param failedAttempts of which a backend did not answer
     * @param ejections      backends it took out of the rotation
     */
    public record Counts(long attempts, long failedAttempts, long ejections) {}

    /** What the proxy did so far. */
    public synchronized Counts counts() {
        return new Counts(attempts, failedAttempts, ejections);
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
        int b = choose(request.path(), key, -1);
        String failure = "";
        for (int attempt = 0; b >= 0; attempt++) {
            Reply reply = forward(b, request);
            if (reply != null) return reply.withHeader("X-Backend", String.valueOf(b));
            failure = "backend " + b + " failed";
            if (attempt >= retriesAllowed()) break;
            b = choose(request.path(), key, b);
        }
        return failure.isEmpty() ? Reply.of(503, "no backend available") : Reply.of(502, failure);
    }

    /** The backend's answer, or null if it did not answer (counted, and ejected after too many in a row). */
    private Reply forward(int b, Request request) {
        LoopbackClient client = idle.get(b).poll();
        if (client == null) client = newClient(b);
        try {
            String query = request.query().isEmpty() ? "" : "?" + request.query();
            LoopbackClient.Response r = client.get(request.path() + query);
            idle.get(b).add(client);
            recordOutcome(b, true);
            return Reply.of(r.status(), r.body());
        } catch (RuntimeException e) {
            client.close();
            recordOutcome(b, false);
            return null;
        } finally {
            synchronized (this) {
                outstanding[b]--;
            }
        }
    }

    private synchronized int retriesAllowed() {
        return retries;
    }

    private synchronized void recordOutcome(int b, boolean answered) {
        attempts++;
        if (answered) {
            consecutiveFailures[b] = 0;
            return;
        }
        failedAttempts++;
        if (++consecutiveFailures[b] >= ejectAfter && up[b]) {
            up[b] = false;
            ejections++;
        }
    }

    private synchronized int choose(String path, long key, int except) {
        int b = -1;
        if (except < 0) {
            for (Map.Entry<String, Integer> r : routes.entrySet()) {
                if (path.startsWith(r.getKey())) {
                    b = r.getValue();
                    break;
                }
            }
        }
        if (b < 0) {
            boolean[] allowed = up.clone();
            if (except >= 0) allowed[except] = false;
            b = balancer.pick(key, outstanding, allowed);
        }
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
