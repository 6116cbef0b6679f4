package sdx.welcome.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.core.Trace;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.welcome.TopShare;

class WelcomeExercisesTest {

    @Test
    void tinyTraceByHand() {
        assertEquals(0.6, WelcomeExercises.reference().of(Trace.of("t", 3, 0, 1, 0, 2, 0)), 1e-12);
    }

    private static double max(Trace t) {
        long m = 0;
        for (long c : t.counts()) m = Math.max(m, c);
        return m;
    }

    /** Exercise 1: the share of the top key. */
    @Nested
    class TopShareGrader extends GraderContract<TopShare> {
        @Override protected Report grade(TopShare answer) { return WelcomeExercises.checkTopShare(answer); }
        @Override protected TopShare reference() { return WelcomeExercises.reference(); }
        @Override protected TopShare stub() { return t -> Exercise.todo(); }

        @Override
        protected List<Mutant<TopShare>> mutants() {
            return List.of(
                    mutant("the count instead of the fraction", "byHand", t -> max(t)),
                    mutant("integer division", "byHand", t -> (long) max(t) / t.length()),
                    mutant("assumes key 0 is the hottest", "notKeyZero", t -> t.counts()[0] / (double) t.length()),
                    mutant("rounds to two decimals", "fraction", t -> Math.round(100 * max(t) / t.length()) / 100.0),
                    mutant("counts only the first 1,000 requests", "large", t -> {
                        int n = Math.min(1_000, t.length());
                        long[] c = new long[t.keySpace()];
                        long m = 0;
                        for (int i = 0; i < n; i++) m = Math.max(m, ++c[t.keys()[i]]);
                        return m / (double) n;
                    }));
        }
    }

    /** Exercise 2: predict the top key's share under Zipf(1) over 10,000 keys. */
    @Nested
    class ZipfPredictionGrader extends GraderContract<Double> {
        private static final double LN = Math.log(WelcomeExercises.ZIPF_KEYS);

        @Override protected Report grade(Double answer) { return WelcomeExercises.checkZipfPrediction(answer); }
        @Override protected Double reference() { return 1 / (LN + 0.5772); } // the notebook's solution
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of(0.102, WelcomeExercises.ZIPF_PREDICTION.truth()); }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("1 / ln n (forgets the 0.577)", p, 1 / LN),
                    mutant("the 1,000-key answer 1 / H(1000)", p, 1 / (Math.log(1_000) + 0.5772)),
                    mutant("one key in n: 1 / n", p, 1.0 / WelcomeExercises.ZIPF_KEYS),
                    mutant("a half", p, 0.5));
        }
    }

    @Test
    void predictionMissSaysTooHighOrTooLowAndNeverTheValue() {
        double truth = WelcomeExercises.ZIPF_PREDICTION.truth();
        Report high = WelcomeExercises.checkZipfPrediction(0.5);
        assertTrue(high.results().get(0).message().contains("too high"), high.toString());
        Report low = WelcomeExercises.checkZipfPrediction(0.0001);
        assertTrue(low.results().get(0).message().contains("too low"), low.toString());
        for (Report r : List.of(high, low)) {
            for (String shown : List.of(String.format(java.util.Locale.ROOT, "%.4g", truth), "0.102", "0.1022")) {
                assertFalse(r.html().contains(shown), "the report reveals " + shown + ": " + r.html());
            }
        }
    }
}
