package sdx.sharding;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * n balls into n bins, the model behind "place each request on the less loaded of d random shards".
 * With one random choice the fullest bin holds about ln n / ln ln n balls; precisely
 * Γ⁻¹(n) − 3/2 + o(1) (Gonnet, "Expected length of the longest probe sequence in hash code searching",
 * JACM 1981). With the less loaded of d ≥ 2 choices it holds ln ln n / ln d + Θ(1) (Azar, Broder,
 * Karlin and Upfal, "Balanced allocations", STOC 1994; Mitzenmacher 2001): an exponential improvement.
 *
 * @param bins       the n values (balls = bins)
 * @param seeds      runs averaged per n
 * @param oneChoice  mean max load with one random choice
 * @param twoChoices mean max load with the less loaded of two
 */
public record BallsIntoBins(int[] bins, int seeds, double[] oneChoice, double[] twoChoices) {

    /** Copies the arrays, so the record cannot change behind its back. */
    public BallsIntoBins {
        bins = bins == null ? null : bins.clone();
        oneChoice = oneChoice == null ? null : oneChoice.clone();
        twoChoices = twoChoices == null ? null : twoChoices.clone();
    }

    /** Max load after throwing {@code balls} balls into {@code bins} bins, each to the least loaded of {@code choices} random bins. */
    public static int maxLoad(int bins, int balls, int choices, long seed) {
        Check.positive("bins", bins);
        Check.positive("balls", balls);
        Check.inRange("choices", choices, 1, 16);
        UniformRandomProvider rng = Rng.of(seed);
        int[] load = new int[bins];
        int max = 0;
        for (int b = 0; b < balls; b++) {
            int best = rng.nextInt(bins);
            for (int c = 1; c < choices; c++) {
                int other = rng.nextInt(bins);
                if (load[other] < load[best]) best = other;
            }
            max = Math.max(max, ++load[best]);
        }
        return max;
    }

    /**
     * What {@link #run(Settings)} measures, named, with defaults: start from {@link #defaults()} and change
     * what the cell is about, e.g. {@code BallsIntoBins.run(Settings.defaults().withSeeds(10))}.
     *
     * @param bins  n values (n balls into n bins), each at least 2
     * @param seeds runs per n, at least 1
     * @param seed  base seed
     */
    public record Settings(int[] bins, int seeds, long seed) {
        /** Validates and copies. */
        public Settings {
            bins = Check.notEmpty("bins", bins).clone();
            for (int n : bins) Check.atLeast("bins[i]", n, 2);
            Check.positive("seeds", seeds);
        }

        /** n = 10, 100, ..., 1,000,000, 5 runs per n, seed 42. */
        public static Settings defaults() {
            return new Settings(new int[] {10, 100, 1_000, 10_000, 100_000, 1_000_000}, 5, 42);
        }

        /** These settings with other n values. */
        public Settings withBins(int... n) {
            return new Settings(n, seeds, seed);
        }

        /** These settings with another number of runs per n. */
        public Settings withSeeds(int s) {
            return new Settings(bins, s, seed);
        }

        /** These settings with another base seed. */
        public Settings withSeed(long s) {
            return new Settings(bins, seeds, s);
        }

        /** A copy of {@code bins}. */
        @Override
        public int[] bins() {
            return bins.clone();
        }
    }

    /** Measures the max load for each of the settings' n (n balls, n bins) with one and with two choices. */
    public static BallsIntoBins run(Settings settings) {
        Check.notNull("settings", settings);
        return run(settings.bins(), settings.seeds(), settings.seed());
    }

