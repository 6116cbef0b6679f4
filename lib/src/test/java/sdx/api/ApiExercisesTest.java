package sdx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.api.exercises.ApiExercises;
import sdx.api.exercises.Item;
import sdx.api.exercises.ItemStore;
import sdx.api.exercises.ItemsEndpoint;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

class ApiExercisesTest {

    /** The mistakes the mutants make. */
    enum Bug { OLDEST_FIRST, NO_DEFAULT_LIMIT, ALWAYS_NEXT, EMPTY_IS_404, CLAMP_LIMIT, AD_HOC_ERRORS, BAD_CURSOR_FROM_TOP,
        NO_LOCATION, BLANK_NAME_OK, OFFSET_CURSOR, BLOCKS_FOREVER }

    /** The reference endpoint (the notebook's solution, written with helpers), with optional bugs. */
    static final class Items implements ItemsEndpoint {
        private final ItemStore store;
        private final Set<Bug> bugs;

        Items(ItemStore store, Set<Bug> bugs) {
            this.store = store;
            this.bugs = bugs;
        }

        @Override
        public Reply handle(Request r) {
            if (bugs.contains(Bug.BLOCKS_FOREVER)) {
                while (true) Thread.onSpinWait();
            }
            return r.method().equals("POST") ? post(r) : get(r);
        }

        private Reply problem(int status, String path, String name, String value, String rule) {
            if (bugs.contains(Bug.AD_HOC_ERRORS)) {
                return new Reply(status, "{\"error\":\"bad " + name + "\",\"invalid-params\":[{\"name\":\"" + name
                        + "\"}]}", Map.of("Content-Type", "application/json"));
            }
            return Problem.invalidParam(status, path, name, value, rule).reply();
        }

        private Reply get(Request r) {
            Map<String, String> p = r.params();
            int limit = ItemsEndpoint.DEFAULT_LIMIT;
            if (bugs.contains(Bug.NO_DEFAULT_LIMIT)) limit = 1_000;
            if (p.containsKey("limit")) {
                String v = p.get("limit");
                int n = v.matches("-?[0-9]{1,6}") ? Integer.parseInt(v) : -1;
                if (bugs.contains(Bug.CLAMP_LIMIT)) n = Math.max(1, Math.min(ItemsEndpoint.MAX_LIMIT, n));
                if (n < 1 || n > ItemsEndpoint.MAX_LIMIT) {
                    return problem(400, r.path(), "limit", v, "must be a whole number from 1 to " + ItemsEndpoint.MAX_LIMIT);
                }
                limit = n;
            }
            long before = Long.MAX_VALUE;
            if (p.containsKey("cursor")) {
                Optional<Long> c = Cursor.decode(p.get("cursor"));
                if (c.isEmpty() && !bugs.contains(Bug.BAD_CURSOR_FROM_TOP)) {
                    return problem(400, r.path(), "cursor", p.get("cursor"), "must be a next cursor from an earlier page");
                }
                before = c.orElse(Long.MAX_VALUE);
            }
            List<Item> page;
            boolean more;
            if (bugs.contains(Bug.OFFSET_CURSOR)) {
                List<Item> all = store.all();
                int from = before == Long.MAX_VALUE ? 0 : (int) before;
                page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
                more = from + limit < all.size();
                return page(page, more ? Cursor.encode(from + limit) : null);
            }
            page = new ArrayList<>(store.newestBefore(before, limit + 1));
            more = page.size() > limit;
            if (more) page = page.subList(0, limit);
            if (bugs.contains(Bug.OLDEST_FIRST)) java.util.Collections.reverse(page);
            if (page.isEmpty() && bugs.contains(Bug.EMPTY_IS_404)) {
                return sdx.api.Problem.of(404, "not-found", "Not found", "no items", r.path()).reply();
            }
            String next = (more || bugs.contains(Bug.ALWAYS_NEXT)) && !page.isEmpty()
                    ? Cursor.encode(page.get(page.size() - 1).id()) : null;
            return page(page, next);
        }

        private static Reply page(List<Item> items, String next) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", items);
            if (next != null) body.put("next", next);
            return new Reply(200, Json.write(body), Map.of("Content-Type", "application/json"));
        }

