package sdx.mapreduce.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.mapreduce.AccessLog;
import sdx.mapreduce.Faults;
import sdx.mapreduce.Job;
import sdx.mapreduce.MapReduce;

/**
 * Hidden checks of the HTTP-status exercise: the learner's mapper and reducer must count log lines
 * per status code, also when their reducer doubles as the combiner and when tasks crash.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public final class StatusCodeChecks {
    private final Solution<String, Integer, Integer, Integer> solution;

    /** Reads the submission (JUnit creates one instance per check). */
    @SuppressWarnings("unchecked")
    public StatusCodeChecks() {
        solution = Grader.submission(Solution.class);
    }

    private Job<String, Integer, Integer, Integer> job() {
        return MapReduce.job(solution.mapper(), solution.reducer()).workers(2);
    }

    @Test
    @Order(1)
    @DisplayName("counts a three-line log worked out by hand")
    @Hint("the status is the number right after the quoted request: AccessLog.status(line) parses it; emit (status, 1)")
    @Basic
    void tiny() {
        List<String> log = List.of(
                "203.0.113.7 - - [10/Oct/2026:13:55:36 +0000] \"GET /index.html HTTP/1.1\" 200 2326",
                "198.51.100.2 - - [10/Oct/2026:13:55:37 +0000] \"GET /errors/404.html HTTP/1.1\" 200 512",
                "203.0.113.9 - - [10/Oct/2026:13:55:39 +0000] \"GET /nope HTTP/1.1\" 404 209");
        assertEquals(Map.of(200, 2, 404, 1), Map.copyOf(job().mapTasks(2).reducers(2).run(log).output()),
                "status -> lines");
    }

    @Test
    @Order(2)
    @DisplayName("matches the reference on 5,000 generated log lines (M=6, R=3, no combiner)")
    @Hint("emit one pair per line, keyed by the status code alone, and add up the values in the reducer")
    @Basic
    void generated() {
        List<String> log = AccessLog.generate(5_000, 5);
        assertEquals(AccessLog.statusCounts(log), Map.copyOf(job().mapTasks(6).reducers(3).run(log).output()),
                "status -> lines");
    }

    @Test
    @Order(3)
    @DisplayName("still right when your reducer is also used as the combiner")
    @Hint("after the combiner a value is a partial count, not a 1: sum the values, do not count them")
    void combiner() {
        List<String> log = AccessLog.generate(5_000, 6);
        assertEquals(AccessLog.statusCounts(log), Map.copyOf(job().combiner(solution.reducer()).mapTasks(6).reducers(3)
                .run(log).output()), "status -> lines");
    }

    @Test
    @Order(4)
    @DisplayName("gives the same counts when map and reduce tasks crash and are re-executed")
    @Hint("a crashed task runs again from the start: your mapper must not keep state between calls")
    void crashes() {
        List<String> log = AccessLog.generate(3_000, 8);
        assertEquals(AccessLog.statusCounts(log), Map.copyOf(job().combiner(solution.reducer()).mapTasks(5).reducers(2)
                .faults(Faults.randomCrashes(0.5, 4).and(Faults.crashMapTask(1))).run(log).output()),
                "status -> lines");
    }
}
