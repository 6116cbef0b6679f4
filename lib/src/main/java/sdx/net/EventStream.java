package sdx.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;

/**
 * A server-sent-events stream read by {@link LoopbackClient#events(String, Map)}: one TCP connection of its
 * own, a chunked {@code text/event-stream} body parsed into {@link Event}s (the WHATWG HTML "Server-sent
 * events" format: {@code id:}, {@code event:} and {@code data:} fields, a blank line ends an event, lines
 * starting with ':' are comments). It starts no thread; {@link #close()} hangs up. Not thread-safe, except
 * that {@link #close()} may be called from another thread to end a blocked {@link #next()}.
 */
public final class EventStream implements AutoCloseable {
    /**
     * One event.
     *
     * @param id   its id, or "" if it had none
     * @param type its {@code event:} type, "message" if it had none
     * @param data its data lines joined with '\n'
     */
    public record Event(String id, String type, String data) {
        public Event {
            Check.notNull("id", id);
            Check.notNull("type", type);
            Check.notNull("data", data);
        }
    }

    private final Socket socket;
    private final InputStream body;
    private volatile boolean closed;

    private EventStream(Socket socket, InputStream body) {
        this.socket = socket;
        this.body = body;
    }

    static EventStream open(URI base, int timeoutMillis, String pathAndQuery, Map<String, String> headers) {
        Socket socket = null;
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(base.getPort()).append("\r\nAccept: text/event-stream\r\n");
            headers.forEach((k, v) -> {
                Check.that(k != null && v != null && k.matches("[A-Za-z0-9-]+") && !v.contains("\r") && !v.contains("\n"),
                        "headers", k + ": " + v, "must be token names with one-line values");
                request.append(k).append(": ").append(v).append("\r\n");
            });
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String status = line(in);
            if (status == null || !status.startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + status);
            String type = "";
            boolean chunked = false;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) type = lower.substring(13).trim();
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            }
            if (!status.split(" ")[1].equals("200") || !type.startsWith("text/event-stream")) {
                throw new IllegalStateException("GET " + base + pathAndQuery + " answered '" + status
                        + "' with content type '" + type + "', not a 200 text/event-stream");
            }
            return new EventStream(socket, chunked ? new Chunked(in) : in);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("GET " + base + pathAndQuery + " (event stream) failed", e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * The next event, waiting for it (up to the client's timeout between bytes); null when the stream has ended
     * (the server closed it, or this stream was closed).
     *
     * @throws UncheckedIOException if nothing arrives within the timeout, or the connection breaks
     */
    public Event next() {
        String id = "";
        String type = "message";
        StringBuilder data = null;
        try {
            while (true) {
                String line = line(body);
                if (line == null) return null;
                if (line.isEmpty()) {
                    if (data != null) return new Event(id, type, data.toString());
                    continue;                               // a blank line after comments only: no event
                }
                if (line.startsWith(":")) continue;         // a comment (heartbeat)
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) value = value.substring(1);
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> type = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }                          // unknown fields are ignored, as the standard says
                }
            }
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException("no event within the client's timeout", e);
        } catch (IOException e) {
            if (closed) return null;
            throw new UncheckedIOException("the event stream broke", e);
        }
    }

    /** Hangs up (closes the connection). Idempotent; may be called from another thread. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a loopback socket: nothing to do about a failure
        }
    }

    /** One LF- or CRLF-terminated UTF-8 line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = bytes.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            bytes.write(c);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
    }

    /** A chunked transfer-coded body as a plain stream (RFC 9112 §7.1); -1 after the last chunk. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) return -1;
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) size = line(in);   // the CRLF after the previous chunk
                if (size == null) {
                    done = true;
                    return -1;
                }
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int c = in.read();
            if (c == -1) {
                done = true;
                return -1;
            }
            left--;
            return c;
        }
    }
}
