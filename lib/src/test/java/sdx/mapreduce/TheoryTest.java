package sdx.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.core.Corpus;

/** Simulations agree with theory where theory exists, within tolerances justified below. */
class TheoryTest {

    /**
     * The number of distinct words in a split is a sum of (negatively correlated) yes/no events, so
     * its variance is at most its mean; summed over M independent splits the same holds. Four
     * standard deviations, 4 * sqrt(prediction), bound a false alarm below 1e-4 per point.
     */
    @Test
    void combinerShuffleMatchesPrediction() {
        int[] ms = {1, 2, 4, 8, 16, 32, 64};
        for (double skew : new double[] {0.0, 0.8, 1.0, 1.3}) {
            CombinerStudy s = CombinerStudy.run(new CombinerStudy.Settings(100_000, 10_000, skew, ms, 5));
            for (int i = 0; i < ms.length; i++) {
                double tol = 4 * Math.sqrt(s.predicted()[i]);
                assertEquals(s.predicted()[i], s.withCombiner()[i], tol, "skew " + skew + ", M=" + ms[i]);
                assertEquals(100_000, s.withoutCombiner()[i]);
                assertTrue(s.bytesWith()[i] < s.bytesWithout()[i]);
            }
        }
    }

    @Test
    void combinerPredictionByHand() {
        // vocabulary 1, any skew: every split holds exactly one distinct word -> M pairs
        assertEquals(5.0, CombinerStudy.predictedRecords(100, 1, 1.0, 5), 1e-9);
        // two equally likely words, one word per split: each split ships exactly 1 pair
        assertEquals(10.0, CombinerStudy.predictedRecords(10, 2, 0.0, 10), 1e-9);
    }

    /**
     * Without a combiner, reducer r's load is Binomial(N, q_r), q_r = sum of p_v over the words
     * hashed to r; five standard deviations sqrt(N q (1 - q)) per reducer.
     */
    @Test
    void reducerLoadsMatchExpectation() {
        for (double skew : new double[] {0.0, 0.7, 1.2, 1.5}) {
            int n = 200_000, r = 8;
            var res = WordCount.job().workers(2).mapTasks(4).reducers(r).run(Corpus.zipf(n, 5_000, skew, 10, 3));
            double[] e = SkewStudy.expectedLoads(n, 5_000, skew, r);
            for (int i = 0; i < r; i++) {
                double q = e[i] / n;
                assertEquals(e[i], res.recordsPerReducer()[i], 5 * Math.sqrt(n * q * (1 - q)) + 1,
                        "skew " + skew + ", reducer " + i);
            }
        }
    }

    /**
     * At skews where the hot-word bound R * p1 is above 1 (so it says something: max/mean is at least
     * 1 anyway), the measured max/mean stays above it. The top word's count is Binomial(N, p1), so the
     * measured bound R * count / N sits within 5 standard deviations, R * 5 sqrt(N p1 (1 - p1)) / N, of
     * R * p1.
     */
    @Test
    void skewStudyRespectsTheHotWordBound() {
        int n = 100_000, r = 8;
        double[] skews = {1.2, 1.5};
        SkewStudy s = SkewStudy.run(n, 5_000, skews, r, 1);
        for (int i = 0; i < skews.length; i++) {
            double p1 = sdx.core.Workloads.zipfProbabilities(5_000, skews[i])[0];
            assertTrue(s.bound()[i] > 1.2, "the bound must not be vacuous at skew " + skews[i]);
            double tol = r * 5 * Math.sqrt(n * p1 * (1 - p1)) / n;
            assertTrue(s.measured()[i] >= s.bound()[i] - tol, "measured max/mean under the lower bound");
            assertEquals(s.predicted()[i], s.measured()[i], 0.1 * s.predicted()[i]);
        }
        assertTrue(s.measured()[1] > 2.5, "Zipf 1.5 puts about 38% of all words on one reducer of 8");
    }

