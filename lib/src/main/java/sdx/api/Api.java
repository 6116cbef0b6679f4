package sdx.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdx.api.Exchanges.Ask;
import sdx.core.Check;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 25's experiments on the real {@link BookmarkApi}: every table is made by sending real HTTP requests
 * on 127.0.0.1 and writing down what came back. Each call starts its own server and stops it before returning.
 */
public final class Api {
    private Api() {}

    private static final String FIRST = "{\"url\":\"https://example.org/raft\",\"title\":\"Raft paper\"}";
    private static final String SECOND = "{\"url\":\"https://example.org/paxos\",\"title\":\"Paxos made simple\"}";

    private static Table run(String title, BookmarkApi.Settings settings, long clockMillis, List<Ask> asks) {
        Exchanges ex = new Exchanges(title);
        try (BookmarkApi api = BookmarkApi.start(settings, () -> clockMillis);
             LoopbackClient client = LoopbackClient.to(api.uri())) {
            for (Ask a : asks) ex.send(client, a);
        }
        return ex.table();
    }

    /** A tour of the status codes: create, read, conditional read, list, update, delete, and each error. */
    public static Table statusCodes() {
        List<Ask> asks = List.of(
                Ask.json("create", "POST", "/v1/bookmarks", FIRST),
                Ask.of("read one", "GET", "/v1/bookmarks/1"),
                Ask.of("read again, if changed", "GET", "/v1/bookmarks/1").with("If-None-Match", "\"1.1\""),
                Ask.of("list", "GET", "/v1/bookmarks?limit=5"),
                Ask.json("partial update", "PATCH", "/v1/bookmarks/1", "{\"visibility\":\"public\"}")
                        .with("Content-Type", "application/merge-patch+json"),
                Ask.json("replace with a stale ETag", "PUT", "/v1/bookmarks/1", FIRST).with("If-Match", "\"1.1\""),
                Ask.of("delete", "DELETE", "/v1/bookmarks/1"),
                Ask.of("read the deleted one", "GET", "/v1/bookmarks/1"),
                Ask.json("create again", "POST", "/v1/bookmarks", SECOND),
                Ask.of("a method the item does not have", "POST", "/v1/bookmarks/2"),
                Ask.json("a body that is not JSON", "POST", "/v1/bookmarks", "url=https://example.org")
                        .with("Content-Type", "application/x-www-form-urlencoded"),
                Ask.json("malformed JSON", "POST", "/v1/bookmarks", "{\"url\": "),
                Ask.json("JSON with invalid members", "POST", "/v1/bookmarks", "{\"url\":\"ftp:/x\"}"),
                Ask.of("a page size out of range", "GET", "/v1/bookmarks?limit=0"));
        return run("status codes from a real bookmarks API", BookmarkApi.Settings.defaults(), 0, asks);
    }

    /**
     * Safe and idempotent, measured: each request is sent twice to a fresh server holding two bookmarks; "safe"
     * means the first call left the saved state as it was, "idempotent" that the second left it as the first did.
     */
    public static Table methodSemantics() {
        record Row(String label, Ask ask) {}
        List<Row> rows = List.of(
                new Row("GET an item", Ask.of("", "GET", "/v1/bookmarks/1")),
                new Row("GET the collection", Ask.of("", "GET", "/v1/bookmarks")),
                new Row("PUT an item (replace)", Ask.json("", "PUT", "/v1/bookmarks/1",
                        "{\"url\":\"https://example.org/raft\",\"title\":\"Raft (extended)\"}")),
                new Row("PATCH an item (merge patch)", Ask.json("", "PATCH", "/v1/bookmarks/1",
                        "{\"title\":\"Raft, read again\"}").with("Content-Type", "application/merge-patch+json")),
                new Row("DELETE an item", Ask.of("", "DELETE", "/v1/bookmarks/1")),
                new Row("POST to the collection", Ask.json("", "POST", "/v1/bookmarks",
                        "{\"url\":\"https://example.org/dynamo\",\"title\":\"Dynamo\"}")),
                new Row("POST with an Idempotency-Key", Ask.json("", "POST", "/v1/bookmarks",
                        "{\"url\":\"https://example.org/dynamo\",\"title\":\"Dynamo\"}").with("Idempotency-Key", "k-1")));
        StringColumn request = StringColumn.create("request"), statuses = StringColumn.create("statuses (1st, 2nd)"),
                safe = StringColumn.create("safe: 1st call left the state alone"),
                idem = StringColumn.create("idempotent: 2nd call changed nothing more");
        for (Row row : rows) {
            try (BookmarkApi api = BookmarkApi.start(); LoopbackClient client = LoopbackClient.to(api.uri())) {
                Map<String, String> json = Map.of("Content-Type", BookmarkApi.JSON);
                client.send("POST", "/v1/bookmarks", json, FIRST);
                client.send("POST", "/v1/bookmarks", json, SECOND);
                String s0 = api.state();
                int[] codes = new int[2];
                String[] states = new String[2];
                for (int i = 0; i < 2; i++) {
                    Ask a = row.ask();
                    codes[i] = client.send(a.method(), a.path(), a.headers(), a.body()).status();
                    states[i] = api.state();
                }
                request.append(row.label());
                statuses.append(codes[0] + ", " + codes[1]);
                safe.append(states[0].equals(s0) ? "yes" : "no");
                idem.append(states[1].equals(states[0]) ? "yes" : "no");
            }
        }
        return Table.create("each request sent twice to a real server").addColumns(request, statuses, safe, idem);
    }