    /**
     * Measures the max load for each n (n balls, n bins) with one and with two choices.
     *
     * @deprecated positional arguments are easy to swap: use {@link #run(Settings)}
     * @param bins  n values, each at least 2
     * @param seeds runs per n, at least 1
     * @param seed  base seed
     */
    @Deprecated
    public static BallsIntoBins run(int[] bins, int seeds, long seed) {
        Check.notEmpty("bins", bins);
        for (int n : bins) Check.atLeast("bins[i]", n, 2);
        Check.positive("seeds", seeds);
        double[] one = new double[bins.length], two = new double[bins.length];
        for (int i = 0; i < bins.length; i++) {
            for (int s = 0; s < seeds; s++) {
                one[i] += maxLoad(bins[i], bins[i], 1, seed * 1_000_003L + 2L * s);
                two[i] += maxLoad(bins[i], bins[i], 2, seed * 1_000_003L + 2L * s + 1);
            }
            one[i] /= seeds;
            two[i] /= seeds;
        }
        return new BallsIntoBins(bins.clone(), seeds, one, two);
    }

    /** Gonnet's Γ⁻¹(n) − 3/2: expected max load, one choice, n balls in n bins. */
    public static double oneChoiceTheory(int n) {
        Check.atLeast("n", n, 2);
        return inverseGamma(n) - 1.5;
    }

    /**
     * The leading term ln ln n / ln 2 for two choices. The true maximum adds a term that stays bounded
     * as n grows (Azar et al. 1994 prove it is O(1), without a value); an independent check of this
     * library measured it between −0.2 and +0.4 for n ≥ 100.
     */
    public static double twoChoiceTheory(int n) {
        Check.atLeast("n", n, 3);
        return Math.log(Math.log(n)) / Math.log(2);
    }

    /** The leading term ln n / ln ln n for one choice (slowly converging; shown for comparison). */
    public static double oneChoiceLeadingTerm(int n) {
        Check.atLeast("n", n, 3);
        return Math.log(n) / Math.log(Math.log(n));
    }

    /** x ≥ 2 with Γ(x) = y, by bisection on ln Γ. */
    static double inverseGamma(double y) {
        return sdx.core.Roots.bisect(BallsIntoBins::logGamma, Math.log(y), 2, 200);
    }

    /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms; relative error ~1e-15). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        x -= 1;
        double a = c[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += c[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    private double[] map(java.util.function.IntToDoubleFunction f) {
        return Arrays.stream(bins).mapToDouble(f).toArray();
    }

    /** Measured max loads beside the theory curves (dashed), log x. */
    public Plot plot() {
        double[] x = Arrays.stream(bins).asDoubleStream().toArray();
        return Plot.line("Max load, n balls into n bins (" + seeds + " runs each)", "n (log)", "balls in the fullest bin")
                .series("1 choice", x, oneChoice)
                .theoryOf("1 choice", "Gamma^-1(n) - 3/2", x, map(BallsIntoBins::oneChoiceTheory))
                .series("2 choices", x, twoChoices)
                .theoryOf("2 choices", "ln ln n / ln 2", x, map(BallsIntoBins::twoChoiceTheory))
                .logX();
    }

    /** One row per n. */
    public Table table() {
        return Table.create("max load, n balls into n bins").addColumns(IntColumn.create("n", bins),
                DoubleColumn.create("1 choice", oneChoice),
                DoubleColumn.create("Gamma^-1(n) - 3/2", Arrays.stream(map(BallsIntoBins::oneChoiceTheory)).map(ShardLoad::round).toArray()),
                DoubleColumn.create("ln n / ln ln n", Arrays.stream(map(BallsIntoBins::oneChoiceLeadingTerm)).map(ShardLoad::round).toArray()),
                DoubleColumn.create("2 choices", twoChoices),
                DoubleColumn.create("ln ln n / ln 2", Arrays.stream(map(BallsIntoBins::twoChoiceTheory)).map(ShardLoad::round).toArray()));
    }

    /** A copy of {@code bins}. */
    @Override
    public int[] bins() {
        return bins.clone();
    }

    /** A copy of {@code oneChoice}. */
    @Override
    public double[] oneChoice() {
        return oneChoice.clone();
    }

    /** A copy of {@code twoChoices}. */
    @Override
    public double[] twoChoices() {
        return twoChoices.clone();
    }
}
