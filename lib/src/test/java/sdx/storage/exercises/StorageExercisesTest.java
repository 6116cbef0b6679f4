package sdx.storage.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.storage.MemoryLatency;
import sdx.storage.TailModel;
import sdx.storage.Theory;

/** Notebook 05's exercises: the prediction's truth against theory, and both graders' contracts. */
class StorageExercisesTest {
    private static final TailModel M = TailModel.typical();

    @Test
    void fanOutTruthAgreesWithTheExactQuantile() {
        // 2*10^5 requests: 2,000 lie above the p99; in the exponential slow tail (mean 20 ms) the sd of the
        // estimate is about 0.5 ms. 2 ms is 4 sd, and far inside the 5 ms the learner is allowed.
        assertEquals(Theory.fanOutQuantile(M, 10, 0.99), StorageExercises.fanOutP99Truth(), 2.0);
    }

    /** The notebook's solution for exercise 2: the p95 of a sorted copy (nearest rank). */
    static double p95(double[] recent) {
        double[] s = recent.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.95 * s.length) - 1];
    }

    static double quantile(double[] recent, double q) {
        double[] s = recent.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(q * s.length) - 1];
    }

    @Nested
    class FanOutPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return StorageExercises.predictFanOutP99(answer); }
        @Override protected Double reference() { return Theory.fanOutQuantile(M, 10, 0.99); } // the solution's reasoning
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of(StorageExercises.fanOutP99Truth(), M.quantile(0.999)); }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("one server's p99 (fan-out ignored)", p, M.quantile(0.99)),
                    mutant("ten servers' p99s added up", p, 10 * M.quantile(0.99)),
                    mutant("the mean, times ten", p, 10 * M.mean()),
                    mutant("one server's p99.99", p, M.quantile(0.9999)));
        }
    }

    /** Wrong: the element at the p95's index of the UNSORTED array. */
    static double unsorted(double[] r) {
        return r[(int) Math.ceil(0.95 * r.length) - 1];
    }

    /** Wrong: sorts the caller's array in place (right value, but the client's record is scrambled). */
    static double sortsInPlace(double[] r) {
        Arrays.sort(r);
        return r[(int) Math.ceil(0.95 * r.length) - 1];
    }

    @Nested
    class HedgeGrader extends GraderContract<HedgePolicy> {
        @Override protected Report grade(HedgePolicy answer) { return StorageExercises.hedge(answer); }
        @Override protected HedgePolicy reference() { return StorageExercisesTest::p95; }
        @Override protected HedgePolicy stub() { return recent -> Exercise.todo(); }

        @Override
        protected List<HedgePolicy> alsoCorrect() {
            return List.of(r -> quantile(r, 0.96), r -> quantile(r, 0.95) + 1e-9);
        }

        @Override
        protected List<Mutant<HedgePolicy>> mutants() {
            return List.of(
                    mutant("the p95 of the unsorted array", "handWorkedSample", StorageExercisesTest::unsorted),
                    mutant("the mean of recent replies", "handWorkedSample", r -> Arrays.stream(r).average().orElse(0)),
                    mutant("sorts the caller's array in place", "leavesInputAlone", StorageExercisesTest::sortsInPlace),
                    mutant("hedges after the median: half the sub-requests twice", "extraLoadBounded",
                            (HedgePolicy) r -> r.length == 100 ? p95(r) : quantile(r, 0.5)),
                    mutant("hedges after the p99.9: too late to help", "cutsTheTail",
                            (HedgePolicy) r -> r.length == 100 ? p95(r) : quantile(r, 0.999)));
        }
    }

    @Test
    void theBudgetLetsTheP95ThroughButNotTheP90() {
        // 1 - F(p95) = 5% is under the 8% budget; the p90 (10%) is over: the budget is what separates them
        assertTrue(Theory.hedgeLoad(M, M.quantile(0.95)) < StorageExercises.MAX_EXTRA_LOAD);
        assertTrue(Theory.hedgeLoad(M, M.quantile(0.90)) > StorageExercises.MAX_EXTRA_LOAD);
    }

    @Nested
    class AccessGrader extends GraderContract<StorageExercises.AccessPrediction> {
        @Override protected Report grade(StorageExercises.AccessPrediction a) { return StorageExercises.pickFaster(a.in16KiB(), a.in256MiB()); }
        @Override protected StorageExercises.AccessPrediction reference() { return pick(Faster.ABOUT_THE_SAME, Faster.SEQUENTIAL); }
        @Override protected StorageExercises.AccessPrediction stub() { return pick(null, null); }

        @Override
        protected List<Mutant<StorageExercises.AccessPrediction>> mutants() {
            return List.of(
                    mutant("sequential always wins", "insideL1", pick(Faster.SEQUENTIAL, Faster.SEQUENTIAL)),
                    mutant("random wins in L1", "insideL1", pick(Faster.RANDOM, Faster.SEQUENTIAL)),
                    mutant("order never matters", "beyondTheCaches", pick(Faster.ABOUT_THE_SAME, Faster.ABOUT_THE_SAME)));
        }

        private StorageExercises.AccessPrediction pick(Faster a, Faster b) {
            return new StorageExercises.AccessPrediction(a, b);
        }
    }

    /**
     * The exercise's answers, measured: in 16 KiB the two orders are within 2x (both hit L1: ~1-2 ns); at
     * 256 MiB random is many times slower (observed 25-120x on the course machine under load; 3x asserted,
     * so a busy machine cannot flip it).
     */
    @Test
    void theAnswersHoldWhenMeasured() {
        MemoryLatency.Curve c = MemoryLatency.measure(16 << 10, 256 << 20, 4, 1 << 18, 3, 1);
        double ratioL1 = c.randomNs()[0] / c.sequentialNs()[0];
        int last = c.bytes().length - 1;
        assertTrue(ratioL1 > 0.5 && ratioL1 < 2, "16 KiB random / sequential = " + ratioL1);
        assertTrue(c.randomNs()[last] > 3 * c.sequentialNs()[last], c.table().print());
    }
}
