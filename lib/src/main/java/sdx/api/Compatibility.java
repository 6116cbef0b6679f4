package sdx.api;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdx.core.Check;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which server changes break an old client, found by running one. The client was written against version 1
 * of a bookmarks API: it creates a bookmark ({@code POST /v1/bookmarks}), follows the Location and reads the
 * bookmark into its own record. It comes in two builds: a strict reader (Jackson with
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} on and unknown enum values refused) and a tolerant reader (unknown members
 * ignored, an unknown enum value read as {@code OTHER}). Each {@link Change} is a real server on 127.0.0.1.
 */
public final class Compatibility {
    private Compatibility() {}

    /** A change made to the server after the old client shipped. */
    public enum Change {
        NONE("no change"),
        ADD_OPTIONAL_FIELD("add a response field (createdAt)"),
        ADD_ENUM_VALUE("add an enum value (visibility \"unlisted\")"),
        ADD_REQUIRED_REQUEST_FIELD("require a new request field (tags)"),
        RENAME_FIELD("rename a field (title to name)"),
        CHANGE_TYPE("change a type (id: number to string)"),
        REMOVE_ENDPOINT("remove an endpoint (GET one bookmark)"),
        RENAME_IN_V2("the rename, shipped as /v2 while /v1 stays");

        private final String description;

        Change(String description) {
            this.description = description;
        }

        /** The change in words. */
        public String description() {
            return description;
        }
    }

    /** What the old client reads into: version 1's bookmark. */
    record OldBookmark(long id, String url, String title, Visibility visibility) {}

    /** Version 1's visibility values; OTHER is what a tolerant reader makes of a value it does not know. */
    enum Visibility {
        @JsonProperty("public") PUBLIC,
        @JsonProperty("private") PRIVATE,
        @JsonEnumDefaultValue OTHER
    }

    /**
     * The old client's result against one server.
     *
     * @param works whether it created and read back its bookmark
     * @param why   "works", or how it broke
     */
    public record Outcome(boolean works, String why) {}

    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final ObjectMapper TOLERANT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true);

    /** Runs the old client (strict or tolerant) against a server with {@code change}. */
    public static Outcome run(Change change, boolean tolerant) {
        Check.notNull("change", change);
        try (LoopbackServer server = LoopbackServer.start("api-v1", serverWith(change));
             LoopbackClient client = LoopbackClient.to(server.uri())) {
            return oldClient(client, tolerant ? TOLERANT : STRICT);
        }
    }

    /** Every change against both builds of the old client: the "does it break?" table, measured. */
    public static Table table() {
        StringColumn change = StringColumn.create("server change"),
                strict = StringColumn.create("strict client (unknown fields fail)"),
                tolerant = StringColumn.create("tolerant reader");
        for (Change c : Change.values()) {
            change.append(c.description());
            strict.append(run(c, false).why());
            tolerant.append(run(c, true).why());
        }
        return Table.create("the old client, run against each server change").addColumns(change, strict, tolerant);
    }

    private static Outcome oldClient(LoopbackClient client, ObjectMapper mapper) {
        String sent = "{\"url\":\"https://example.org/raft\",\"title\":\"Raft paper\"}";
        LoopbackClient.Response created = client.send("POST", "/v1/bookmarks",
                Map.of("Content-Type", BookmarkApi.JSON), sent);
        if (created.status() != 201) return new Outcome(false, "breaks: HTTP " + created.status() + " on create");
        String location = created.headers().getOrDefault("location", "");
        if (!location.startsWith("/")) return new Outcome(false, "breaks: no Location");
        LoopbackClient.Response read = client.get(location);
        if (read.status() != 200) return new Outcome(false, "breaks: HTTP " + read.status() + " on read");
        try {
            OldBookmark b = mapper.readValue(read.body(), OldBookmark.class);
            if (b.title() == null) return new Outcome(false, "breaks: title missing");
            if (!"Raft paper".equals(b.title()) || !"https://example.org/raft".equals(b.url())) {
                return new Outcome(false, "breaks: read back other data");
            }
            return new Outcome(true, b.visibility() == Visibility.OTHER ? "works (visibility read as OTHER)" : "works");
        } catch (UnrecognizedPropertyException e) {
            return new Outcome(false, "breaks: unknown field \"" + e.getPropertyName() + "\"");
        } catch (InvalidFormatException e) {
            String field = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            return new Outcome(false, "breaks: " + e.getValue() + " is not a valid " + field);
        } catch (JsonProcessingException e) {
            return new Outcome(false, "breaks: " + e.getOriginalMessage());
        }
    }

    static LoopbackServer.Handler serverWith(Change change) {
        return r -> {
            if (r.method().equals("POST") && r.path().equals("/v1/bookmarks")) return create(change, r);
            if (r.method().equals("GET") && r.path().matches("/v[12]/bookmarks/(1|bm_1)")) {
                boolean v2 = r.path().startsWith("/v2/");
                if (change == Change.REMOVE_ENDPOINT || (v2 && change != Change.RENAME_IN_V2)) {
                    return Problem.of(410, "gone", "Gone", "this endpoint was removed", r.path()).reply();
                }
                return BookmarkApi.json(200, representation(change, v2, r.path().endsWith("bm_1")));
            }
            return Problem.of(404, "not-found", "Not found", "no resource at " + r.path(), r.path()).reply();
        };
    }

    private static Reply create(Change change, Request r) {
        var body = Json.tree(r.body());
        if (change == Change.ADD_REQUIRED_REQUEST_FIELD && (body.isEmpty() || !body.get().has("tags"))) {
            return new Problem(Problem.TYPES + "invalid-parameter", "Your request parameters didn't validate.", 422,
                    "1 member(s) of the body are invalid", r.path(),
                    List.of(new Problem.InvalidParam("tags", "is required"))).reply();
        }
        boolean stringId = change == Change.CHANGE_TYPE;
        return BookmarkApi.json(201, representation(change, false, stringId))
                .withHeader("Location", "/v1/bookmarks/" + (stringId ? "bm_1" : "1"));
    }

    private static Map<String, Object> representation(Change change, boolean v2, boolean stringId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", stringId ? "bm_1" : 1);
        m.put("url", "https://example.org/raft");
        m.put(change == Change.RENAME_FIELD || v2 ? "name" : "title", "Raft paper");
        m.put("visibility", change == Change.ADD_ENUM_VALUE ? "unlisted" : "private");
        if (change == Change.ADD_OPTIONAL_FIELD) m.put("createdAt", "2026-01-01T00:00:00Z");
        if (change == Change.ADD_REQUIRED_REQUEST_FIELD) m.put("tags", List.of());
        return m;
    }
}
