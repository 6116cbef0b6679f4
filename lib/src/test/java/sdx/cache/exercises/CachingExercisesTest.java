package sdx.cache.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.cache.LatencyModel;
import sdx.cache.Theory;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/**
 * The two predictions of notebook 07, graded against the simulation; the simulated truths are checked
 * against theory computed independently of the simulation, and the common wrong reasonings fail.
 */
class CachingExercisesTest {
    private static final double[] P = CachingExercises.PREDICT_POPULARITY.probabilities();
    private static final int C = 1_000; // 10% of 10,000 keys

    @Test
    void hitRatioTruthAgreesWithChe() {
        // Che's approximation is within 0.01 of simulated LRU at this size (notebook 07, section 3; TheoryTest).
        assertEquals(Theory.lru(P, C), CachingExercises.predictTruth(), 0.01);
    }

    /**
     * The smallest size found by simulating p99 agrees within a point with the size found on paper: the hit
     * ratio must reach h* = 1 - 0.01 / P(store read > 3 ms), and Che's approximation says where LRU reaches it.
     */
    @Test
    void smallestCacheTruthAgreesWithTheReasoningOnPaper() {
        assertEquals(onPaper(), CachingExercises.smallestCacheTruth(), 1.0);
    }

    private static int onPaper() {
        double slow = 1 - LatencyModel.typical().cdf(0, CachingExercises.TARGET_P99_MICROS);
        double needed = 1 - 0.01 / slow;
        double[] p = CachingExercises.TARGET_POPULARITY.probabilities();
        for (int percent = 1; percent <= 100; percent++) {
            if (Theory.lru(p, p.length * percent / 100) >= needed) return percent;
        }
        throw new AssertionError("no size reaches " + needed);
    }

    /** Exercise 2: predict LRU's hit ratio. */
    @Nested
    class HitRatioPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return CachingExercises.predictHitRatio(answer); }
        @Override protected Double reference() { return Theory.lru(P, C); } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of(CachingExercises.predictTruth()); }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("the upper bound (LRU as good as knowing the future popularity)", p, Theory.upperBound(P, C)),
                    mutant("the cache's share of the keys, C/n", p, 0.10),
                    mutant("every request hits", p, 1.0));
        }
    }

    /** Exercise 3: the smallest cache for a p99 target. */
    @Nested
    class SmallestCachePrediction extends GraderContract<Double> {
        private final double[] p = CachingExercises.TARGET_POPULARITY.probabilities();

        @Override protected Report grade(Double answer) { return CachingExercises.smallestCache(answer); }
        @Override protected Double reference() { return 12.0; } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of((double) CachingExercises.smallestCacheTruth()); }

        /** The smallest whole % at which {@code hit ratio(percent) >= target}. */
        private double sizeFor(double target, boolean upperBound) {
            for (int percent = 1; percent <= 100; percent++) {
                int c = p.length * percent / 100;
                if ((upperBound ? Theory.upperBound(p, c) : Theory.lru(p, c)) >= target) return percent;
            }
            return 100;
        }

        @Override
        protected List<Mutant<Double>> mutants() {
            String id = Prediction.CHECK_ID;
            LatencyModel m = LatencyModel.typical();
            double meanOk = 1; // smallest size whose MEAN latency is <= 3 ms, by Che
            while (m.meanMicros(Theory.lru(p, (int) (p.length * meanOk / 100))) > CachingExercises.TARGET_P99_MICROS) meanOk++;
            return List.of(
                    mutant("sized for the mean latency, not the p99", id, meanOk),
                    mutant("needs 99% hits (every miss assumed slow)", id, sizeFor(0.99, false)),
                    mutant("half of the keys", id, 50.0));
        }
    }

    @Test
    void missesNameTheDirectionOnly() {
        Report r = CachingExercises.predictHitRatio(Theory.upperBound(P, C));
        assertTrue(r.results().get(0).message().endsWith("too high"), r.toString());
        assertTrue(CachingExercises.smallestCache(50).results().get(0).message().endsWith("too high"));
    }
}
