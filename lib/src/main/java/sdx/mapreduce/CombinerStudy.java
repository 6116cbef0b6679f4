package sdx.mapreduce;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.core.Corpus;
import sdx.core.Workloads;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * How much a combiner shrinks the shuffle, measured and predicted, as the number of map tasks M
 * grows. Without a combiner every word crosses the network: {@code N} pairs. With one, a map task
 * ships one pair per distinct word of its split; a split of {@code n = N/M} Zipf words holds on
 * average {@code sum_v 1 - (1 - p_v)^n} distinct words, so the shuffle carries about
 * {@code M * sum_v [1 - (1 - p_v)^(N/M)]} pairs: more map tasks, more (smaller) partial counts.
 *
 * @param mapTasks         the M values
 * @param words            N, words in the corpus
 * @param vocabulary       size of the Zipf vocabulary
 * @param skew             Zipf exponent
 * @param withoutCombiner  pairs shuffled without a combiner, per M
 * @param withCombiner     pairs shuffled with the combiner, per M
 * @param predicted        the formula above, per M
 * @param bytesWithout     shuffle bytes without a combiner, per M
 * @param bytesWith        shuffle bytes with the combiner, per M
 */
public record CombinerStudy(int[] mapTasks, int words, int vocabulary, double skew, long[] withoutCombiner,
        long[] withCombiner, double[] predicted, long[] bytesWithout, long[] bytesWith) {

    /**
     * What {@link #run(Settings)} measures, named, with defaults: start from {@link #defaults()} and change
     * what the cell is about, e.g. {@code CombinerStudy.run(Settings.defaults().withSkew(0.5))}.
     *
     * @param words      corpus size in words, at least 1
     * @param vocabulary distinct words, at least 1
     * @param skew       Zipf exponent, at least 0
     * @param mapTasks   the M values, each in [1, words]
     * @param seed       corpus seed
     */
    public record Settings(int words, int vocabulary, double skew, int[] mapTasks, long seed) {
        /** Validates and copies. */
        public Settings {
            Check.positive("words", words);
            Check.positive("vocabulary", vocabulary);
            Check.atLeast("skew", skew, 0.0);
            mapTasks = Check.notEmpty("mapTasks", mapTasks).clone();
            for (int i = 0; i < mapTasks.length; i++) Check.inRange("mapTasks[" + i + "]", mapTasks[i], 1, words);
        }

        /** 100,000 words over a 20,000-word vocabulary, Zipf 1.0, M = 1, 2, 4, ..., 64, seed 42. */
        public static Settings defaults() {
            return new Settings(100_000, 20_000, 1.0, new int[] {1, 2, 4, 8, 16, 32, 64}, 42);
        }

        /** These settings with another corpus size. */
        public Settings withWords(int n) {
            return new Settings(n, vocabulary, skew, mapTasks, seed);
        }

        /** These settings with another vocabulary. */
        public Settings withVocabulary(int v) {
            return new Settings(words, v, skew, mapTasks, seed);
        }

        /** These settings with another Zipf exponent. */
        public Settings withSkew(double s) {
            return new Settings(words, vocabulary, s, mapTasks, seed);
        }

        /** These settings with other M values. */
        public Settings withMapTasks(int... m) {
            return new Settings(words, vocabulary, skew, m, seed);
        }

        /** These settings with another corpus seed. */
        public Settings withSeed(long s) {
            return new Settings(words, vocabulary, skew, mapTasks, s);
        }

        /** A copy of {@code mapTasks}. */
        @Override
        public int[] mapTasks() {
            return mapTasks.clone();
        }
    }

    /** Runs word count with and without the combiner on one generated Zipf corpus, for each of the settings' M. */
    public static CombinerStudy run(Settings settings) {
        Check.notNull("settings", settings);
        return run(settings.words(), settings.vocabulary(), settings.skew(), settings.mapTasks(), settings.seed());
    }

    /**
     * Runs word count with and without the combiner on one generated Zipf corpus, for each M.
     *
     * @deprecated four numbers in a row are easy to swap: use {@link #run(Settings)}
     */
    @Deprecated
    public static CombinerStudy run(int words, int vocabulary, double skew, int[] mapTasks, long seed) {
        Check.positive("words", words);
        Check.positive("vocabulary", vocabulary);
        Check.atLeast("skew", skew, 0.0);
        Check.notEmpty("mapTasks", mapTasks);
        // one word per line, so a split of N/M lines is exactly N/M words, as the formula assumes
        List<String> lines = Corpus.zipf(words, vocabulary, skew, 1, seed);
        int k = mapTasks.length;
        long[] without = new long[k], with = new long[k], bw = new long[k], bc = new long[k];
        double[] theory = new double[k];
        for (int i = 0; i < k; i++) {
            Check.inRange("mapTasks[" + i + "]", mapTasks[i], 1, words);
            var plain = WordCount.job().workers(2).mapTasks(mapTasks[i]).reducers(4).run(lines);
            var combined = WordCount.job().combiner(WordCount.reducer()).workers(2).mapTasks(mapTasks[i]).reducers(4)
                    .run(lines);
            without[i] = plain.shuffleRecords();
            with[i] = combined.shuffleRecords();
            bw[i] = plain.shuffleBytes();
            bc[i] = combined.shuffleBytes();
            theory[i] = predictedRecords(words, vocabulary, skew, mapTasks[i]);
        }
        return new CombinerStudy(mapTasks.clone(), words, vocabulary, skew, without, with, theory, bw, bc);
    }

    /** {@code sum over splits of sum_v [1 - (1 - p_v)^(split size)]}, splits as {@link Input#of} cuts them. */
    public static double predictedRecords(int words, int vocabulary, double skew, int mapTasks) {
        double[] p = Workloads.zipfProbabilities(vocabulary, skew);
        double total = 0;
        int parts = Math.min(mapTasks, words);
        for (int i = 0; i < parts; i++) {
            long n = (long) words * (i + 1) / parts - (long) words * i / parts;
            for (double pv : p) total += 1 - Math.pow(1 - pv, n);
        }
        return total;
    }

    /** Shuffled pairs vs M: without combiner, with combiner, and the prediction (dashed). */
    public Plot plot() {
        double[] x = Arrays.stream(mapTasks).asDoubleStream().toArray();
        return Plot.line(String.format(Locale.ROOT, "Shuffle volume: %,d Zipf(%.1f) words, vocabulary %,d", words, skew, vocabulary),
                        "map tasks M", "pairs shuffled")
                .series("without combiner", x, Arrays.stream(withoutCombiner).asDoubleStream().toArray())
                .series("with combiner", x, Arrays.stream(withCombiner).asDoubleStream().toArray())
                .theory("with combiner, predicted: M * sum(1 - (1 - p)^(N/M))", x, predicted)
                .yRange(0, words * 1.1);
    }

    /** One row per M: pairs and bytes with and without the combiner, and the prediction. */
    public Table table() {
        DoubleColumn pred = DoubleColumn.create("predicted (combiner)");
        for (double p : predicted) pred.append(Math.round(p));
        return Table.create("shuffle volume").addColumns(IntColumn.create("M", mapTasks),
                LongColumn.create("pairs, no combiner", withoutCombiner), LongColumn.create("pairs, combiner", withCombiner),
                pred, LongColumn.create("bytes, no combiner", bytesWithout), LongColumn.create("bytes, combiner", bytesWith));
    }
}
