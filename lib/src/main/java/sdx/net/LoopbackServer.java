package sdx.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URLDecoder;
import java.util.Collections;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import sdx.core.Check;
import sdx.core.DaemonThreads;

/**
 * A real HTTP/1.1 server (the JDK's {@code com.sun.net.httpserver}) bound to 127.0.0.1 on a port the OS
 * picks, answering every request with a {@link Handler}. It never listens beyond this machine.
 *
 * <pre>{@code
 * try (var server = LoopbackServer.start("echo", request -> Reply.ok("you asked for " + request.path()))) {
 *     try (var client = LoopbackClient.to(server.uri())) {
 *         client.get("/hello").body();     // "you asked for /hello"
 *     }
 * }
 * }</pre>
 *
 * Each server has its own pool of daemon worker threads (two unless {@link #start(String, int, Handler)}
 * says otherwise) named {@code sdx-net-<name>-<id>-<n>}; {@link #close()}
 * stops the server and ends them. TCP_NODELAY ({@code sun.net.httpserver.nodelay}) is switched on when this
 * class loads, unless already set: the JDK server writes headers and body separately, and with Nagle's
 * algorithm on the body would wait for the client's delayed ACK (about 40 ms per request).
 */
public final class LoopbackServer implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Answers one request; an exception becomes a 500 reply naming it. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request) throws Exception;
    }

    /**
     * A request as the handler sees it.
     *
     * @param method "GET", "POST", ...
     * @param path   the path, e.g. "/key/17"
     * @param query  the raw query string, or "" if none
     */
    public record Request(String method, String path, String query) {
        public Request {
            Check.notNull("method", method);
            Check.notNull("path", path);
            Check.notNull("query", query);
        }

        /**
         * The query's parameters, decoded ({@code "a=2&b=x%20y"} gives {@code {a=2, b=x y}}); a name without
         * "=" maps to "", and when a name repeats the first value wins. Empty when there is no query.
         */
        public Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            if (query.isEmpty()) return Collections.unmodifiableMap(params);
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            return Collections.unmodifiableMap(params);
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;                                   // a malformed %-escape: keep the raw text
            }
        }
    }

    /**
     * A reply: status, body (UTF-8) and extra headers.
     *
     * @param status  an HTTP status code, 100..599
     * @param body    the body text
     * @param headers extra response headers (copied)
     */
    public record Reply(int status, String body, Map<String, String> headers) {
        public Reply {
            Check.inRange("status", status, 100, 599);
            Check.notNull("body", body);
            headers = Map.copyOf(Check.notNull("headers", headers));
        }

        /** 200 with {@code body}. */
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        /** {@code status} with {@code body}. */
        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        /** This reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(Check.notNull("name", name), Check.notNull("value", value));
            return new Reply(status, body, h);
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final URI uri;
    private volatile boolean closed;

    private LoopbackServer(String name, int workers, Handler handler) throws IOException {
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("sdx-net-" + name + "-" + IDS.incrementAndGet()));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        server.createContext("/", exchange -> serve(exchange, handler));
        server.setExecutor(pool);
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a server named {@code name} (for its threads) answering with {@code handler} on 2 worker threads. */
    public static LoopbackServer start(String name, Handler handler) {
        return start(name, 2, handler);
    }

    /**
     * Starts a server with {@code workers} worker threads (1..256): at most that many requests are handled at
     * once, the others wait in one FIFO queue, as in an M/M/c queue's c servers.
     */
    public static LoopbackServer start(String name, int workers, Handler handler) {
        Check.notNull("name", name);
        Check.inRange("workers", workers, 1, 256);
        Check.notNull("handler", handler);
        try {
            return new LoopbackServer(name, workers, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a loopback server '" + name + "'", e);
        }
    }

    /**
     * Starts {@code count} servers, the i-th answering with {@code handlers.apply(i)}. If one fails to
     * start, those already started are closed before the error is thrown: nothing is left listening.
     */
    public static List<LoopbackServer> startAll(String name, int count, IntFunction<Handler> handlers) {
        Check.notNull("name", name);
        Check.inRange("count", count, 1, 256);
        Check.notNull("handlers", handlers);
        List<LoopbackServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) started.add(start(name + i, handlers.apply(i)));
            return List.copyOf(started);
        } catch (RuntimeException | Error e) {
            closeAll(started);
            throw e;
        }
    }

    /** Closes every server in {@code servers} (null entries skipped). */
    public static void closeAll(List<LoopbackServer> servers) {
        for (LoopbackServer s : servers) if (s != null) s.close();
    }

    /** The server's base address, e.g. http://127.0.0.1:54321 */
    public URI uri() {
        return uri;
    }

    /** Worker threads (requests handled at once). */
    public int workers() {
        return pool.getCorePoolSize();
    }

    /**
     * Requests inside the server right now: those waiting for a worker plus those being handled (a snapshot,
     * for sampling L in Little's law).
     */
    public int requestsInside() {
        return pool.getQueue().size() + pool.getActiveCount();
    }

    /** The port the OS chose. */
    public int port() {
        return uri.getPort();
    }

    private static void serve(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            URI u = ex.getRequestURI();
            Reply reply;
            try {
                reply = handler.handle(new Request(ex.getRequestMethod(), u.getPath(),
                        u.getRawQuery() == null ? "" : u.getRawQuery()));
                if (reply == null) reply = Reply.of(500, "the handler returned no reply");
            } catch (Exception e) {
                reply = Reply.of(500, "handler failed: " + e);
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Stops listening and ends the server's threads. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LoopbackServer[" + uri + (closed ? ", closed" : "") + "]";
    }
}
