package sdx.welcome.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.core.Trace;
import sdx.core.Workloads;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.welcome.TopShare;

/** Hidden checks for {@link TopShare}; run by {@link WelcomeExercises#checkTopShare}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TopShareChecks {
    private final TopShare answer = Grader.submission(TopShare.class);

    @Test
    @Order(1)
    @DisplayName("A B A C A: key A has 3 of 5 requests")
    @Hint("count how often each key occurs, take the largest count, divide by the number of requests")
    void byHand() {
        assertEquals(0.6, answer.of(Trace.of("by hand", 3, 0, 1, 0, 2, 0)), 1e-9, "share of the top key");
    }

    @Test
    @Order(2)
    @DisplayName("the busiest key need not be key 0")
    @Hint("do not assume which key is the most popular: find it")
    void notKeyZero() {
        assertEquals(0.75, answer.of(Trace.of("key 2 is hot", 4, 2, 2, 1, 2)), 1e-9, "share of the top key");
    }

    @Test
    @Order(3)
    @DisplayName("the answer is a fraction, not a count")
    @Hint("divide by trace.length(), and use floating-point division")
    void fraction() {
        assertEquals(1.0 / 3, answer.of(Trace.of("all different", 3, 0, 1, 2)), 1e-9, "share of the top key");
    }

    @Test
    @Order(4)
    @DisplayName("matches the reference on 100,000 Zipf requests")
    @Hint("your answer works on tiny traces; check it on a long one against trace.counts()")
    void large() {
        Trace t = Workloads.zipf(1_000, 1.0, 100_000, 7);
        assertEquals(WelcomeExercises.reference().of(t), answer.of(t), 1e-9, "share of the top key");
    }
}
