package sdx.mapreduce.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.Report;
import sdx.mapreduce.AccessLog;
import sdx.mapreduce.Mapper;
import sdx.mapreduce.Reducer;

class StatusCodeChecksTest {

    static final Mapper<String, Integer, Integer> MAPPER = (line, out) -> out.emit(AccessLog.status(line), 1);
    static final Reducer<Integer, Integer, Integer> REDUCER = (status, counts) -> {
        int sum = 0;
        for (int c : counts) sum += c;
        return sum;
    };

    private static Report.Status status(Report r, int check) {
        return r.results().get(check).status();
    }

    @Test
    void referencePasses() {
        Report r = StatusCodeChecks.grade(MAPPER, REDUCER);
        assertEquals(Report.Status.PASSED, r.status(), r.toString());
        assertEquals(4, r.results().size());
    }

    @Test
    void splitFieldEightAlsoPasses() {
        Mapper<String, Integer, Integer> split = (line, out) -> out.emit(Integer.parseInt(line.split(" ")[8]), 1);
        assertEquals(Report.Status.PASSED, StatusCodeChecks.grade(split, REDUCER).status());
    }

    @Test
    void untouchedStubIsNotAttempted() {
        Mapper<String, Integer, Integer> m = (line, out) -> Exercise.todo();
        Reducer<Integer, Integer, Integer> r = (s, c) -> Exercise.todo();
        assertEquals(Report.Status.NOT_ATTEMPTED, StatusCodeChecks.grade(m, r).status());
    }

    @Test
    void reducerThatCountsValuesFailsOnlyWithTheCombiner() {
        Reducer<Integer, Integer, Integer> size = (s, counts) -> counts.size();
        Report r = StatusCodeChecks.grade(MAPPER, size);
        assertEquals(Report.Status.FAILED, r.status());
        assertEquals(Report.Status.PASSED, status(r, 1), "without a combiner counting ones is summing ones");
        assertEquals(Report.Status.FAILED, status(r, 2), r.toString());
    }

    @Test
    void mapperEmittingTheWholeLineFails() {
        Mapper<String, Integer, Integer> whole = (line, out) -> out.emit(line.hashCode(), 1);
        assertEquals(Report.Status.FAILED, status(StatusCodeChecks.grade(whole, REDUCER), 0));
    }

    @Test
    void searchingTheLineForDigitsFails() {
        // finds "404" in "/errors/404.html" served with status 200
        Mapper<String, Integer, Integer> search = (line, out) -> {
            for (int s : new int[] {404, 500, 200, 304, 301, 503, 403, 201}) {
                if (line.contains(Integer.toString(s))) {
                    out.emit(s, 1);
                    return;
                }
            }
        };
        Report r = StatusCodeChecks.grade(search, REDUCER);
        assertEquals(Report.Status.FAILED, status(r, 0), r.toString());
    }

    @Test
    void statefulMapperFailsUnderCrashes() {
        // a side effect that does not change what is emitted is harmless; state that decides what to emit is not
        AtomicInteger lines = new AtomicInteger();
        Mapper<String, Integer, Integer> counting = (line, out) -> {
            lines.incrementAndGet();
            out.emit(AccessLog.status(line), 1);
        };
        Reducer<Integer, Integer, Integer> sum = REDUCER;
        Mapper<String, Integer, Integer> skipsRepeats = new Mapper<>() {
            private final java.util.Set<String> seen = java.util.Collections.synchronizedSet(new java.util.HashSet<>());

            @Override
            public void map(String line, sdx.mapreduce.Emitter<Integer, Integer> out) {
                if (seen.add(line)) out.emit(AccessLog.status(line), 1); // "skip duplicate lines": state across calls
            }
        };
        assertEquals(Report.Status.PASSED, StatusCodeChecks.grade(counting, sum).status());
        Report r = StatusCodeChecks.grade(skipsRepeats, sum);
        assertEquals(Report.Status.FAILED, status(r, 3), r.toString());
    }
}
