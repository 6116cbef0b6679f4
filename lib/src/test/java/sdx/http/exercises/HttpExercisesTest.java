package sdx.http.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.net.LoopbackServer.Handler;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

class HttpExercisesTest {

    /** The notebook's solution, written the way a learner would. */
    static Reply solve(Request r) {
        if (!r.method().equals("GET")) return Reply.of(405, "only GET\n").withHeader("Allow", "GET");
        if (!r.path().equals("/sum")) return Reply.of(404, "no such page\n");
        long sum = 0;
        for (String name : List.of("a", "b")) {
            String v = r.params().get(name);
            if (v == null) return Reply.of(400, "missing parameter " + name + "\n");
            try {
                sum += Long.parseLong(v);
            } catch (NumberFormatException e) {
                return Reply.of(400, "parameter " + name + " must be an integer, was " + v + "\n");
            }
        }
        return Reply.ok(sum + "\n").withHeader("Content-Type", "text/plain; charset=utf-8");
    }

    private static final String TEXT = "Content-Type";

    /** A reply as the reference would give it, but with {@code body} for a good request. */
    private static Handler changing(java.util.function.Function<Request, Reply> wrong, java.util.function.Predicate<Request> when) {
        return r -> when.test(r) ? wrong.apply(r) : solve(r);
    }

    private static boolean isGetSum(Request r) {
        return r.method().equals("GET") && r.path().equals("/sum");
    }

    @Nested
    class SumHandler extends GraderContract<Handler> {
        @Override protected Report grade(Handler h) { return HttpExercises.sumHandler(h); }
        @Override protected Handler reference() { return HttpExercisesTest::solve; }
        @Override protected Handler stub() { return r -> Exercise.todo(); }

        @Override
        protected List<Mutant<Handler>> mutants() {
            return List.of(
                    mutant("concatenates the strings instead of adding", "sumOfTwo", changing(
                            r -> Reply.ok(r.params().get("a") + r.params().get("b")).withHeader(TEXT, "text/plain"),
                            r -> isGetSum(r) && r.params().containsKey("a") && r.params().containsKey("b"))),
                    mutant("no Content-Type header", "contentType", changing(
                            r -> Reply.ok((Long.parseLong(r.params().get("a")) + Long.parseLong(r.params().get("b"))) + ""),
                            r -> isGetSum(r) && r.params().containsKey("a") && r.params().containsKey("b"))),
                    mutant("parses with Integer.parseInt", "bigAndNegativeNumbers", changing(
                            r -> Reply.ok((Integer.parseInt(r.params().get("a")) + Integer.parseInt(r.params().get("b"))) + "")
                                    .withHeader(TEXT, "text/plain"),
                            r -> isGetSum(r) && r.params().containsKey("a") && r.params().containsKey("b"))),
                    mutant("a missing parameter counts as 0", "missingParameter", changing(
                            r -> Reply.ok((Long.parseLong(r.params().getOrDefault("a", "0"))
                                    + Long.parseLong(r.params().getOrDefault("b", "0"))) + "").withHeader(TEXT, "text/plain"),
                            r -> isGetSum(r) && !(r.params().containsKey("a") && r.params().containsKey("b")))),
                    mutant("lets NumberFormatException escape (a 500)", "notANumber", changing(
                            r -> Reply.ok((Long.parseLong(r.params().get("a")) + Long.parseLong(r.params().get("b"))) + "")
                                    .withHeader(TEXT, "text/plain"),
                            r -> isGetSum(r) && r.params().containsKey("a") && r.params().containsKey("b"))),
                    mutant("405 without an Allow header", "wrongMethod", changing(
                            r -> Reply.of(405, "no"), r -> !r.method().equals("GET"))),
                    mutant("answers POST like GET", "wrongMethod", changing(
                            r -> solve(new Request("GET", r.path(), r.query())), r -> !r.method().equals("GET"))),
                    mutant("serves every path as /sum", "unknownPath", changing(
                            r -> solve(new Request(r.method(), "/sum", r.query())), r -> !r.path().equals("/sum"))));
        }
    }

    @Nested
    class MeanLatencyPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return HttpExercises.predictMeanLatency(answer); }
        @Override protected Double reference() { return 15.1; } // the notebook's solution, rounded
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("the service time alone (no queueing)", p, 10.0),
                    mutant("four separate queues, one per worker: S / (1 - rho)", p, 40.0),
                    mutant("one server four times as fast: (S/4) / (1 - rho)", p, 10.0 / 4 / 0.25),
                    mutant("waiting S/c · rho/(1 - rho), as if every arrival queued", p, 10 + 2.5 * 3));
        }
    }

    @Test
    void truthIsErlangCByHand() {
        // c = 4, a = 300 * 0.010 = 3: C = 13.5 / 26.5 (TheoryTest), Wq = C * S / (c - a) = 5.09 ms, W = 15.09 ms.
        assertEquals(10 + 10 * 13.5 / 26.5, HttpExercises.predictTruth(), 1e-9);
    }

    @Test
    void missesNameTheDirectionOnly() {
        Report r = HttpExercises.predictMeanLatency(40);
        assertTrue(r.results().get(0).message().endsWith("too high"), r.toString());
        assertTrue(!r.toString().contains("15.0") && !r.toString().contains("15.1"), r.toString());
    }
}
