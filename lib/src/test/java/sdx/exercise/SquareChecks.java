package sdx.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Hidden checks for a toy exercise "square a number", used to test the grader itself. In the test sources,
 * so a test runner given a pattern like {@code sdx.exercise.**} finds it too: it runs only under the grader.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf("sdx.exercise.Grader#grading")
class SquareChecks {
    private final IntUnaryOperator f = Grader.submission(IntUnaryOperator.class);

    @Test
    @Order(1)
    @DisplayName("squares 3")
    @Hint("multiply the number by itself")
    void three() {
        assertEquals(9, f.applyAsInt(3), "square of 3");
    }

    @Test
    @Order(2)
    @DisplayName("squares -4")
    @Hint("a negative number squared is positive")
    void negative() {
        assertEquals(16, f.applyAsInt(-4), "square of -4");
    }
}
