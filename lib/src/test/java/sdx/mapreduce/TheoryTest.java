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
            CombinerStudy s = CombinerStudy.run(100_000, 10_000, skew, ms, 5);
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

    @Test
    void skewStudyRespectsTheHotWordBound() {
        SkewStudy s = SkewStudy.run(100_000, 5_000, new double[] {0, 1.0, 1.5}, 8, 1);
        for (int i = 0; i < 3; i++) {
            assertTrue(s.measured()[i] >= s.bound()[i] - 0.02, "measured max/mean under the lower bound");
            assertEquals(s.predicted()[i], s.measured()[i], 0.1 * s.predicted()[i]);
        }
        assertTrue(s.measured()[2] > 2.5, "Zipf 1.5 puts a quarter of all words on one reducer");
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

    @Test
    void scalingReportsOneRowPerWorkerCount() {
        Scaling s = Scaling.measure(WordCount.job().mapTasks(4), Corpus.zipf(20_000, 500, 1, 10, 1), 3, 1);
        assertArrayEquals(new int[] {1, 2, 3}, s.workers());
        assertEquals(1.0, s.speedup()[0], 1e-12);
        assertEquals(3, s.table().rowCount());
        assertTrue(s.serialFraction() >= 0 && s.serialFraction() <= 1);
    }

    @Test
    void studiesAreDeterministic() {
        var a = CombinerStudy.run(20_000, 1000, 1.0, new int[] {1, 4}, 9);
        var b = CombinerStudy.run(20_000, 1000, 1.0, new int[] {1, 4}, 9);
        assertArrayEquals(a.withCombiner(), b.withCombiner());
        assertArrayEquals(a.bytesWith(), b.bytesWith());
        var s1 = SkewStudy.run(20_000, 1000, new double[] {1.0}, 4, 9);
        var s2 = SkewStudy.run(20_000, 1000, new double[] {1.0}, 4, 9);
        assertArrayEquals(s1.measured(), s2.measured());
    }

    @Test
    void plotsAndTablesRender() {
        var r = WordCount.job().workers(2).mapTasks(3).faults(Faults.crashMapTask(1)).run(Corpus.zipf(3000, 100, 1, 10, 1));
        assertEquals(3, r.table().rowCount());
        assertTrue(r.attemptsTable().rowCount() >= 3 + 1 + 2 + 2);
        assertTrue(r.timelinePlot().image().getWidth() > 0);
        assertTrue(r.reducerPlot().image().getWidth() > 0);
        assertTrue(r.phasePlot().image().getWidth() > 0);
        assertEquals(2, JobResult.compare(List.of("a", "b"), List.of(r, r)).rowCount());
        assertTrue(SkewStudy.loads(r, 100, 1).image().getWidth() > 0);
    }
}
