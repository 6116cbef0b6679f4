package sdx.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        assertEquals("square of -4: expected 16 but got -16", bad.message());
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

    /** Set by the test to let the unstoppable loop below end. */
    private static volatile boolean released;

    /**
     * A loop that never looks at interrupts and even swallows Thread.stop's ThreadDeath: no JVM can end it from
     * outside. The grader reports it, refuses to grade again while it runs, and grades again once it has ended.
     */
    @Test
    void unstoppableLoopIsReportedAndBlocksTheNextRunUntilItEnds() throws InterruptedException {
        released = false;
        try {
            Report r = grade(x -> {
                while (true) {
                    try {
                        while (!released) Thread.onSpinWait();
                        return x * x;
                    } catch (Throwable swallowed) { // ThreadDeath from Thread.stop: ignored, as careless code might
                    }
                }
            });
            assertEquals(Report.Status.FAILED, r.status(), r.toString());
            assertTrue(r.results().get(0).message().contains("still running"), r.toString());
            assertTrue(r.results().get(1).status() == Report.Status.SKIPPED, r.toString());
            assertTrue(r.html().contains("restart the kernel"), r.html());
            Report again = grade(x -> x * x);
            assertEquals(Report.Status.FAILED, again.status(), again.toString());
            assertTrue(again.results().get(0).message().contains("still running"), again.toString());
        } finally {
            released = true;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("sdx-grader-")) t.join(5_000);
        assertEquals(Report.Status.PASSED, grade(x -> x * x).status());
    }

    /** Set by the test once it has seen the report, to end a loop the JVM could not stop (Java 20 and later). */
    private static volatile boolean loopsEnd;

    /** {@code while (true) {}} ignores interrupts; on Java 17 to 19 the grader stops it, from 20 on it reports it. */
    @Test
    void nonCooperativeLoopIsStoppedOrReported() throws InterruptedException {
        loopsEnd = false;
        try {
            Report r = grade(x -> {
                while (!loopsEnd) Thread.onSpinWait(); // never looks at interrupts
                return x;
            });
            assertEquals(Report.Status.FAILED, r.status(), r.toString());
            String m = r.results().get(0).message();
            if (Runtime.version().feature() < 20) {
                assertTrue(m.contains("took longer"), "Thread.stop still exists before Java 20: " + m);
                long busy = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("sdx-grader-") && t.getState() == Thread.State.RUNNABLE).count();
                assertEquals(0, busy, "no grader thread left running");
            } else {
                assertTrue(m.contains("still running"), m);
                assertTrue(r.html().contains("restart the kernel"), r.html());
            }
        } finally {
            loopsEnd = true;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("sdx-grader-")) t.join(5_000);
    }

    /** A check's own worker threads: a waiting one ends on interrupt, a spinning one is stopped (before Java 20). */
    @Test
    void stopThreadsEndsACheckersOwnWorkers() throws InterruptedException {
        loopsEnd = false;
        try {
            Thread waiting = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // ends on interrupt
                }
            }, "check-worker-waiting");
            Thread spinning = new Thread(() -> {
                while (!loopsEnd) Thread.onSpinWait(); // never looks at interrupts
            }, "check-worker-spinning");
            waiting.start();
            spinning.start();
            int alive = Grader.stopThreads(java.util.List.of(waiting, spinning));
            assertTrue(!waiting.isAlive(), "an interruptible worker ends");
            if (Runtime.version().feature() < 20) {
                assertEquals(0, alive, "Thread.stop still ends a spinning worker before Java 20");
                assertTrue(!spinning.isAlive());
            } else {
                assertEquals(1, alive, "from Java 20 the spinning worker survives and is reported");
            }
        } finally {
            loopsEnd = true;
        }
    }

    @Test
    void aTimeoutSkipsTheRemainingChecks() {
        Report r = grade(x -> { while (true) { if (Thread.interrupted()) throw new RuntimeException("interrupted"); } });
        assertEquals(Report.Status.SKIPPED, r.results().get(1).status(), r.toString());
    }

    @Test
    void exceptionsInALambdaSayInYourLambdaAndDollarsAreEscaped() {
        RuntimeException e = new RuntimeException("bad $x$");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("REPL.$JShell$12", "lambda$do$it$0", null, 3)});
        assertEquals("your code threw RuntimeException: bad $x$ (in your lambda)", Failures.describe(e));
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("REPL.$JShell$12$MyLru", "put", null, 3)});
        assertTrue(Failures.describe(e).endsWith("(in your code: MyLru.put)"), Failures.describe(e));
        Report r = grade(x -> { throw new IllegalStateException("costs $5"); });
        assertFalse(r.html().contains("$"), r.html());
        assertTrue(r.html().contains("&#36;5"), r.html());
    }

    @Test
    void unequalSetsNameTheFirstMissingAndExtraElementEvenWhenTheAnswerIsNotSerializable() {
        java.util.Map<Integer, String> byDoc = new java.util.HashMap<>();
        for (int doc : new int[] {4, 7, 9}) byDoc.put(doc, "text");
        // a map's keySet() is not Serializable: JUnit keeps it only as an "ephemeral" value
        var keySet = assertThrows(org.opentest4j.AssertionFailedError.class, () -> org.junit.jupiter.api.Assertions
                .assertEquals(java.util.Set.of(4, 15), byDoc.keySet(), "documents with \"fox\""));
        assertEquals("documents with \"fox\": 15 is missing; 7 should not be there (and 1 more) "
                + "(2 elements expected, 3 returned)", Failures.describe(keySet));
        java.util.Set<Integer> big = new java.util.TreeSet<>(), bigButOne = new java.util.TreeSet<>();
        for (int i = 0; i < 10_000; i++) {
            big.add(i);
            if (i != 5_000) bigButOne.add(i);
        }
        String d = Failures.describe(new org.opentest4j.AssertionFailedError("ids ==> x", big, bigButOne));
        assertEquals("ids: 5000 is missing (10000 elements expected, 9999 returned)", d);
    }

    @Test
    void longValuesAreCutAndMapsShowTheFirstDifferingKey() {
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        java.util.Map<String, Integer> actual = new java.util.TreeMap<>();
        for (int i = 0; i < 5_000; i++) {
            expected.put("word" + i, i);
            actual.put("word" + i, i);
        }
        actual.put("word17", 18);
        actual.put("Word.", 1);
        String d = Failures.describe(new org.opentest4j.AssertionFailedError("word -> count ==> x", expected, actual));
        assertEquals("word -> count: unexpected key \"Word.\" (with 1) (and 1 more difference; 5000 keys expected, "
                + "5001 returned)", d);
        String s = Failures.describe(new org.opentest4j.AssertionFailedError("text", "x".repeat(10_000), "y"));
        assertTrue(s.length() < 200, s);
    }

    @Test
    void staleAnswerIsNoticedInAJShell() {
        try (jdk.jshell.JShell shell = jdk.jshell.JShell.builder().executionEngine("local").build()) {
            shell.eval("java.util.function.IntUnaryOperator mine = x -> x;");
            shell.eval("java.util.function.IntUnaryOperator other = x -> x;");
            shell.eval("java.util.function.IntUnaryOperator mine = x -> { return x * x }"); // a syntax error
            shell.eval("mine.applyAsInt(3)");
            assertTrue(StaleAnswers.note(shell).orElse("").contains("latest change to mine did not compile"),
                    StaleAnswers.note(shell).toString());
            shell.eval("other.applyAsInt(3)");
            assertTrue(StaleAnswers.note(shell).isEmpty(), "other is up to date");
            shell.eval("java.util.function.IntUnaryOperator mine = x -> x * x;");
            shell.eval("mine.applyAsInt(3)");
            assertTrue(StaleAnswers.note(shell).isEmpty(), "fixed");
        }
    }

    @Test
    void summaryWording() {
        assertTrue(grade(x -> 9).toString().startsWith("square: 1 of 2 checks passed"), grade(x -> 9).toString());
        Report one = Prediction.named("p").truth(() -> 5).tolerance(0, "a count").tooHigh("h").tooLow("l").grade(6);
        assertTrue(one.html().contains("is exact (a count)"), one.html());
        assertFalse(one.html().contains("±"), one.html());
        assertTrue(one.toString().contains("you said 6: too high"), one.toString());
    }

    @Test
    void predictionsNeverRevealTheTruth() {
        Prediction p = Prediction.named("p").truth(() -> 0.5).tolerance(0.02, "noise").tooHigh("lower").tooLow("higher");
        assertEquals(Report.Status.PASSED, p.grade(0.51).status());
        Report high = p.grade(0.7);
        assertEquals(Report.Status.FAILED, high.status());
        assertEquals("lower", high.results().get(0).hint());
        assertEquals("you said 0.7: too high", high.results().get(0).message());
        assertEquals("higher", p.grade(0.1).results().get(0).hint());
        assertFalse(high.html().contains("0.5"), high.html());
        assertEquals(Report.Status.NOT_ATTEMPTED, p.grade(Exercise.TODO_NUMBER).status());
        assertEquals(Report.Status.FAILED, p.grade(Double.POSITIVE_INFINITY).status());
        assertThrows(IllegalArgumentException.class, () -> Prediction.named("q").tolerance(-1, ""));
        assertThrows(IllegalArgumentException.class, () -> Prediction.named("q").tolerance(0.1, "").grade(1));
    }

    @Test
    @SuppressWarnings("deprecation")
    void numberStillWorksButNeverRevealsTheTruth() {
        assertEquals(Report.Status.PASSED, Grader.number("p", 0.51, 0.5, 0.02, "h").status());
        Report wrong = Grader.number("p", 0.7, 0.5, 0.02, "think about skew");
        assertEquals(Report.Status.FAILED, wrong.status());
        assertEquals("think about skew", wrong.results().get(0).hint());
        assertFalse(wrong.toString().contains("0.5"), wrong.toString());
        assertEquals(Report.Status.NOT_ATTEMPTED, Grader.number("p", Exercise.TODO_NUMBER, 0.5, 0.02, "h").status());
    }
}
