package sdx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BookmarkApiTest {

    @Test
    void statusTourAnswersEachRequestWithItsStatus() {
        Table t = Api.statusCodes();
        assertEquals(List.of(201, 200, 304, 200, 200, 412, 204, 404, 201, 405, 415, 400, 422, 400),
                t.intColumn("status").asList());
        String created = t.stringColumn("response headers").get(0);
        assertTrue(created.contains("location: /v1/bookmarks/1"), created);
        assertTrue(t.stringColumn("response headers").get(9).contains("allow: GET, PUT, PATCH, DELETE"));
        assertTrue(t.stringColumn("response headers").get(12).contains("content-type: application/problem+json"));
        assertTrue(t.stringColumn("response body").get(12).contains("\"invalid-params\""));
    }

    @Test
    void methodSemanticsAreMeasuredNotTyped() {
        Table t = Api.methodSemantics();
        // GET x2 safe; PUT, PATCH, DELETE idempotent; POST not; POST with a key idempotent.
        assertEquals(List.of("yes", "yes", "no", "no", "no", "no", "no"), t.stringColumn(2).asList());
        assertEquals(List.of("yes", "yes", "yes", "yes", "yes", "no", "yes"), t.stringColumn(3).asList());
        assertEquals("204, 404", t.stringColumn(1).get(4));
        assertEquals("201, 201", t.stringColumn(1).get(6));
    }

    @Test
    void rateLimitCountsDownThen429WithRetryAfter() {
        Table t = Api.rateLimit(5, 3, 20);
        assertEquals(List.of(200, 200, 200, 429, 429), t.intColumn("status").asList());
        assertTrue(t.stringColumn("response headers").get(0).contains("ratelimit-remaining: 2"));
        assertTrue(t.stringColumn("response headers").get(3).contains("retry-after: 40"));
        assertTrue(t.stringColumn("response headers").get(3).contains("ratelimit-reset: 40"));
        assertThrows(IllegalArgumentException.class, () -> Api.rateLimit(0, 3, 20));
    }

    @Test
    void idempotencyKeyReplaysAndRefusesReuse() {
        Table t = Api.idempotencyKeys();
        assertEquals(List.of(201, 201, 422, 201, 200), t.intColumn("status").asList());
        assertTrue(t.stringColumn("response body").get(4).contains("\"id\":2"), "two bookmarks saved, not three");
    }

    @Test
    void adHocAndProblemErrors() {
        Table ad = Api.adHocErrors(), pd = Api.problemErrors();
        assertEquals(List.of(400, 500, 200), ad.intColumn("status").asList());
        assertTrue(ad.stringColumn("response body").get(1).contains("NumberFormatException"), "the careless server leaks");
        assertEquals(List.of(400, 400, 404), pd.intColumn("status").asList());
        for (String body : pd.stringColumn("response body")) assertTrue(body.contains("\"type\""), body);
    }

    @Test
    void problemSerialisesTheRfcMembersInOrder() {
        String json = Problem.invalidParam(400, "/v1/x", "limit", "0", "must be 1..100").json();
        assertEquals("{\"type\":\"https://course.example/problems/invalid-parameter\",\"title\":\"Your request "
                + "parameters didn't validate.\",\"status\":400,\"detail\":\"limit was \\\"0\\\"; must be 1..100\","
                + "\"instance\":\"/v1/x\",\"invalid-params\":[{\"name\":\"limit\",\"reason\":\"was \\\"0\\\"; "
                + "must be 1..100\"}]}", json);
        assertThrows(IllegalArgumentException.class, () -> Problem.of(200, "x", "t", "d", "/"));
    }

    @Test
    void cursorsRoundTripAndRejectForgeries() {
        assertEquals(42L, Cursor.decode(Cursor.encode(42)).orElseThrow());
        assertTrue(Cursor.decode("not-a-cursor").isEmpty());
        assertTrue(Cursor.decode("42").isEmpty());
    }

    @Test
    void settingsFailFast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BookmarkApi.Settings(100, 60, 500, 100));
        assertTrue(e.getMessage().contains("defaultLimit"), e.getMessage());
    }
}
