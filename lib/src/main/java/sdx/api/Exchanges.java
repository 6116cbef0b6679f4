package sdx.api;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import sdx.core.Check;
import sdx.net.LoopbackClient;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Real request/response exchanges written down as a table: what was sent, the status, the response headers
 * worth reading (Content-Type, Location, ETag, Allow, Retry-After, RateLimit-*, Idempotent-Replayed) and the body.
 */
final class Exchanges {
    private static final List<String> SHOWN = List.of("content-type", "location", "etag", "allow", "retry-after",
            "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "idempotent-replayed");

    /** One request to send, and what it demonstrates. */
    record Ask(String what, String method, String path, Map<String, String> headers, String body) {
        Ask {
            Check.notNull("what", what);
            headers = Map.copyOf(headers);
        }

        static Ask of(String what, String method, String path) {
            return new Ask(what, method, path, Map.of(), "");
        }

        static Ask json(String what, String method, String path, String body) {
            return new Ask(what, method, path, Map.of("Content-Type", BookmarkApi.JSON), body);
        }

        Ask with(String header, String value) {
            Map<String, String> h = new TreeMap<>(headers);
            h.put(header, value);
            return new Ask(what, method, path, h, body);
        }
    }

    private final Table table;
    private final StringColumn what = StringColumn.create("what"), request = StringColumn.create("request"),
            headers = StringColumn.create("response headers"), body = StringColumn.create("response body");
    private final IntColumn status = IntColumn.create("status");

    Exchanges(String title) {
        table = Table.create(title);
    }

    /** Sends {@code ask} with {@code client}, records the exchange and returns the response. */
    LoopbackClient.Response send(LoopbackClient client, Ask ask) {
        LoopbackClient.Response r = client.send(ask.method(), ask.path(), ask.headers(), ask.body());
        StringJoiner req = new StringJoiner(" · ");
        req.add(ask.method() + " " + ask.path());
        new TreeMap<>(ask.headers()).forEach((k, v) -> req.add(k + ": " + v));
        if (!ask.body().isEmpty()) req.add(ask.body());
        StringJoiner h = new StringJoiner(" · ");
        for (String name : SHOWN) {
            String v = r.headers().get(name);
            if (v != null) h.add(name + ": " + v);
        }
        what.append(ask.what());
        request.append(req.toString());
        status.append(r.status());
        headers.append(h.toString());
        body.append(r.body());
        return r;
    }

    Table table() {
        return table.addColumns(what, request, status, headers, body);
    }
}
