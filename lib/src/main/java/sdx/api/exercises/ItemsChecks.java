package sdx.api.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.api.Json;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.net.LoopbackClient;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * Hidden checks for exercise 1, as contract tests over real HTTP: the learner's endpoint is served on a
 * loopback {@link LoopbackServer}; each check sends requests and reads status, Content-Type and JSON body. An
 * exception in the endpoint (on the server's thread) is re-thrown here, so a stub reads "not attempted" and a
 * bug names itself. A client waits at most 2 s for an answer; when the check ends, its server is closed and any
 * of its worker threads still inside the endpoint is stopped ({@link Grader#stopThreads}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ItemsChecks {
    private final ItemsEndpoint.Factory factory = Grader.submission(ItemsEndpoint.Factory.class);

    /** A server with the learner's endpoint over a store of {@code n} items. */
    private final class Rig implements AutoCloseable {
        final ItemStore store = new ItemStore();
        final AtomicReference<RuntimeException> error = new AtomicReference<>();
        final java.util.Set<Thread> inside = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final LoopbackServer server;
        final LoopbackClient client;

        Rig(int n) {
            for (int i = 1; i <= n; i++) store.add("item " + i);
            ItemsEndpoint endpoint = factory.create(store);
            server = LoopbackServer.start("items-grader", 2, request -> {
                inside.add(Thread.currentThread());
                try {
                    Reply reply = endpoint.handle(request);
                    if (reply == null) throw new IllegalStateException("handle returned null instead of a Reply");
                    return reply;
                } catch (RuntimeException e) {
                    error.compareAndSet(null, e);
                    throw e;
                } finally {
                    inside.remove(Thread.currentThread());
                }
            });
            client = LoopbackClient.to(server.uri(), 2_000);
        }

        LoopbackClient.Response send(String method, String path, Map<String, String> headers, String body) {
            LoopbackClient.Response r;
            try {
                r = client.send(method, path, headers, body);
            } catch (UncheckedIOException e) {
                rethrow();
                fail("no answer within 2 s to " + method + " " + path + ": does your handler return a Reply?");
                return null;
            }
            rethrow();
            return r;
        }

        LoopbackClient.Response get(String path) {
            return send("GET", path, Map.of(), "");
        }

        LoopbackClient.Response post(String contentType, String body) {
            return send("POST", "/v1/items", Map.of("Content-Type", contentType), body);
        }

        void rethrow() {
            RuntimeException e = error.get();
            if (e != null) throw e;
        }

        @Override
        public void close() throws InterruptedException {
            client.close();
            List<Thread> stuck = new ArrayList<>(inside);    // workers still inside the endpoint: stop them first,
            if (!stuck.isEmpty()) Grader.stopThreads(stuck);  // or closing the server waits for them
            server.close();
        }
    }

    private static JsonNode json(LoopbackClient.Response r, String what) {
        return Json.tree(r.body()).orElseGet(() -> {
            fail(what + ": the body is not JSON: " + shorten(r.body()));
            return null;
        });
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static List<Long> ids(JsonNode page, String what) {
        JsonNode items = page.get("items");
        assertTrue(items != null && items.isArray(), what + ": the body needs an \"items\" array: " + shorten(page.toString()));
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : items) {
            assertTrue(item.path("id").isIntegralNumber() && item.path("name").isTextual(),
                    what + ": each item is {\"id\": number, \"name\": text}, got " + shorten(item.toString()));
            ids.add(item.get("id").asLong());
        }
        return ids;
    }

    private static String next(JsonNode page) {
        JsonNode n = page.get("next");
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void assertOk(LoopbackClient.Response r, String what) {
        assertEquals(200, r.status(), what + ": status (body: " + shorten(r.body()) + ")");
        String type = r.headers().getOrDefault("content-type", "(none)");
        assertTrue(type.startsWith("application/json"), what + ": Content-Type is " + type + ", expected application/json");
    }

    private static void assertProblemNaming(LoopbackClient.Response r, int status, String param, String what) {
        assertEquals(status, r.status(), what + ": status (body: " + shorten(r.body()) + ")");
        JsonNode body = json(r, what);
        JsonNode invalid = body.path("invalid-params");
        boolean named = false;
        for (JsonNode p : invalid) named |= param.equals(p.path("name").asText());
        assertTrue(named, what + ": the body's \"invalid-params\" must list {\"name\": \"" + param + "\", ...}, got "
                + shorten(body.toString()));
    }

    /** Walks every page with {@code limit}, calling {@code between} before each page after the first. */
    private static List<List<Long>> walk(Rig rig, int limit, Runnable between) {
        List<List<Long>> pages = new ArrayList<>();
        String cursor = null;
        do {
            if (pages.size() == 40) fail("more than 40 pages: does the last page leave out \"next\"?");
            if (!pages.isEmpty()) between.run();
            String path = "/v1/items?limit=" + limit + (cursor == null ? ""
                    : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
            LoopbackClient.Response r = rig.get(path);
            assertOk(r, "GET " + path);
            JsonNode page = json(r, "GET " + path);
            pages.add(ids(page, "GET " + path));
            cursor = next(page);
        } while (cursor != null);
        return pages;
    }

    private static List<Long> descending(long from, long to) {
        return LongStream.rangeClosed(to, from).map(i -> from + to - i).boxed().toList();
    }

    @Test
    @Order(1)
    @DisplayName("GET /v1/items without a limit: 200, JSON, the newest 10 items and a next cursor")
    @Hint("no limit parameter means DEFAULT_LIMIT; list store.newestBefore(Long.MAX_VALUE, limit) and add \"next\" when more remain")
    @Basic
    void firstPage() throws InterruptedException {
        try (Rig rig = new Rig(25)) {
            LoopbackClient.Response r = rig.get("/v1/items");
            assertOk(r, "GET /v1/items");
            JsonNode page = json(r, "GET /v1/items");
            assertEquals(descending(25, 16), ids(page, "GET /v1/items"), "ids on the first page of 25 items");
            assertTrue(next(page) != null, "the first of three pages needs a \"next\" cursor");
        }
    }

    @Test
    @Order(2)
    @DisplayName("following next with limit=10 over 25 items: pages of 10, 10, 5, every item once, no next on the last")
    @Hint("give \"next\" only when items remain after this page (e.g. ask the store for limit + 1 and show limit)")
    @Basic
    void lastPage() throws InterruptedException {
        try (Rig rig = new Rig(25)) {
            List<List<Long>> pages = walk(rig, 10, () -> {});
            assertEquals(List.of(10, 10, 5), pages.stream().map(List::size).toList(), "page sizes");
            assertEquals(descending(25, 1), pages.stream().flatMap(List::stream).toList(), "ids over all pages");
        }
    }

    @Test
    @Order(3)
    @DisplayName("an empty collection: 200 with \"items\": [] and no next")
    @Hint("an empty list is a normal answer, not a 404: the collection exists, it has no items")
    @Basic
    void emptyCollection() throws InterruptedException {
        try (Rig rig = new Rig(0)) {
            LoopbackClient.Response r = rig.get("/v1/items");
            assertOk(r, "GET /v1/items on an empty collection");
            JsonNode page = json(r, "GET /v1/items");
            assertEquals(List.of(), ids(page, "GET /v1/items"), "ids of an empty collection");
            assertEquals(null, next(page), "next of an empty collection");
        }
    }

    @Test
    @Order(4)
    @DisplayName("limit=0, 51, -3 or ten: 400 with invalid-params naming limit")
    @Hint("refuse a limit outside 1..MAX_LIMIT or not a number with Problem.invalidParam(400, path, \"limit\", value, rule); do not quietly clamp it")
    @Basic
    void badLimit() throws InterruptedException {
        try (Rig rig = new Rig(5)) {
            for (String limit : List.of("0", "51", "-3", "ten")) {
                assertProblemNaming(rig.get("/v1/items?limit=" + limit), 400, "limit", "GET /v1/items?limit=" + limit);
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("an error is RFC 9457 problem details: application/problem+json with type, title, status and detail")
    @Hint("build the error with sdx.api.Problem and answer problem.reply(): it sets the media type and the members")
    @Basic
    void problemDetails() throws InterruptedException {
        try (Rig rig = new Rig(5)) {
            LoopbackClient.Response r = rig.get("/v1/items?limit=0");
            String type = r.headers().getOrDefault("content-type", "(none)");
            assertTrue(type.startsWith("application/problem+json"), "Content-Type of an error is " + type
                    + ", expected application/problem+json");
            JsonNode body = json(r, "the error body");
            for (String member : List.of("type", "title", "detail")) {
                assertTrue(body.path(member).isTextual(), "the error body needs a text member \"" + member + "\": "
                        + shorten(body.toString()));
            }
            assertEquals(400, body.path("status").asInt(-1), "the body's \"status\" member (a number, the HTTP status)");
        }
    }

    @Test
    @Order(6)
    @DisplayName("a cursor the endpoint did not make: 400 with invalid-params naming cursor")
    @Hint("decode the cursor strictly and refuse anything else with a 400 naming \"cursor\"; never fall back to the first page")
    @Basic
    void badCursor() throws InterruptedException {
        try (Rig rig = new Rig(5)) {
            assertProblemNaming(rig.get("/v1/items?cursor=not-a-cursor"), 400, "cursor", "GET /v1/items?cursor=not-a-cursor");
        }
    }

    @Test
    @Order(7)
    @DisplayName("POST {\"name\": ...}: 201, Location /v1/items/{id}, the new item in the body and first in the list")
    @Hint("store.add(name), then new Reply(201, json, Map.of(\"Content-Type\", \"application/json\", \"Location\", \"/v1/items/\" + id))")
    @Basic
    void create() throws InterruptedException {
        try (Rig rig = new Rig(3)) {
            LoopbackClient.Response r = rig.post("application/json", "{\"name\":\"fresh\"}");
            assertEquals(201, r.status(), "status of a POST that creates (body: " + shorten(r.body()) + ")");
            JsonNode item = json(r, "the POST's body");
            assertEquals("fresh", item.path("name").asText(), "name of the created item");
            assertEquals("/v1/items/" + item.path("id").asLong(), r.headers().getOrDefault("location", "(none)"),
                    "the Location header");
            assertEquals(4, rig.store.size(), "items in the store after one POST");
        }
    }

    @Test
    @Order(8)
    @DisplayName("POST without a name or with a blank one: 422 naming name; a body that is not JSON: 415; nothing stored")
    @Hint("check the Content-Type first (415), then the members (422 with invalid-params); store nothing on an error")
    @Basic
    void createValidation() throws InterruptedException {
        try (Rig rig = new Rig(3)) {
            assertProblemNaming(rig.post("application/json", "{}"), 422, "name", "POST {}");
            assertProblemNaming(rig.post("application/json", "{\"name\":\"  \"}"), 422, "name", "POST a blank name");
            LoopbackClient.Response r = rig.post("text/plain", "name=x");
            assertEquals(415, r.status(), "status of a POST with Content-Type text/plain (body: " + shorten(r.body()) + ")");
            assertEquals(3, rig.store.size(), "items in the store after refused POSTs");
        }
    }

    @Test
    @Order(9)
    @DisplayName("5 seeds: 30 items, pages of 7, 0 to 3 new items before each page: every item once, none repeated")
    @Hint("the cursor must say where the reader is in the data (the last id it saw), not how many items it has read: new items at the top shift every position")
    void insertsWhilePaging() throws InterruptedException {
        for (int seed = 0; seed < 5; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            try (Rig rig = new Rig(30)) {
                List<List<Long>> pages = walk(rig, 7, () -> {
                    for (int i = random.nextInt(4); i > 0; i--) rig.store.add("new");
                });
                List<Long> all = pages.stream().flatMap(List::stream).toList();
                assertEquals(descending(30, 1), all.stream().filter(id -> id <= 30).toList(),
                        "seed " + seed + ": the 30 first items, over all pages");
                assertEquals(all.size(), all.stream().distinct().count(), "seed " + seed + ": items repeated across pages");
            }
        }
    }
}
