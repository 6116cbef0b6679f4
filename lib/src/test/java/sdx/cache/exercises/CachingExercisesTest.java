package sdx.cache.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sdx.cache.Caching;
import sdx.cache.LatencyModel;
import sdx.cache.Theory;
import sdx.exercise.Exercise;
import sdx.exercise.Report;

class CachingExercisesTest {

    @Test
    void predictionGradedAgainstTheSimulation() {
        double truth = CachingExercises.predictTruth();
        // A learner using Che's approximation passes; one who answers the upper bound or C/n fails.
        double che = Theory.lru(CachingExercises.PREDICT_POPULARITY.probabilities(), 1_000);
        double bound = Theory.upperBound(CachingExercises.PREDICT_POPULARITY.probabilities(), 1_000);
        assertEquals(Report.Status.PASSED, CachingExercises.predictHitRatio(che).status());
        assertEquals(Report.Status.PASSED, CachingExercises.predictHitRatio(truth).status());
        assertEquals(Report.Status.FAILED, CachingExercises.predictHitRatio(bound).status(), "bound " + bound);
        assertEquals(Report.Status.FAILED, CachingExercises.predictHitRatio(0.10).status());
        assertEquals(Report.Status.NOT_ATTEMPTED, CachingExercises.predictHitRatio(Exercise.TODO_NUMBER).status());
    }

    @Test
    void smallestCacheGradedAgainstTheLibrary() {
        int truth = CachingExercises.smallestCacheTruth();
        assertTrue(truth > 1 && truth < 100, "truth " + truth);
        // The answer meets the target; one point less does not (checked with the same simulation).
        var pop = CachingExercises.TARGET_POPULARITY;
        assertTrue(Caching.latency(pop, LatencyModel.typical(), truth, CachingExercises.REQUESTS, 42).p99()
                <= CachingExercises.TARGET_P99_MICROS);
        assertTrue(Caching.latency(pop, LatencyModel.typical(), truth - 1, CachingExercises.REQUESTS, 42).p99()
                > CachingExercises.TARGET_P99_MICROS);
        assertEquals(Report.Status.PASSED, CachingExercises.smallestCache(truth).status());
        assertEquals(Report.Status.PASSED, CachingExercises.smallestCache(truth + 1).status());
        assertEquals(Report.Status.FAILED, CachingExercises.smallestCache(truth + 5).status());
        assertEquals(Report.Status.FAILED, CachingExercises.smallestCache(50).status());
        assertEquals(Report.Status.NOT_ATTEMPTED, CachingExercises.smallestCache(Exercise.TODO_NUMBER).status());
    }
}
