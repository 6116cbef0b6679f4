package sdx.streaming.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.streaming.EventLog;
import sdx.streaming.FeedEvent;
import sdx.streaming.LongPoll;
import sdx.streaming.WaitingLongPoll;

/** Notebook 18's graders against the solution, plausible wrong answers and the stubs. */
class StreamingExercisesTest {
    /** The notebook's solution (the same as the library's WaitingLongPoll, written out). */
    static final class Solution implements LongPoll {
        public List<FeedEvent> poll(EventLog log, long cursor, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            synchronized (log) {
                while (log.latestSeq() <= cursor) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) return List.of();
                    log.wait(left);
                }
                return log.after(cursor);
            }
        }
    }

    /** Wrong: always waits out the timeout, then answers. */
    static List<FeedEvent> waitsFirst(EventLog log, long cursor, long timeout) throws InterruptedException {
        Thread.sleep(timeout);
        return log.after(cursor);
    }

    /** Wrong: off by one, includes the cursor's own event. */
    static List<FeedEvent> includesCursor(EventLog log, long cursor, long timeout) throws InterruptedException {
        List<FeedEvent> now = log.after(Math.max(0, cursor - 1));
        if (now.size() > (cursor > 0 ? 1 : 0)) return now;
        return new Solution().poll(log, cursor, timeout);
    }

    /** Wrong: a short poll in disguise: answers at once, often with nothing. */
    static List<FeedEvent> shortPoll(EventLog log, long cursor, long timeout) {
        return log.after(cursor);
    }

    /** Wrong: sleeps in 2 s steps instead of being woken. */
    static List<FeedEvent> sleepsAndChecks(EventLog log, long cursor, long timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout;
        while (log.latestSeq() <= cursor && System.currentTimeMillis() < deadline) Thread.sleep(2_000);
        return log.after(cursor);
    }

    /** Wrong: ignores the timeout, waits until there is news (interruptibly: the server's close ends it). */
    static List<FeedEvent> noTimeout(EventLog log, long cursor, long timeout) throws InterruptedException {
        synchronized (log) {
            while (log.latestSeq() <= cursor) log.wait();
            return log.after(cursor);
        }
    }

    /** Wrong: after waiting, answers only the newest event (loses the rest of a burst). */
    static List<FeedEvent> newestOnly(EventLog log, long cursor, long timeout) throws InterruptedException {
        List<FeedEvent> now = log.after(cursor);
        if (!now.isEmpty()) return now;
        List<FeedEvent> later = new Solution().poll(log, cursor, timeout);
        if (later.isEmpty()) return later;
        Thread.sleep(5);                                     // a burst lands meanwhile
        List<FeedEvent> all = log.after(cursor);
        return List.of(all.get(all.size() - 1));
    }

    @Nested
    class LongPollGrader extends GraderContract<LongPoll.Factory> {
        @Override protected Report grade(LongPoll.Factory f) { return StreamingExercises.longPoll(f); }
        @Override protected LongPoll.Factory reference() { return Solution::new; }
        @Override protected LongPoll.Factory stub() { return () -> (log, cursor, timeout) -> Exercise.todo(); }
        @Override protected List<LongPoll.Factory> alsoCorrect() { return List.of(WaitingLongPoll::new); }

        @Override
        protected List<Mutant<LongPoll.Factory>> mutants() {
            return List.of(
                    mutant("waits out the timeout even with news", "newerEventsAtOnce", () -> StreamingExercisesTest::waitsFirst),
                    mutant("includes the cursor's own event", "newerEventsAtOnce", () -> StreamingExercisesTest::includesCursor),
                    mutant("answers at once (short poll)", "waitsForTheNextEvent", () -> StreamingExercisesTest::shortPoll),
                    mutant("sleeps 2 s between looks", "waitsForTheNextEvent", () -> StreamingExercisesTest::sleepsAndChecks),
                    mutant("ignores the timeout", "timesOutEmpty", () -> StreamingExercisesTest::noTimeout),
                    mutant("answers only the newest event after a wait", "noLossNoDuplicatesAcrossReconnects",
                            () -> StreamingExercisesTest::newestOnly));
        }
    }

    @Nested
    class IntervalPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double d) { return StreamingExercises.choosePollInterval(d); }
        /** The notebook's solution: inside [1000 C / budget, 2 × target]. */
        @Override protected Double reference() { return 2_500.0; }
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of(2_000.0, 3_000.0); }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("staleness taken as the whole interval: I = target", p, 1_500.0),
                    mutant("budget over clients: 0.5 s", p, 500.0),
                    mutant("as rarely as possible", p, 10_000.0),
                    mutant("worst-case staleness read as the mean's double: I = 4 × target", p, 6_000.0));
        }
    }

    /** By hand: 1,000 clients at 500 requests/s need I >= 2 s; mean staleness I/2 <= 1.5 s needs I <= 3 s. */
    @Test
    void intervalTruthIsTheHandCalculatedRange() {
        assertEquals(2_500, StreamingExercises.INTERVAL.truth(), 1e-9);
        assertEquals(500, StreamingExercises.INTERVAL.tolerance(), 1e-9);
    }

    @Test
    void aHandlerThatNeverReturnsLeavesNoServerThread() throws InterruptedException {
        StreamingExercises.longPoll(() -> StreamingExercisesTest::noTimeout);
        List<String> left = List.of();
        for (int i = 0; i < 100; i++) {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("sdx-net-feed") || n.startsWith("sdx-grader-client")).toList();
            if (left.isEmpty()) break;
            Thread.sleep(50);
        }
        assertEquals(List.of(), left, "threads left by a handler that waits forever");
    }
}
