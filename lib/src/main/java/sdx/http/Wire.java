package sdx.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import sdx.core.Check;
import sdx.viz.Html;

/**
 * A raw-socket HTTP/1.x client: it writes the request text exactly as given and returns exactly the bytes the
 * server sent back, so a notebook can show what travels on the wire. One TCP connection per exchange, read
 * until the server closes it (send {@code Connection: close}) or 2 s pass without a byte. Loopback only.
 */
public final class Wire {
    private static final int QUIET_MILLIS = 2_000;
    private static final int MAX_BYTES = 1 << 20;

    private Wire() {}

    /**
     * One request and the response to it, as text (ISO-8859-1, byte for byte).
     *
     * @param request  the bytes sent
     * @param response the bytes received
     */
    public record Exchange(String request, String response) implements Html {
        public Exchange {
            Check.notNull("request", request);
            Check.notNull("response", response);
        }

        /** The status code from the response's first line, or -1 if there was no status line. */
        public int status() {
            String[] first = response.split("\r\n", 2)[0].split(" ", 3);
            if (first.length < 2 || !first[0].startsWith("HTTP/")) return -1;
            try {
                return Integer.parseInt(first[1]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** The value of response header {@code name} (case-insensitive), or null if absent. */
        public String header(String name) {
            Check.notNull("name", name);
            String head = response.split("\r\n\r\n", 2)[0];
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** The response body: everything after the first blank line ("" if none). */
        public String body() {
            String[] parts = response.split("\r\n\r\n", 2);
            return parts.length < 2 ? "" : parts[1];
        }

        /**
         * Both messages with their line ends made visible: {@code ␍␊} marks each CR LF, so the blank line that
         * ends the headers shows as a line holding only {@code ␍␊}.
         */
        public String shown() {
            return "──── request (" + request.length() + " bytes) ────\n" + visible(request)
                    + "\n──── response (" + response.length() + " bytes) ────\n" + visible(response);
        }

        private static String visible(String s) {
            return s.replace("\r\n", "␍␊\n");
        }

        @Override
        public String toString() {
            return shown();
        }

        /**
         * Both messages as a table, one row per line, {@code ␍␊} marking each CR LF. The values that change from
         * run to run (the port the OS chose in {@code Host}, the clock in {@code Date}) are marked
         * {@code sdx-unseeded}, so the notebook tests compare everything else exactly.
         */
        @Override
        public String html() {
            StringBuilder sb = new StringBuilder("<table class=\"sdx-table\"><thead><tr><th>message</th>"
                    + "<th style=\"text-align:left\">line on the wire (␍␊ = the bytes CR LF)</th></tr></thead><tbody>");
            rows(sb, "request, " + request.length() + " bytes", request);
            rows(sb, "response, " + response.length() + " bytes", response);
            return sb.append("</tbody></table>").toString();
        }

        private static void rows(StringBuilder sb, String label, String message) {
            String[] lines = message.split("(?<=\r\n)");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                boolean varies = lower.startsWith("host:") || lower.startsWith("date:");
                sb.append("<tr><td>").append(i == 0 ? Html.escape(label) : "").append("</td><td")
                        .append(varies ? " class=\"sdx-unseeded\"" : "")
                        .append(" style=\"text-align:left;font-family:monospace;white-space:pre\">")
                        .append(Html.escape(line.replace("\r\n", "␍␊"))).append("</td></tr>");
            }
        }
    }

    /**
     * Sends {@code requestText} byte for byte to the server at {@code base} (http://127.0.0.1:port) and reads
     * the answer.
     *
     * @param requestText a request line, headers, a blank line and an optional body, lines ended by CR LF
     */
    public static Exchange send(URI base, String requestText) {
        Check.notNull("base", base);
        Check.notNull("requestText", requestText);
        Check.that("127.0.0.1".equals(base.getHost()) || "localhost".equals(base.getHost()), "base", base,
                "must be on this machine's loopback (127.0.0.1 or localhost)");
        Check.inRange("port", base.getPort(), 1, 65_535);
        Check.that(requestText.contains("\r\n\r\n"), "requestText", shorten(requestText),
                "must end its headers with a blank line (CR LF CR LF)");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(QUIET_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(requestText.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new Exchange(requestText, new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not exchange with " + base + ": " + e.getMessage(), e);
        }
    }

    /** {@code GET path} with {@code Connection: close}, the smallest polite HTTP/1.1 request. */
    public static Exchange get(URI base, String path) {
        return send(base, request("GET", base, path, ""));
    }

    /** The text of a request with {@code method}, {@code path}, a Host header, Connection: close and {@code body}. */
    public static String request(String method, URI base, String path, String body) {
        Check.notNull("method", method);
        Check.notNull("base", base);
        Check.notNull("path", path);
        Check.notNull("body", body);
        Check.that(method.matches("[A-Z]+"), "method", method, "must be an upper-case token such as GET or POST");
        Check.that(path.startsWith("/"), "path", path, "must start with /");
        String length = body.isEmpty() ? "" : "Content-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n";
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\n" + length
                + "Connection: close\r\n\r\n" + body;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) != -1 && bytes.size() < MAX_BYTES; ) bytes.write(buffer, 0, n);
        } catch (java.net.SocketTimeoutException quiet) {
            // the server kept the connection open: what arrived so far is the answer
        }
        return bytes.toByteArray();
    }

    private static String shorten(String s) {
        String v = s.replace("\r", "\\r").replace("\n", "\\n");
        return v.length() <= 60 ? v : v.substring(0, 57) + "...";
    }
}
