package sdx.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class GraderTest {

    private static Report grade(IntUnaryOperator f) {
        return Grader.run("square", SquareChecks.class, f);
    }

    @Test
    void correctSolutionPasses() {
        Report r = grade(x -> x * x);
        assertEquals(Report.Status.PASSED, r.status(), r.toString());
        assertEquals(2, r.results().size());
        assertTrue(r.html().contains("all 2 checks passed"));
    }

    @Test
    void wrongSolutionFailsWithReasonAndHint() {
        Report r = grade(x -> x * Math.abs(x)); // right for 3, wrong for -4
        assertEquals(Report.Status.FAILED, r.status());
        assertEquals(1, r.passedCount());
        Report.Result bad = r.results().get(1);
        assertEquals("squares -4", bad.check());
        assertTrue(bad.message().contains("expected: <16> but was: <-16>"), bad.message());
        assertEquals("a negative number squared is positive", bad.hint());
    }

    @Test
    void exceptionInLearnerCodeIsAFailedCheckNotAStackTrace() {
        Report r = grade(x -> { throw new IllegalStateException("oops"); });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.results().get(0).message().contains("IllegalStateException: oops"), r.results().get(0).message());
        assertFalse(r.html().contains("\tat "), "no stack trace in the report");
    }

    @Test
    void untouchedStubIsNotAttempted() {
        Report r = grade(x -> Exercise.todo());
        assertEquals(Report.Status.NOT_ATTEMPTED, r.status());
        assertTrue(r.html().contains("not attempted yet"));
        assertEquals(Report.Status.NOT_ATTEMPTED, Grader.run("square", SquareChecks.class, null).status());
    }

    @Test
    void endlessLoopTimesOut() {
        Report r = grade(x -> { while (true) { Thread.onSpinWait(); if (Thread.interrupted()) throw new RuntimeException("interrupted"); } });
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.results().get(0).message().contains("took longer"), r.results().get(0).message());
    }

    @Test
    void wrongTypeOfAnswerFails() {
        Report r = Grader.run("square", SquareChecks.class, "nine");
        assertEquals(Report.Status.FAILED, r.status(), r.toString());
    }

    @Test
    void learnerTextIsEscapedInHtml() {
        Report r = grade(x -> { throw new IllegalStateException("<script>alert(1)</script>"); });
        assertFalse(r.html().contains("<script>"));
        assertTrue(r.html().contains("&lt;script&gt;"));
    }

    @Test
    void numberPredictions() {
        assertEquals(Report.Status.PASSED, Grader.number("p", 0.51, 0.5, 0.02, "h").status());
        Report wrong = Grader.number("p", 0.7, 0.5, 0.02, "think about skew");
        assertEquals(Report.Status.FAILED, wrong.status());
        assertEquals("think about skew", wrong.results().get(0).hint());
        assertEquals(Report.Status.NOT_ATTEMPTED, Grader.number("p", Exercise.TODO_NUMBER, 0.5, 0.02, "h").status());
    }
}