    /**
     * The same mistakes answered by a careless server: errors as ad-hoc bodies, a 200 that is an error, and an
     * exception's text (class names, input) leaked to the client in a 500.
     */
    public static Table adHocErrors() {
        LoopbackServer.Handler careless = r -> {
            if (r.path().equals("/bookmarks")) {
                int limit = Integer.parseInt(r.params().getOrDefault("limit", "10"));   // throws on "ten"
                if (limit < 1) return Reply.of(400, "{\"error\":\"bad limit\"}");
                return Reply.ok("{\"items\":[]}");
            }
            return Reply.ok("{\"error\":true,\"message\":\"not found\"}");
        };
        Exchanges ex = new Exchanges("the same mistakes, answered by a careless server");
        try (LoopbackServer server = LoopbackServer.start("careless", careless);
             LoopbackClient client = LoopbackClient.to(server.uri())) {
            ex.send(client, Ask.of("a page size out of range", "GET", "/bookmarks?limit=0"));
            ex.send(client, Ask.of("a page size that is not a number", "GET", "/bookmarks?limit=ten"));
            ex.send(client, Ask.of("an item that does not exist", "GET", "/bookmarks/99"));
        }
        return ex.table();
    }

    /** The same three mistakes answered by {@link BookmarkApi} with problem details. */
    public static Table problemErrors() {
        return run("the same mistakes, answered with problem details", BookmarkApi.Settings.defaults(), 0, List.of(
                Ask.of("a page size out of range", "GET", "/v1/bookmarks?limit=0"),
                Ask.of("a page size that is not a number", "GET", "/v1/bookmarks?limit=ten"),
                Ask.of("an item that does not exist", "GET", "/v1/bookmarks/99")));
    }

    /**
     * Rate-limit headers: {@code requests} GETs from one client, at {@code secondsIntoWindow} into a
     * 60-second window allowing {@code limit} requests (1..20 requests, limit 1..10, 0..59 s).
     */
    public static Table rateLimit(int requests, int limit, int secondsIntoWindow) {
        Check.inRange("requests", requests, 1, 20);
        Check.inRange("limit", limit, 1, 10);
        Check.inRange("secondsIntoWindow", secondsIntoWindow, 0, 59);
        List<Ask> asks = new ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            asks.add(Ask.of("request " + i, "GET", "/v1/bookmarks").with("X-Client-Id", "app-42"));
        }
        return run("a client sends " + requests + " requests in one window", BookmarkApi.Settings.defaults()
                .withRateLimit(limit, 60), secondsIntoWindow * 1000L, asks);
    }

    /** Idempotency-Key on POST: a retry, the key reused for another body, a request without a key. */
    public static Table idempotencyKeys() {
        String other = "{\"url\":\"https://example.org/raft\",\"title\":\"another title\"}";
        return run("POST with an Idempotency-Key", BookmarkApi.Settings.defaults(), 0, List.of(
                Ask.json("create, with a key", "POST", "/v1/bookmarks", FIRST).with("Idempotency-Key", "8e03-k1"),
                Ask.json("the retry: same key, same body", "POST", "/v1/bookmarks", FIRST).with("Idempotency-Key", "8e03-k1"),
                Ask.json("same key, another body", "POST", "/v1/bookmarks", other).with("Idempotency-Key", "8e03-k1"),
                Ask.json("a retry without a key", "POST", "/v1/bookmarks", FIRST),
                Ask.of("what was saved", "GET", "/v1/bookmarks")));
    }

    /**
     * Runs {@code call} and shows the message of the {@link IllegalArgumentException} it throws (the course
     * library's fail-fast errors); says so if it throws none.
     */
    public static String failure(Runnable call) {
        Check.notNull("call", call);
        try {
            call.run();
            return "no error: the call was accepted";
        } catch (IllegalArgumentException e) {
            return "IllegalArgumentException: " + e.getMessage();
        }
    }
}
