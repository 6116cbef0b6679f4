package sdx.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;

/**
 * A minimal HTTP/1.1 client for loopback servers: one persistent (keep-alive) TCP connection, opened on
 * the first request and reopened if the server closed it, requests sent one at a time. It starts no
 * thread, so {@link #close()} leaves nothing behind (the JDK's {@code HttpClient} keeps a selector thread
 * that, on JDK 17, only a garbage collection ends). Not thread-safe: one client per thread.
 *
 * <p>It speaks enough HTTP for the course's servers: any method with extra headers and a body, status line,
 * headers, bodies sized by {@code Content-Length} or chunked, and server-sent-event streams
 * ({@link #events(String, Map)}, each on a connection of its own). Only 127.0.0.1 / localhost addresses are accepted.
 */
public final class LoopbackClient implements AutoCloseable {
    private final URI base;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long connections;
    private boolean closed;

    /**
     * A response.
     *
     * @param status  the status code
     * @param body    the body as UTF-8 text
     * @param headers response headers, names in lower case
     */
    public record Response(int status, String body, Map<String, String> headers) {
        public Response {
            Check.notNull("body", body);
            headers = Map.copyOf(Check.notNull("headers", headers));
        }
    }

    private LoopbackClient(URI base, int timeoutMillis) {
        this.base = base;
        this.timeoutMillis = timeoutMillis;
    }

    /** A client for the server at {@code base} (http://127.0.0.1:port), with a 5 s timeout per request. */
    public static LoopbackClient to(URI base) {
        Check.notNull("base", base);
        Check.that("http".equals(base.getScheme()), "base", base, "must be an http:// address");
        String host = base.getHost();
        Check.that("127.0.0.1".equals(host) || "localhost".equals(host), "base", base,
                "must be on this machine's loopback (127.0.0.1 or localhost)");
        Check.that(base.getPort() > 0, "base", base, "must name a port");
        return new LoopbackClient(base, 5_000);
    }

    /**
     * A client for the server at {@code base} whose reads give up after {@code timeoutMillis} (1..600,000)
     * without a byte from the server.
     */
    public static LoopbackClient to(URI base, int timeoutMillis) {
        Check.inRange("timeoutMillis", timeoutMillis, 1, 600_000);
        return new LoopbackClient(to(base).base, timeoutMillis);
    }

    /** Sends {@code GET pathAndQuery} (e.g. "/key/17") and reads the whole response. */
    public Response get(String pathAndQuery) {
        return get(pathAndQuery, Map.of());
    }

    /** Sends {@code GET pathAndQuery} with extra request headers and reads the whole response. */
    public Response get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", pathAndQuery, headers, "");
    }

    /**
     * Sends a request with {@code method} (GET, POST, PUT, DELETE, ...), extra headers and a UTF-8 body ("" for
     * none) and reads the whole response. Only a GET is re-sent on a fresh connection when a kept-alive one
     * turns out to be closed; another method's failure is thrown, since it may have been applied.
     */
    public Response send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        Check.notNull("method", method);
        Check.that(method.matches("[A-Z]+"), "method", method, "must be an upper-case HTTP method such as GET or POST");
        Check.notNull("headers", headers);
        headers.forEach((k, v) -> Check.that(k != null && v != null && k.matches("[A-Za-z0-9-]+")
                && !v.contains("\r") && !v.contains("\n"), "headers", k + ": " + v, "must be token names with one-line values"));
        Check.notNull("body", body);
        Check.notNull("pathAndQuery", pathAndQuery);
        Check.that(pathAndQuery.startsWith("/"), "pathAndQuery", pathAndQuery, "must start with /");
        if (closed) throw new IllegalStateException("this client is closed");
        boolean reused = socket != null;
        String what = method + " " + base + pathAndQuery + " failed";
        try {
            return exchange(method, pathAndQuery, headers, body);
        } catch (IOException first) {
            disconnect();
            if (!reused || !"GET".equals(method)) throw new UncheckedIOException(what, first);
            try {                                           // the server may have closed an idle connection:
                return exchange(method, pathAndQuery, headers, body);   // a GET is safe to send once more
            } catch (IOException second) {
                disconnect();
                throw new UncheckedIOException(what, second);
            }
        }
    }

    /**
     * Opens a server-sent-events stream: {@code GET pathAndQuery} with {@code Accept: text/event-stream} and
     * the extra headers (e.g. {@code Last-Event-ID}) on a connection of its own. Read it with
     * {@link EventStream#next()}; close it to hang up. Fails if the answer is not a 200 event stream.
     */
    public EventStream events(String pathAndQuery, Map<String, String> headers) {
        Check.notNull("pathAndQuery", pathAndQuery);
        Check.that(pathAndQuery.startsWith("/"), "pathAndQuery", pathAndQuery, "must start with /");
        Check.notNull("headers", headers);
        if (closed) throw new IllegalStateException("this client is closed");
        return EventStream.open(base, timeoutMillis, pathAndQuery, headers);
    }

    /** TCP connections opened so far (1 when keep-alive worked throughout). */
    public long connectionsOpened() {
        return connections;
    }

    private Response exchange(String method, String pathAndQuery, Map<String, String> extra, String text) throws IOException {
        if (socket == null) connect();
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(base.getPort()).append("\r\nConnection: keep-alive\r\n");
        extra.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        if (payload.length > 0 || !"GET".equals(method)) request.append("Content-Length: ").append(payload.length).append("\r\n");
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.write(payload);
        out.flush();
        String statusLine = line();
        if (statusLine == null) throw new IOException("connection closed before a response");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon > 0) headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = chunked();
        else if (headers.containsKey("content-length")) body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        else body = new byte[0];
        if ("close".equalsIgnoreCase(headers.get("connection"))) disconnect();
        return new Response(status, new String(body, StandardCharsets.UTF_8), headers);
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        connections++;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) throw new IOException("connection closed inside a chunked body");
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                while (true) {
                    String trailer = line();
                    if (trailer == null || trailer.isEmpty()) return body.toByteArray();
                }
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    /** One CRLF-terminated line, or null at end of stream. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private void disconnect() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a loopback socket: nothing to do about a failure
        }
        socket = null;
        in = null;
        out = null;
    }

    /** Closes the connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        disconnect();
    }
}
