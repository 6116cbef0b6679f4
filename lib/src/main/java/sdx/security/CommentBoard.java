package sdx.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.owasp.encoder.Encode;
import sdx.core.Check;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * A small comment board on 127.0.0.1 that renders the same comments three ways:
 * <ul>
 *   <li>{@link Mode#UNSAFE}: HTML built by string concatenation, every comment pasted in as it came;</li>
 *   <li>{@link Mode#ENCODED}: contextual output encoding with the OWASP Java Encoder, each value encoded for the
 *       place it goes: {@code Encode.forHtml} in text, {@code forHtmlAttribute} in a quoted attribute,
 *       {@code forUriComponent} in a link's query, {@code forJavaScript} inside a script's string;</li>
 *   <li>{@link Mode#CSP}: the unsafe page again, sent with a Content-Security-Policy header that forbids inline
 *       scripts and event handlers ({@code script-src 'self'}): a second line of defence, not a fix.</li>
 * </ul>
 * Routes: {@code POST /comments} (form body {@code text=...}) stores a comment (stored XSS);
 * {@code GET /board?mode=unsafe|encoded|csp} lists them; {@code GET /search?q=...&mode=...} echoes the query
 * (reflected XSS). Payloads are strings here; nothing is executed by this class or by the notebook.
 */
public final class CommentBoard implements AutoCloseable {
    /** How the board renders untrusted text. */
    public enum Mode {
        /** String concatenation. */
        UNSAFE,
        /** Contextual output encoding (OWASP Java Encoder). */
        ENCODED,
        /** String concatenation, plus a Content-Security-Policy header without inline scripts. */
        CSP;

        static Mode parse(String s) {
            for (Mode m : values()) if (m.name().equalsIgnoreCase(s)) return m;
            throw Check.fail("mode must be one of unsafe, encoded, csp, was " + s);
        }
    }

    /** The policy sent with {@link Mode#CSP}: scripts only from this origin's files, none inline. */
    public static final String POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
    /** At most this many comments are kept; at most this many characters each. */
    public static final int MAX_COMMENTS = 200, MAX_LENGTH = 2_000;

    private final List<String> comments = new ArrayList<>();
    private final LoopbackServer server;

    private CommentBoard() {
        server = LoopbackServer.start("board", 2, this::handle);
    }

    /** Starts an empty board on 127.0.0.1. */
    public static CommentBoard start() {
        return new CommentBoard();
    }

    /** The board's address, e.g. http://127.0.0.1:54321 */
    public URI uri() {
        return server.uri();
    }

    /** Stores a comment directly (what POST /comments does). */
    public void post(String text) {
        Check.notNull("text", text);
        Check.that(text.length() <= MAX_LENGTH, "text", text.length() + " characters", "must be at most " + MAX_LENGTH + " characters");
        synchronized (comments) {
            Check.that(comments.size() < MAX_COMMENTS, "comments", comments.size(), "board is full (at most " + MAX_COMMENTS + ")");
            comments.add(text);
        }
    }

    /** The comments stored so far. */
    public List<String> comments() {
        synchronized (comments) {
            return List.copyOf(comments);
        }
    }

    private Reply handle(Request r) {
        try {
            if (r.method().equals("POST") && r.path().equals("/comments")) {
                String text = formField(r.body(), "text");
                post(text);
                return Reply.of(201, "stored");
            }
            if (r.method().equals("GET") && r.path().equals("/board")) {
                return page(Mode.parse(r.params().getOrDefault("mode", "unsafe")), comments(), null);
            }
            if (r.method().equals("GET") && r.path().equals("/search")) {
                return page(Mode.parse(r.params().getOrDefault("mode", "unsafe")), List.of(), r.params().getOrDefault("q", ""));
            }
            return Reply.of(404, "no such page: " + r.method() + " " + r.path());
        } catch (IllegalArgumentException e) {
            return Reply.of(400, e.getMessage());
        }
    }

    private static Reply page(Mode mode, List<String> comments, String query) {
        String html = mode == Mode.ENCODED ? renderEncoded(comments, query) : renderUnsafe(comments, query);
        Reply reply = new Reply(200, html, Map.of("Content-Type", "text/html; charset=utf-8"));
        return mode == Mode.CSP ? reply.withHeader("Content-Security-Policy", POLICY) : reply;
    }

    /**
     * The page by string concatenation: comments (or a search query, when {@code query} is not null) pasted into
     * HTML text, an attribute, a link and a script as they are. Vulnerable on purpose.
     */
    public static String renderUnsafe(List<String> comments, String query) {
        StringBuilder sb = new StringBuilder(head());
        if (query != null) sb.append("<p id=\"q\">You searched for: ").append(query).append("</p>\n");
        sb.append("<ul>\n");
        for (String c : comments) {
            sb.append("<li title=\"").append(c).append("\">").append(c)
                    .append(" <a href=\"/search?q=").append(c).append("\">search</a></li>\n");
        }
        sb.append("</ul>\n");
        String latest = comments.isEmpty() ? (query == null ? "" : query) : comments.get(comments.size() - 1);
        sb.append("<script>var latest = \"").append(latest).append("\";</script>\n");
        return sb.append("</body></html>\n").toString();
    }

    /** The same page with each value encoded for its context (OWASP Java Encoder). */
    public static String renderEncoded(List<String> comments, String query) {
        StringBuilder sb = new StringBuilder(head());
        if (query != null) sb.append("<p id=\"q\">You searched for: ").append(Encode.forHtml(query)).append("</p>\n");
        sb.append("<ul>\n");
        for (String c : comments) {
            sb.append("<li title=\"").append(Encode.forHtmlAttribute(c)).append("\">").append(Encode.forHtml(c))
                    .append(" <a href=\"/search?q=").append(Encode.forUriComponent(c)).append("\">search</a></li>\n");
        }
        sb.append("</ul>\n");
        String latest = comments.isEmpty() ? (query == null ? "" : query) : comments.get(comments.size() - 1);
        sb.append("<script>var latest = \"").append(Encode.forJavaScript(latest)).append("\";</script>\n");
        return sb.append("</body></html>\n").toString();
    }

    private static String head() {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Comments</title></head><body>\n<h1>Comments</h1>\n";
    }

    /** The value of {@code name} in an application/x-www-form-urlencoded body. */
    static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw Check.fail("the form must have a field '" + name + "', was " + (body.length() > 60 ? body.substring(0, 60) + "..." : body));
    }

    /** The modes' names in lower case, as the URL takes them. */
    static String lower(Mode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    /** Stops the board's server. */
    @Override
    public void close() {
        server.close();
    }
}
