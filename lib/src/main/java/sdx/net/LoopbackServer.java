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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.net.URLDecoder;
import java.util.Collections;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * A handler sees the request's headers and body ({@link Request#headers()}, {@link Request#body()}) and may
 * answer with a stream of server-sent events ({@link Reply#events(EventSource)}), which holds its connection
 * and one worker thread until the source returns, the client goes or the server closes.
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
     * @param method  "GET", "POST", ...
     * @param path    the path, e.g. "/key/17"
     * @param query   the raw query string, or "" if none
     * @param headers the request headers, names in lower case (the first value when a name repeats)
     * @param body    the request body as UTF-8 text, "" if none
     */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {
        public Request {
            Check.notNull("method", method);
            Check.notNull("path", path);
            Check.notNull("query", query);
            headers = Map.copyOf(Check.notNull("headers", headers));
            Check.notNull("body", body);
        }

        /** A request without headers or body. */
        public Request(String method, String path, String query) {
            this(method, path, query, Map.of(), "");
        }

        /** The header {@code name} (any case), if the request has it. */
        public Optional<String> header(String name) {
            Check.notNull("name", name);
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
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
     * A reply: status, body (UTF-8) and extra headers; or, made by {@link #events(EventSource)}, a stream of
     * server-sent events.
     *
     * @param status  an HTTP status code, 100..599
     * @param body    the body text
     * @param headers extra response headers (copied)
     * @param events  for a streamed reply, what writes its events; null for an ordinary reply
     */
    public record Reply(int status, String body, Map<String, String> headers, EventSource events) {
        public Reply {
            Check.inRange("status", status, 100, 599);
            Check.notNull("body", body);
            headers = Map.copyOf(Check.notNull("headers", headers));
            Check.that(events == null || (status == 200 && body.isEmpty()), "events", "a stream",
                    "goes with status 200 and an empty body (use Reply.events(...))");
        }

        /** An ordinary (not streamed) reply. */
        public Reply(int status, String body, Map<String, String> headers) {
            this(status, body, headers, null);
        }

        /** 200 with {@code body}. */
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        /** {@code status} with {@code body}. */
        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        /**
         * A server-sent-events reply (WHATWG HTML, "Server-sent events"): 200, {@code Content-Type:
         * text/event-stream}, {@code Cache-Control: no-cache}, a chunked body that {@code source} writes event by
         * event, on the worker thread that handled the request, until it returns, the client goes away or the
         * server closes.
         */
        public static Reply events(EventSource source) {
            return new Reply(200, "", Map.of(), Check.notNull("source", source));
        }

        /** Whether this reply is a stream of events. */
        public boolean streamed() {
            return events != null;
        }

        /** This reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(Check.notNull("name", name), Check.notNull("value", value));
            return new Reply(status, body, h, events);
        }
    }

    /**
     * Writes a stream of server-sent events. It runs on a worker thread (so each open stream holds one
     * worker) and should return when {@link EventSink#send} returns false (the client went away) or when
     * interrupted (the server is closing); blocking waits must therefore be interruptible.
     */
    @FunctionalInterface
    public interface EventSource {
        void stream(EventSink sink) throws Exception;
    }

    /**
     * Where an {@link EventSource} writes: each {@code send} writes one event and flushes it to the client at
     * once (one HTTP chunk). Every method returns false, and writes nothing, once the stream is broken.
     */
    public static final class EventSink {
        private final OutputStream out;
        private final LoopbackServer server;
        private boolean open = true;

        private EventSink(OutputStream out, LoopbackServer server) {
            this.out = out;
            this.server = server;
        }

        /** Sends an event with only data (each line of {@code data} becomes one {@code data:} field). */
        public boolean send(String data) {
            return send(null, data);
        }

        /**
         * Sends an event with an id (the client sends the last id it saw back as {@code Last-Event-ID} when it
         * reconnects) and data. {@code id} may be null for none.
         */
        public boolean send(String id, String data) {
            Check.notNull("data", data);
            Check.that(id == null || (!id.contains("\n") && !id.contains("\r")), "id", id, "must be one line");
            StringBuilder event = new StringBuilder();
            if (id != null) event.append("id: ").append(id).append('\n');
            for (String line : data.split("\r?\n", -1)) event.append("data: ").append(line).append('\n');
            return write(event.append('\n').toString());
        }

        /**
         * Sends a comment line, which clients ignore: a heartbeat that keeps proxies from closing an idle
         * stream, and the way to notice a client that has gone (the write fails).
         */
        public boolean comment(String text) {
            Check.notNull("text", text);
            return write(": " + text.replace('\n', ' ').replace('\r', ' ') + "\n\n");
        }

        /** False once a write has failed or the server is closing. */
        public boolean isOpen() {
            return open && !server.closed;
        }

        private boolean write(String text) {
            if (!isOpen()) return false;
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException e) {
                open = false;
                return false;
            }
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final URI uri;
    private final AtomicLong requestsHandled = new AtomicLong();
    private final AtomicInteger openStreams = new AtomicInteger();
    private volatile boolean closed;
    private final String name;
    /** Worker threads inside a handler right now, with the request each is serving ("GET /path"). */
    private final Map<Thread, String> busy = new java.util.concurrent.ConcurrentHashMap<>();

    /** How long {@link #close()} waits for handlers to return once interrupted. */
    static final long CLOSE_GRACE_MILLIS = 5_000;

    private LoopbackServer(String name, int workers, Handler handler) throws IOException {
        this.name = name;
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("sdx-net-" + name + "-" + IDS.incrementAndGet()));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        server.createContext("/", exchange -> serve(exchange, handler, this));
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

    /**
     * Closes every server in {@code servers} (null entries skipped), all of them even if one reports a
     * handler that would not stop; that report is thrown afterwards (further ones suppressed in it).
     */
    public static void closeAll(List<LoopbackServer> servers) {
        RuntimeException first = null;
        for (LoopbackServer s : servers) {
            if (s == null) continue;
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
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

    /** Requests whose handler has been called so far (streams included). */
    public long requestsHandled() {
        return requestsHandled.get();
    }

    /** Event streams open right now (each holds a connection and a worker thread). */
    public int openStreams() {
        return openStreams.get();
    }

    /** The port the OS chose. */
    public int port() {
        return uri.getPort();
    }

    private static void serve(HttpExchange ex, Handler handler, LoopbackServer server) throws IOException {
        server.busy.put(Thread.currentThread(), ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        try {
            respond(ex, handler, server);
        } finally {
            server.busy.remove(Thread.currentThread());
        }
    }

    private static void respond(HttpExchange ex, Handler handler, LoopbackServer server) throws IOException {
        try (ex) {
            if (server.closed) {                            // slipped in while closing: not served
                ex.sendResponseHeaders(503, -1);
                return;
            }
            server.requestsHandled.incrementAndGet();
            Reply reply;
            try {
                reply = handler.handle(request(ex));
                if (reply == null) reply = Reply.of(500, "the handler returned no reply");
            } catch (Exception e) {
                reply = Reply.of(500, "handler failed: " + e);
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (reply.streamed()) {
                stream(ex, reply.events(), server);
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static Request request(HttpExchange ex) throws IOException {
        URI u = ex.getRequestURI();
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
        });
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Request(ex.getRequestMethod(), u.getPath(), u.getRawQuery() == null ? "" : u.getRawQuery(),
                headers, body);
    }

    private static void stream(HttpExchange ex, EventSource source, LoopbackServer server) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);                     // 0: a chunked body of unknown length
        server.openStreams.incrementAndGet();
        try (OutputStream out = ex.getResponseBody()) {
            EventSink sink = new EventSink(out, server);
            sink.comment("stream open");                    // the client sees the headers at once
            source.stream(sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();             // the server is closing
        } catch (Exception e) {
            // the source failed or the client went away mid-write: the stream simply ends
        } finally {
            server.openStreams.decrementAndGet();
        }
    }

    /**
     * Stops listening, interrupts the handlers still running and ends the server's threads. Idempotent.
     * No request is served after this call, whatever a handler does.
     *
     * @throws IllegalStateException if a handler ignored the interrupt and still runs after
     *         {@value #CLOSE_GRACE_MILLIS} ms, naming its thread, its request and where it is; the
     *         server is closed all the same, but that thread keeps running until its handler returns
     */
    @Override
    public void close() {
        close(CLOSE_GRACE_MILLIS);
    }

    void close(long graceMillis) {
        if (closed) return;
        closed = true;
        server.stop(0);
        pool.shutdownNow();
        boolean ended = false;
        try {
            ended = pool.awaitTermination(graceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ended) return;
        List<String> stuck = new ArrayList<>();
        busy.forEach((thread, request) -> {
            if (thread.isAlive()) stuck.add(thread.getName() + " (serving " + request + ", at " + where(thread) + ")");
        });
        if (stuck.isEmpty()) return;                        // the last handler returned just now
        throw new IllegalStateException("server '" + name + "' is closed, but " + stuck.size() + " handler thread"
                + (stuck.size() == 1 ? "" : "s") + " ignored the interrupt and still run" + (stuck.size() == 1 ? "s" : "")
                + " after " + graceMillis + " ms: " + String.join("; ", stuck)
                + ". A handler must return when interrupted (check Thread.interrupted() in its loops)");
    }

    /** The first frame of a thread's stack outside the JDK and this package: the handler's code. */
    private static String where(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.sun.")
                    || c.startsWith(LoopbackServer.class.getName())) {
                continue;
            }
            return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
        }
        return frames.length > 0 ? frames[0].toString() : "an unknown place";
    }

    @Override
    public String toString() {
        return "LoopbackServer[" + uri + (closed ? ", closed" : "") + "]";
    }
}
