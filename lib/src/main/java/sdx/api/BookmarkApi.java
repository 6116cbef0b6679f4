package sdx.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import sdx.core.Check;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * A small bookmarks service: a real JSON API (Jackson) on 127.0.0.1 with the practices notebook 25 teaches.
 * <ul>
 *   <li>{@code /v1/bookmarks}: GET lists (keyset pagination: {@code ?limit=&cursor=}), POST creates
 *       (201 + Location; an {@code Idempotency-Key} header makes a retry safe);</li>
 *   <li>{@code /v1/bookmarks/{id}}: GET (with an ETag; {@code If-None-Match} gives 304), PUT replaces
 *       ({@code If-Match} guards against lost updates: 412), PATCH merges ({@code application/merge-patch+json},
 *       RFC 7396), DELETE (204);</li>
 *   <li>errors as RFC 9457 problem details; 405 with {@code Allow}; 415 for a body that is not JSON;</li>
 *   <li>a fixed-window rate limit per client ({@code X-Client-Id}), announced on every answer with
 *       RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset, and 429 + Retry-After when spent.</li>
 * </ul>
 * Its clock is given (virtual in the notebook, so the Reset seconds repeat). Close it to stop the server.
 */
public final class BookmarkApi implements AutoCloseable {
    /** The media type of a JSON body. */
    public static final String JSON = "application/json";

    /**
     * The service's settings.
     *
     * @param requestsPerWindow requests each client may make per window (1..1,000,000)
     * @param windowSeconds     the rate-limit window (1..3,600 s)
     * @param defaultLimit      page size when a list request names none (1..maxLimit)
     * @param maxLimit          the largest page a client may ask for (1..1,000)
     */
    public record Settings(int requestsPerWindow, int windowSeconds, int defaultLimit, int maxLimit) {
        public Settings {
            Check.inRange("requestsPerWindow", requestsPerWindow, 1, 1_000_000);
            Check.inRange("windowSeconds", windowSeconds, 1, 3_600);
            Check.inRange("maxLimit", maxLimit, 1, 1_000);
            Check.inRange("defaultLimit", defaultLimit, 1, maxLimit);
        }

        /** 100 requests per 60 s, pages of 10 by default and at most 100. */
        public static Settings defaults() {
            return new Settings(100, 60, 10, 100);
        }

        /** These settings with another rate limit. */
        public Settings withRateLimit(int requests, int seconds) {
            return new Settings(requests, seconds, defaultLimit, maxLimit);
        }
    }

