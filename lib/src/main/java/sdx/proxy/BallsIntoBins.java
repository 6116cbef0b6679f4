package sdx.proxy;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;

/**
 * Requests as balls, backends as bins: each of m balls goes to the least loaded of d bins chosen uniformly
 * at random (d = 1: purely random). The power of two choices in its simplest form; {@link Theory#maxLoad}
 * predicts the fullest bin.
 */
public final class BallsIntoBins {
    private BallsIntoBins() {}

    /** The fullest bin after {@code m} balls into {@code n} bins with {@code d} choices each (seeded). */
    public static int maxLoad(int n, int m, int d, long seed) {
        Check.inRange("n", n, 2, 10_000_000);
        Check.inRange("m", m, 1, 50_000_000);
        Check.inRange("d", d, 1, 8);
        UniformRandomProvider random = Rng.of(seed, d);
        int[] load = new int[n];
        int max = 0;
        for (int ball = 0; ball < m; ball++) {
            int best = random.nextInt(n);
            for (int c = 1; c < d; c++) {
                int other = random.nextInt(n);
                if (load[other] < load[best]) best = other;
            }
            max = Math.max(max, ++load[best]);
        }
        return max;
    }

    /** The mean fullest bin over {@code trials} seeds (seed, seed+1, ...), n balls into n bins. */
    public static double meanMaxLoad(int n, int d, int trials, long seed) {
        Check.inRange("trials", trials, 1, 1_000);
        double sum = 0;
        for (int t = 0; t < trials; t++) sum += maxLoad(n, n, d, seed + t);
        return sum / trials;
    }

    /**
     * n balls into n bins for n = 10^2 .. 10^maxExponent (half-decade steps): the measured mean fullest bin for
     * d = 1, 2, 3 as markers, the fluid-limit theory dashed in the same hue, and the two growth laws.
     */
    public static Plot plot(int maxExponent, int trials, long seed) {
        Check.inRange("maxExponent", maxExponent, 3, 6);
        int points = 2 * (maxExponent - 2) + 1;
        double[] x = new double[points];
        for (int i = 0; i < points; i++) x[i] = Math.round(Math.pow(10, 2 + i / 2.0));
        Plot plot = Plot.line("Fullest of n backends after n requests", "n (log scale)", "requests on the fullest backend")
                .logX();
        for (int d = 1; d <= 3; d++) {
            double[] measured = new double[points], theory = new double[points];
            for (int i = 0; i < points; i++) {
                measured[i] = meanMaxLoad((int) x[i], d, trials, seed);
                theory[i] = Theory.maxLoad((long) x[i], (long) x[i], d);
            }
            String name = d == 1 ? "1 choice (random)" : String.format(Locale.ROOT, "%d choices", d);
            plot.points(name, x, measured).theoryOf(name, name + ": theory (fluid limit)", x, theory);
        }
        double[] one = new double[points], two = new double[points];
        for (int i = 0; i < points; i++) {
            one[i] = Theory.oneChoiceGrowth(x[i]);
            two[i] = Theory.dChoiceGrowth(x[i], 2);
        }
        return plot.theory("ln n / ln ln n", x, one).theory("ln ln n / ln 2 (no O(1) term)", x, two);
    }
}
