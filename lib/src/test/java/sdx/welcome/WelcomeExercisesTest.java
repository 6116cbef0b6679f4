package sdx.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import sdx.core.Trace;
import sdx.exercise.Exercise;
import sdx.exercise.Report.Status;

class WelcomeExercisesTest {

    @Test
    void referencePasses() {
        assertEquals(Status.PASSED, WelcomeExercises.checkTopShare(WelcomeExercises.reference()).status());
    }

    @Test
    void stubIsNotAttempted() {
        assertEquals(Status.NOT_ATTEMPTED, WelcomeExercises.checkTopShare(t -> Exercise.todo()).status());
    }

    @Test
    void countInsteadOfFractionFails() {
        TopShare count = t -> { long m = 0; for (long c : t.counts()) m = Math.max(m, c); return m; };
        assertEquals(Status.FAILED, WelcomeExercises.checkTopShare(count).status());
    }

    @Test
    void assumingKeyZeroIsHottestFails() {
        TopShare keyZero = t -> t.counts()[0] / (double) t.length();
        var report = WelcomeExercises.checkTopShare(keyZero);
        assertEquals(Status.FAILED, report.status());
        assertEquals(Status.FAILED, report.results().get(1).status(), report.toString());
    }

    @Test
    void integerDivisionFails() {
        TopShare integer = t -> { long m = 0; for (long c : t.counts()) m = Math.max(m, c); return m / t.length(); };
        assertEquals(Status.FAILED, WelcomeExercises.checkTopShare(integer).status());
    }

    @Test
    void predictionIsGradedAgainstTheExactValue() {
        assertEquals(Status.PASSED, WelcomeExercises.checkZipfPrediction(0.102).status());
        assertEquals(Status.FAILED, WelcomeExercises.checkZipfPrediction(0.001).status());
        assertEquals(Status.FAILED, WelcomeExercises.checkZipfPrediction(0.134).status()); // the 1,000-key answer
        assertEquals(Status.FAILED, WelcomeExercises.checkZipfPrediction(0.5).status());
        assertEquals(Status.NOT_ATTEMPTED, WelcomeExercises.checkZipfPrediction(Exercise.TODO_NUMBER).status());
    }

    @Test
    void tinyTraceByHand() {
        assertEquals(0.6, WelcomeExercises.reference().of(Trace.of("t", 3, 0, 1, 0, 2, 0)), 1e-12);
    }
}
