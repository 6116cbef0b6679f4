package sdx.mapreduce;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Locale;
import sdx.core.Check;
import sdx.core.Corpus;
import sdx.core.Workloads;
import sdx.viz.Plot;

/**
 * Hot spots in the shuffle: with Zipf-distributed words and no combiner, reducer {@code r} receives
 * every occurrence of every word hashed to it, so its expected load is
 * {@code N * sum of p_v over the words v with hash(v) mod R = r}. The most frequent word alone
 * carries {@code p_1} of all pairs, so no partitioner that keeps a key on one reducer can bring
 * max/mean below {@code R * p_1}.
 *
 * @param skews     Zipf exponents measured
 * @param reducers  R
 * @param words     N
 * @param measured  max/mean of pairs per reducer, per skew
 * @param predicted max/mean of the expected loads, per skew
 * @param bound     the hot-word lower bound {@code max(1, R * p_1)}, per skew
 */
public record SkewStudy(double[] skews, int reducers, int words, double[] measured, double[] predicted, double[] bound) {

    /** Expected pairs per reducer for N Zipf words hashed by {@link HashPartitioner}. */
    public static double[] expectedLoads(int words, int vocabulary, double skew, int reducers) {
        Check.positive("words", words);
        Check.positive("reducers", reducers);
        double[] p = Workloads.zipfProbabilities(vocabulary, skew);
        double[] load = new double[reducers];
        HashPartitioner<String> h = new HashPartitioner<>();
        for (int v = 0; v < p.length; v++) load[h.partition(Corpus.word(v), reducers)] += words * p[v];
        return load;
    }

    /** Runs word count without a combiner on Zipf text for each skew; records max/mean of reducer loads. */
    public static SkewStudy run(int words, int vocabulary, double[] skews, int reducers, long seed) {
        Check.positive("words", words);
        Check.notNull("skews", skews);
        Check.that(skews.length > 0, "skews", "[]", "must not be empty");
        Check.inRange("reducers", reducers, 1, 1000);
        double[] meas = new double[skews.length], pred = new double[skews.length], lb = new double[skews.length];
        for (int i = 0; i < skews.length; i++) {
            List<String> lines = Corpus.zipf(words, vocabulary, skews[i], 10, seed);
            meas[i] = WordCount.job().workers(2).mapTasks(4).reducers(reducers).run(lines).reducerImbalance();
            double[] e = expectedLoads(words, vocabulary, skews[i], reducers);
            pred[i] = Arrays.stream(e).max().orElseThrow() / (words / (double) reducers);
            lb[i] = Math.max(1, reducers * Workloads.zipfProbabilities(vocabulary, skews[i])[0]);
        }
        return new SkewStudy(skews.clone(), reducers, words, meas, pred, lb);
    }

    /** Bars of one skewed run's measured loads beside the expected ones. */
    public static Plot loads(JobResult<String, ?> result, int vocabulary, double skew) {
        Check.notNull("result", result);
        int r = result.reducers();
        double[] expected = expectedLoads((int) result.mapOutputRecords(), vocabulary, skew, r);
        List<String> names = IntStream.range(0, r).mapToObj(i -> "r" + i).toList();
        return Plot.bar(String.format(Locale.ROOT, "Pairs per reducer, Zipf(%.1f): max/mean = %.2f", skew, result.reducerImbalance()),
                        "reduce partition", "pairs received")
                .bars("measured", names, Arrays.stream(result.recordsPerReducer()).asDoubleStream().toArray())
                .bars("expected: N * sum of p over the words hashed there", names, expected);
    }

    /** Max/mean vs skew: measured, predicted (dashed), hot-word lower bound (dashed). */
    public Plot plot() {
        return Plot.line(String.format(Locale.ROOT, "Reducer imbalance vs skew (R = %d, %,d words, no combiner)", reducers, words),
                        "Zipf skew s", "max / mean pairs per reducer")
                .series("measured", skews, measured)
                .theoryOf("measured", "predicted from p and hash(word) mod R", skews, predicted)
                .theory("lower bound: R * p(most frequent word)", skews, bound);
    }
}