    @Test
    void amdahlAndKarpFlattByHand() {
        assertEquals(1.0, Scaling.amdahl(0.3, 1), 1e-12);
        assertEquals(1 / (0.2 + 0.8 / 4), Scaling.amdahl(0.2, 4), 1e-12);
        // a speedup of 1.6 on 2 processors: f = (1/1.6 - 1/2) / (1/2) = 0.25
        assertEquals(0.25, Scaling.karpFlatt(1.6, 2), 1e-12);
        // Karp-Flatt inverts Amdahl
        assertEquals(0.1, Scaling.karpFlatt(Scaling.amdahl(0.1, 8), 8), 1e-12);
        assertEquals(0.0, Scaling.karpFlatt(2.5, 2), 1e-12, "super-linear speedups clamp to 0");
    }

    /** Hand-made times: 100 ms at W=1 and 62.5 ms at W=2..4 on 2 cores: speedup 1.6, f = 0.25. */
    @Test
    void scalingCurvesByHand() {
        Scaling s = new Scaling(new int[] {1, 2, 3, 4}, new double[] {100, 62.5, 62.5, 62.5}, 2, 0.25);
        assertArrayEquals(new double[] {1, 1.6, 1.6, 1.6}, s.speedup(), 1e-12);
        // Amdahl with p = min(W, 2): 1, 1/(0.25 + 0.75/2) = 1.6, then flat
        assertArrayEquals(new double[] {1, 1.6, 1.6, 1.6}, s.amdahl(), 1e-12);
        assertEquals(4, s.table().rowCount());
    }

    @Test
    void scalingMeasuresEveryWorkerCount() {
        Scaling s = Scaling.measure(WordCount.job().mapTasks(4), Corpus.zipf(20_000, 500, 1, 10, 1), 3, 1);
        assertArrayEquals(new int[] {1, 2, 3}, s.workers());
        assertTrue(java.util.Arrays.stream(s.millis()).allMatch(ms -> ms > 0 && Double.isFinite(ms)));
    }

    @Test
    void studiesAreDeterministic() {
        var a = CombinerStudy.run(CombinerStudy.Settings.defaults().withWords(20_000).withVocabulary(1000).withMapTasks(1, 4).withSeed(9));
        var b = CombinerStudy.run(CombinerStudy.Settings.defaults().withWords(20_000).withVocabulary(1000).withMapTasks(1, 4).withSeed(9));
        assertArrayEquals(a.withCombiner(), b.withCombiner());
        assertArrayEquals(a.bytesWith(), b.bytesWith());
        var s1 = SkewStudy.run(20_000, 1000, new double[] {1.0}, 4, 9);
        var s2 = SkewStudy.run(20_000, 1000, new double[] {1.0}, 4, 9);
        assertArrayEquals(s1.measured(), s2.measured());
    }

    @Test
    void plotsAndTablesRender() {
        var r = WordCount.job().workers(2).mapTasks(3).faults(Faults.crashMapTask(1)).run(Corpus.zipf(3000, 100, 1, 10, 1));
        assertEquals(4, r.table().rowCount(), "three phases and the whole job");
        assertTrue(r.attemptsTable().rowCount() >= 3 + 1 + 2 + 2);
        assertTrue(r.timelinePlot().image().getWidth() > 0);
        assertTrue(r.reducerPlot().image().getWidth() > 0);
        assertTrue(r.phasePlot().image().getWidth() > 0);
        var other = WordCount.job().run(Corpus.zipf(3000, 100, 1, 10, 2));
        var table = JobResult.compare(List.of("a", "b", "c"), List.of(r, WordCount.job().run(Corpus.zipf(3000, 100, 1, 10, 1)), other));
        assertEquals(List.of("yes", "yes", "NO"), table.stringColumn("same output as first").asList());
        assertTrue(SkewStudy.loads(r, 100, 1).image().getWidth() > 0);
    }
}