        private Reply post(Request r) {
            if (!r.header("content-type").orElse("").startsWith("application/json")) {
                return Problem.of(415, "unsupported-media-type", "Unsupported media type", "send application/json",
                        r.path()).reply();
            }
            var body = Json.tree(r.body());
            String name = body.map(b -> b.path("name").asText("")).orElse("");
            if (name.isBlank() && !(bugs.contains(Bug.BLANK_NAME_OK) && body.map(b -> b.has("name")).orElse(false))) {
                return problem(422, r.path(), "name", name, "must be a non-blank string");
            }
            Item item = store.add(name.isEmpty() ? "(blank)" : name);
            Reply reply = new Reply(bugs.contains(Bug.NO_LOCATION) ? 200 : 201, Json.write(item),
                    Map.of("Content-Type", "application/json"));
            return bugs.contains(Bug.NO_LOCATION) ? reply : reply.withHeader("Location", "/v1/items/" + item.id());
        }
    }

    static ItemsEndpoint.Factory with(Bug... bugs) {
        return store -> new Items(store, Set.of(bugs));
    }

    /** The notebook's stub. */
    static final class Stub implements ItemsEndpoint {
        Stub(ItemStore store) {}

        @Override
        public Reply handle(Request request) {
            return Exercise.todo();
        }
    }

    @Nested
    class EndpointGrader extends GraderContract<ItemsEndpoint.Factory> {
        protected Report grade(ItemsEndpoint.Factory a) {
            return ApiExercises.itemsEndpoint(a);
        }

        protected ItemsEndpoint.Factory reference() {
            return with();
        }

        protected ItemsEndpoint.Factory stub() {
            return Stub::new;
        }

        protected List<Mutant<ItemsEndpoint.Factory>> mutants() {
            return List.of(
                    mutant("oldest first", "firstPage", with(Bug.OLDEST_FIRST)),
                    mutant("no default limit: everything", "firstPage", with(Bug.NO_DEFAULT_LIMIT)),
                    mutant("a next cursor on the last page too", "lastPage", with(Bug.ALWAYS_NEXT)),
                    mutant("404 for an empty collection", "emptyCollection", with(Bug.EMPTY_IS_404)),
                    mutant("clamps a bad limit instead of refusing it", "badLimit", with(Bug.CLAMP_LIMIT)),
                    mutant("ad-hoc error bodies", "problemDetails", with(Bug.AD_HOC_ERRORS)),
                    mutant("a bad cursor reads from the top", "badCursor", with(Bug.BAD_CURSOR_FROM_TOP)),
                    mutant("200 without Location on create", "create", with(Bug.NO_LOCATION)),
                    mutant("accepts a blank name", "createValidation", with(Bug.BLANK_NAME_OK)),
                    mutant("the offset as the cursor", "insertsWhilePaging", with(Bug.OFFSET_CURSOR)));
        }
    }

    @Test
    void anEndpointThatNeverAnswersFailsAndLeavesNoThread() throws InterruptedException {
        long t0 = System.nanoTime();
        Report r = ApiExercises.itemsEndpoint(with(Bug.BLOCKS_FOREVER));
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
        assertTrue(r.toString().contains("no answer within 2 s"), r.toString());
        assertTrue((System.nanoTime() - t0) / 1e9 < 40, "graded in under 40 s");
        Thread.sleep(200);
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("sdx-net-items-grader-")).toList();
        assertEquals(List.of(), left, "grader server threads still alive");
    }

    @Nested
    class RowsReadPrediction extends GraderContract<Double> {
        protected Report grade(Double a) {
            return ApiExercises.predictRowsRead(a);
        }

        protected Double reference() {
            return (double) (ApiExercises.PREDICT_OFFSET + ApiExercises.PREDICT_LIMIT);
        }

        protected Double stub() {
            return Exercise.TODO_NUMBER;
        }

        protected List<Mutant<Double>> mutants() {
            return List.of(
                    mutant("only the page is read", Prediction.CHECK_ID, (double) ApiExercises.PREDICT_LIMIT),
                    mutant("the whole table is read", Prediction.CHECK_ID, (double) ApiExercises.PREDICT_ROWS),
                    mutant("only the skipped rows", Prediction.CHECK_ID, (double) ApiExercises.PREDICT_OFFSET - 400));
        }
    }

    @Test
    void predictionTruthIsTheOffsetPlusTheLimitByTheory() {
        // SQLite reads the OFFSET rows it discards and then the page: exactly offset + limit (Pagination.Cost).
        assertEquals(ApiExercises.PREDICT_OFFSET + ApiExercises.PREDICT_LIMIT, ApiExercises.predictTruth());
    }
}
