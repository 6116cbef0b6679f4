package sdx.sharding;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;
import sdx.core.Check;
import sdx.core.Trace;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Precision and recall of the hot keys a sketch reports, against exact counts, as its memory grows.
 * A key is truly hot when its exact count exceeds {@code phi·n}; the sketch reports the keys whose
 * estimate exceeds {@code phi·n}. Space-Saving and Count-Min both over-estimate, so their recall is high
 * and their mistakes are false alarms (low precision) until memory is large enough.
 *
 * @param trace     the stream's name
 * @param phi       hot-key frequency threshold
 * @param trueHot   number of truly hot keys
 * @param memory    counters used by each Space-Saving run
 * @param ssPrecision Space-Saving precision per run
 * @param ssRecall    Space-Saving recall per run
 * @param cmMemory    counters used by each Count-Min run
 * @param cmPrecision Count-Min precision per run
 * @param cmRecall    Count-Min recall per run
 * @param cmRecallCeiling the most Count-Min can recall: its candidate list holds {@code size/4} keys,
 *                    so it can report at most that many of the truly hot ones ({@code min(1, candidates/trueHot)})
 */
public record SketchAccuracy(String trace, double phi, int trueHot, int[] memory, double[] ssPrecision,
                             double[] ssRecall, int[] cmMemory, double[] cmPrecision, double[] cmRecall,
                             double[] cmRecallCeiling) {

    /** Copies the arrays. */
    public SketchAccuracy {
        memory = memory.clone();
        ssPrecision = ssPrecision.clone();
        ssRecall = ssRecall.clone();
        cmMemory = cmMemory.clone();
        cmPrecision = cmPrecision.clone();
        cmRecall = cmRecall.clone();
        cmRecallCeiling = cmRecallCeiling.clone();
    }


    /** Rows of the Count-Min sketches this experiment builds. */
    public static final int CM_DEPTH = 4;

    /**
     * What {@link #run(Trace, Settings)} measures, named, with defaults: start from {@link #defaults()} and
     * change what the cell is about, e.g. {@code SketchAccuracy.run(stream, Settings.defaults().withPhi(0.01))}.
     *
     * @param phi   threshold frequency in (0, 1): a key is hot when it has more than phi of the requests
     * @param sizes memory budgets in counters, each at least 8
     * @param seed  Count-Min hash seed
     */
    public record Settings(double phi, int[] sizes, long seed) {
        /** Validates and copies. */
        public Settings {
            Check.inRange("phi", phi, 1e-9, 0.999);
            sizes = Check.notEmpty("sizes", sizes).clone();
            for (int s : sizes) Check.atLeast("sizes[i]", s, 8);
        }

        /** phi = 0.002 (hot: more than 0.2 % of requests), budgets 16, 64, ..., 16,384 counters, seed 42. */
        public static Settings defaults() {
            return new Settings(0.002, new int[] {16, 64, 256, 1024, 4096, 16384}, 42);
        }

        /** These settings with another threshold frequency. */
        public Settings withPhi(double p) {
            return new Settings(p, sizes, seed);
        }

        /** These settings with other memory budgets. */
        public Settings withSizes(int... s) {
            return new Settings(phi, s, seed);
        }

        /** These settings with another hash seed. */
        public Settings withSeed(long s) {
            return new Settings(phi, sizes, s);
        }

        /** A copy of {@code sizes}. */
        @Override
        public int[] sizes() {
            return sizes.clone();
        }
    }

    /** Runs both sketches on {@code trace} at each of the settings' memory budgets (see the positional form). */
    public static SketchAccuracy run(Trace trace, Settings settings) {
        Check.notNull("settings", settings);
        return run(trace, settings.phi(), settings.sizes(), settings.seed());
    }

    /**
     * Runs Space-Saving with each capacity in {@code sizes}, and Count-Min with the same total counters
     * (depth 4; three quarters of the budget for the rows, a quarter for tracked candidates).
     *
     * @param trace the key stream
     * @param phi   threshold frequency in (0, 1)
     * @param sizes memory budgets in counters, each at least 8
     * @param seed  Count-Min hash seed
     * @deprecated three numbers in a row are easy to swap: use {@link #run(Trace, Settings)}
     */
    @Deprecated
    public static SketchAccuracy run(Trace trace, double phi, int[] sizes, long seed) {
        Check.notNull("trace", trace);
        Check.inRange("phi", phi, 1e-9, 0.999);
        Check.notEmpty("sizes", sizes);
        for (int s : sizes) Check.atLeast("sizes[i]", s, 8);
        long threshold = (long) Math.floor(phi * trace.length());
        Set<Integer> truth = new HashSet<>();
        long[] counts = trace.counts();
        for (int k = 0; k < counts.length; k++) if (counts[k] > threshold) truth.add(k);
        int m = sizes.length;
        int[] cmMem = new int[m];
        double[] sp = new double[m], sr = new double[m], cp = new double[m], cr = new double[m], ceiling = new double[m];
        for (int i = 0; i < m; i++) {
            int size = sizes[i];
            double[] pr = score(trace, threshold, truth, j -> new SpaceSavingSketch(size));
            sp[i] = pr[0];
            sr[i] = pr[1];
            CountMinSketch cm = new CountMinSketch(Math.max(1, size * 3 / 4 / CM_DEPTH), CM_DEPTH, Math.max(1, size / 4), seed);
            cmMem[i] = cm.memory();
            ceiling[i] = truth.isEmpty() ? 1.0 : Math.min(1.0, Math.max(1, size / 4) / (double) truth.size());
            pr = score(trace, threshold, truth, j -> cm);
            cp[i] = pr[0];
            cr[i] = pr[1];
        }
        return new SketchAccuracy(trace.name(), phi, truth.size(), sizes, sp, sr, cmMem, cp, cr, ceiling);
    }

    /** {precision, recall} of one sketch on {@code trace}. */
    static double[] score(Trace trace, long threshold, Set<Integer> truth, IntFunction<HeavyHitterSketch> make) {
        HeavyHitterSketch sketch = make.apply(0);
        for (int k : trace.keys()) sketch.add(k);
        Set<Integer> reported = new HashSet<>();
        for (KeyCount kc : sketch.above(threshold)) reported.add(kc.key());
        long hit = reported.stream().filter(truth::contains).count();
        double precision = reported.isEmpty() ? 1.0 : hit / (double) reported.size();
        double recall = truth.isEmpty() ? 1.0 : hit / (double) truth.size();
        return new double[] {precision, recall};
    }

    /** Precision and recall vs memory, log x. */
    public Plot plot() {
        double[] x = Arrays.stream(memory).asDoubleStream().toArray();
        double[] xc = Arrays.stream(cmMemory).asDoubleStream().toArray();
        return Plot.line("Hot keys (> " + phi + " of " + trace + "): " + trueHot + " truly hot",
                        "sketch memory in counters (log)", "precision / recall")
                .series("Space-Saving recall", x, ssRecall)
                .series("Space-Saving precision", x, ssPrecision)
                .series("Count-Min recall", xc, cmRecall)
                .series("Count-Min precision", xc, cmPrecision)
                .theory("Count-Min recall ceiling (candidates / truly hot)", xc, cmRecallCeiling)
                .logX().yRange(0, 1.05);
    }

    /** One row per memory budget. */
    public Table table() {
        Table t = Table.create("hot keys above " + phi + " of the stream (" + trueHot + " truly hot)");
        return t.addColumns(IntColumn.create("Space-Saving counters", memory),
                DoubleColumn.create("SS precision", round(ssPrecision)), DoubleColumn.create("SS recall", round(ssRecall)),
                IntColumn.create("Count-Min counters", cmMemory),
                DoubleColumn.create("CM precision", round(cmPrecision)), DoubleColumn.create("CM recall", round(cmRecall)),
                DoubleColumn.create("CM recall ceiling", round(cmRecallCeiling)));
    }

    private static double[] round(double[] a) {
        return Arrays.stream(a).map(ShardLoad::round).toArray();
    }

    @Override
    public String toString() {
        return "SketchAccuracy[" + trace + ", phi=" + phi + ", " + trueHot + " hot]";
    }

    /** A copy of {@code memory}. */
    @Override
    public int[] memory() {
        return memory.clone();
    }

    /** A copy of {@code ssPrecision}. */
    @Override
    public double[] ssPrecision() {
        return ssPrecision.clone();
    }

    /** A copy of {@code ssRecall}. */
    @Override
    public double[] ssRecall() {
        return ssRecall.clone();
    }

    /** A copy of {@code cmMemory}. */
    @Override
    public int[] cmMemory() {
        return cmMemory.clone();
    }

    /** A copy of {@code cmPrecision}. */
    @Override
    public double[] cmPrecision() {
        return cmPrecision.clone();
    }

    /** A copy of {@code cmRecall}. */
    @Override
    public double[] cmRecall() {
        return cmRecall.clone();
    }
}