    /** A saved bookmark; {@code version} changes with every write and makes the ETag. */
    record Bookmark(long id, String url, String title, String visibility, int version) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("url", url);
            m.put("title", title);
            m.put("visibility", visibility);
            return m;
        }

        String etag() {
            return "\"" + id + "." + version + "\"";
        }
    }

    private record Stored(String body, Reply reply) {}

    private final Settings settings;
    private final LongSupplier clockMillis;
    private final TreeMap<Long, Bookmark> bookmarks = new TreeMap<>();
    private final Map<String, Stored> byIdempotencyKey = new HashMap<>();
    private final Map<String, long[]> windows = new HashMap<>();   // client -> {window number, requests in it}
    private long nextId = 1;
    private final LoopbackServer server;

    private BookmarkApi(Settings settings, LongSupplier clockMillis) {
        this.settings = Check.notNull("settings", settings);
        this.clockMillis = Check.notNull("clockMillis", clockMillis);
        this.server = LoopbackServer.start("bookmarks", this::handle);
    }

    /** Starts the service on 127.0.0.1 with these settings and clock (milliseconds). */
    public static BookmarkApi start(Settings settings, LongSupplier clockMillis) {
        return new BookmarkApi(settings, clockMillis);
    }

    /** Starts the service with {@link Settings#defaults()} and a clock standing at 0. */
    public static BookmarkApi start() {
        return start(Settings.defaults(), () -> 0L);
    }

    /** The server's address, http://127.0.0.1:port. */
    public URI uri() {
        return server.uri();
    }

    /** The saved bookmarks as JSON, sorted by id: the state that "safe" and "idempotent" are about. */
    public synchronized String state() {
        return Json.write(bookmarks.values().stream().map(Bookmark::json).toList());
    }

    @Override
    public void close() {
        server.close();
    }

    synchronized Reply handle(Request r) {
        long now = clockMillis.getAsLong();
        String client = r.header("x-client-id").orElse("anonymous");
        long window = Math.floorDiv(now, settings.windowSeconds() * 1000L);
        long[] w = windows.computeIfAbsent(client, c -> new long[] {window, 0});
        if (w[0] != window) {
            w[0] = window;
            w[1] = 0;
        }
        long resetSeconds = Math.max(1, ((window + 1) * settings.windowSeconds() * 1000L - now + 999) / 1000);
        w[1]++;
        Reply reply = w[1] > settings.requestsPerWindow()
                ? Problem.of(429, "rate-limited", "Too many requests", "this client may make "
                        + settings.requestsPerWindow() + " requests per " + settings.windowSeconds() + " s",
                        r.path()).reply().withHeader("Retry-After", Long.toString(resetSeconds))
                : route(r);
        long remaining = Math.max(0, settings.requestsPerWindow() - w[1]);
        return reply.withHeader("RateLimit-Limit", Integer.toString(settings.requestsPerWindow()))
                .withHeader("RateLimit-Remaining", Long.toString(remaining))
                .withHeader("RateLimit-Reset", Long.toString(resetSeconds));
    }

    private Reply route(Request r) {
        String path = r.path();
        if (path.equals("/v1/bookmarks")) {
            return switch (r.method()) {
                case "GET" -> list(r);
                case "POST" -> createOnce(r);
                default -> notAllowed(r, "GET, POST");
            };
        }
        if (path.startsWith("/v1/bookmarks/")) {
            Optional<Long> id = parseId(path.substring("/v1/bookmarks/".length()));
            if (id.isEmpty()) return notFound(r);
            return switch (r.method()) {
                case "GET" -> read(r, id.get());
                case "PUT" -> replace(r, id.get());
                case "PATCH" -> patch(r, id.get());
                case "DELETE" -> delete(r, id.get());
                default -> notAllowed(r, "GET, PUT, PATCH, DELETE");
            };
        }
        return notFound(r);
    }

    private static Optional<Long> parseId(String s) {
        return s.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }

    private Reply list(Request r) {
        Map<String, String> p = r.params();
        int limit = settings.defaultLimit();
        if (p.containsKey("limit")) {
            String v = p.get("limit");
            if (!v.matches("[0-9]{1,4}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > settings.maxLimit()) {
                return Problem.invalidParam(400, r.path(), "limit", v,
                        "must be a whole number from 1 to " + settings.maxLimit()).reply();
            }
            limit = Integer.parseInt(v);
        }
        long after = 0;
        if (p.containsKey("cursor")) {
            Optional<Long> c = Cursor.decode(p.get("cursor"));
            if (c.isEmpty()) {
                return Problem.invalidParam(400, r.path(), "cursor", p.get("cursor"),
                        "must be the next cursor of an earlier page").reply();
            }
            after = c.get();
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Bookmark b : bookmarks.tailMap(after, false).values()) {
            if (items.size() == limit) break;
            items.add(b.json());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        Long last = items.isEmpty() ? null : (Long) items.get(items.size() - 1).get("id");
        boolean more = last != null && bookmarks.higherKey(last) != null;
        body.put("next", more ? Cursor.encode(last) : null);
        return json(200, body);
    }

    private Reply createOnce(Request r) {
        Optional<String> key = r.header("idempotency-key");
        if (key.isEmpty()) return create(r);
        Stored s = byIdempotencyKey.get(key.get());
        if (s == null) {
            Reply reply = create(r);
            if (reply.status() < 500) byIdempotencyKey.put(key.get(), new Stored(r.body(), reply));
            return reply;
        }
        if (!s.body().equals(r.body())) {
            return Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "this key was used for another request body", r.path()).reply();
        }
        return s.reply();
    }

    private Reply create(Request r) {
        Optional<Reply> bad = jsonBody(r, JSON);
        if (bad.isPresent()) return bad.get();
        JsonNode body = Json.tree(r.body()).orElseThrow();
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        String url = text(body, "url", invalid, true);
        String title = text(body, "title", invalid, true);
        String visibility = visibility(body, invalid, "private");
        if (url != null && !url.matches("https?://\\S+")) {
            invalid.add(new Problem.InvalidParam("url", "was \"" + url + "\"; must be an http:// or https:// URL"));
        }
        if (!invalid.isEmpty()) return unprocessable(r, invalid);
        Bookmark b = new Bookmark(nextId++, url, title, visibility, 1);
        bookmarks.put(b.id(), b);
        return json(201, b.json()).withHeader("Location", "/v1/bookmarks/" + b.id()).withHeader("ETag", b.etag());
    }

    private Reply read(Request r, long id) {
        Bookmark b = bookmarks.get(id);
        if (b == null) return notFound(r);
        if (r.header("if-none-match").filter(b.etag()::equals).isPresent()) {
            return new Reply(304, "", Map.of("ETag", b.etag()));
        }
        return json(200, b.json()).withHeader("ETag", b.etag());
    }

    private Reply replace(Request r, long id) {
        Bookmark b = bookmarks.get(id);
        if (b == null) return notFound(r);
        Optional<Reply> bad = jsonBody(r, JSON);
        if (bad.isPresent()) return bad.get();
        Optional<String> ifMatch = r.header("if-match");
        if (ifMatch.isPresent() && !ifMatch.get().equals(b.etag())) return preconditionFailed(r, b);
        JsonNode body = Json.tree(r.body()).orElseThrow();
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        String url = text(body, "url", invalid, true);
        String title = text(body, "title", invalid, true);
        String visibility = visibility(body, invalid, "private");
        if (!invalid.isEmpty()) return unprocessable(r, invalid);
        Bookmark now = new Bookmark(id, url, title, visibility, b.version() + (b.url().equals(url)
                && b.title().equals(title) && b.visibility().equals(visibility) ? 0 : 1));
        bookmarks.put(id, now);
        return json(200, now.json()).withHeader("ETag", now.etag());
    }

    private Reply patch(Request r, long id) {
        Bookmark b = bookmarks.get(id);
        if (b == null) return notFound(r);
        Optional<Reply> bad = jsonBody(r, "application/merge-patch+json");
        if (bad.isPresent()) return bad.get();
        Optional<String> ifMatch = r.header("if-match");
        if (ifMatch.isPresent() && !ifMatch.get().equals(b.etag())) return preconditionFailed(r, b);
        JsonNode body = Json.tree(r.body()).orElseThrow();
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        String title = body.has("title") ? text(body, "title", invalid, true) : b.title();
        String visibility = body.has("visibility") ? visibility(body, invalid, b.visibility()) : b.visibility();
        if (!invalid.isEmpty()) return unprocessable(r, invalid);
        Bookmark now = new Bookmark(id, b.url(), title, visibility, b.version() + 1);
        bookmarks.put(id, now);
        return json(200, now.json()).withHeader("ETag", now.etag());
    }

    private Reply delete(Request r, long id) {
        return bookmarks.remove(id) == null ? notFound(r) : new Reply(204, "", Map.of());
    }

    /** Empty when the request has a JSON body of the given media type; otherwise the 415 or 400 to answer. */
    private static Optional<Reply> jsonBody(Request r, String mediaType) {
        String type = r.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.equals(mediaType) && !type.startsWith(mediaType + ";")) {
            return Optional.of(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as " + mediaType + ", not \"" + type + "\"", r.path()).reply()
                    .withHeader("Accept-Patch", "application/merge-patch+json"));
        }
        Optional<JsonNode> body = Json.tree(r.body());
        if (body.isEmpty() || !body.get().isObject()) {
            return Optional.of(Problem.of(400, "malformed-json", "Malformed JSON",
                    "the body is not a JSON object", r.path()).reply());
        }
        return Optional.empty();
    }

    private static String text(JsonNode body, String name, List<Problem.InvalidParam> invalid, boolean required) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            if (required) invalid.add(new Problem.InvalidParam(name, "is required"));
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            invalid.add(new Problem.InvalidParam(name, "was " + v + "; must be a non-empty string"));
            return null;
        }
        return v.asText();
    }

    private static String visibility(JsonNode body, List<Problem.InvalidParam> invalid, String otherwise) {
        JsonNode v = body.get("visibility");
        if (v == null) return otherwise;
        if (!v.isTextual() || !List.of("public", "private").contains(v.asText())) {
            invalid.add(new Problem.InvalidParam("visibility", "was " + v + "; must be \"public\" or \"private\""));
            return null;
        }
        return v.asText();
    }

    private static Reply unprocessable(Request r, List<Problem.InvalidParam> invalid) {
        return new Problem(Problem.TYPES + "invalid-parameter", "Your request parameters didn't validate.", 422,
                invalid.size() + " member(s) of the body are invalid", r.path(), invalid).reply();
    }

    private static Reply preconditionFailed(Request r, Bookmark b) {
        return Problem.of(412, "stale-etag", "Precondition failed", "the bookmark changed since you read it "
                + "(If-Match " + r.header("if-match").orElse("") + ", now " + b.etag() + "): read it again", r.path())
                .reply().withHeader("ETag", b.etag());
    }

    private static Reply notFound(Request r) {
        return Problem.of(404, "not-found", "Not found", "no resource at " + r.path(), r.path()).reply();
    }

    private static Reply notAllowed(Request r, String allow) {
        return Problem.of(405, "method-not-allowed", "Method not allowed", r.method() + " is not allowed on "
                + r.path() + "; allowed: " + allow, r.path()).reply().withHeader("Allow", allow);
    }

    static Reply json(int status, Object body) {
        return new Reply(status, Json.write(body), Map.of("Content-Type", JSON));
    }
}
