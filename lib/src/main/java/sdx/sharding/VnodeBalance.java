package sdx.sharding;

import java.util.Arrays;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * How evenly a consistent-hash ring splits the key space as the number of virtual nodes V grows.
 *
 * <p>Theory: N·V points thrown uniformly on a circle cut it into N·V arcs whose lengths are jointly
 * Dirichlet(1, ..., 1). A shard owns V of them, so its share is Beta(V, (N−1)V): mean 1/N and
 * coefficient of variation {@code sqrt((N−1)/(N·V+1))}, which is about {@code 1/sqrt(V)}. For the
 * busiest shard, a normal approximation gives max/mean ≈ 1 + CV·sqrt(N/(N−1))·E[max of N standard
 * normals]; it is poor for small V, where shares are skewed (at V = 1 a share is nearly exponential).
 *
 * @param shards       N
 * @param vnodes       the V values tried
 * @param seeds        rings per V (each with its own seed)
 * @param measuredCv   root-mean-square CV of the shares over the seeds (population CV of each ring)
 * @param theoryCv     {@code sqrt((N−1)/(N·V+1))}
 * @param measuredMax  mean over seeds of max share / mean share
 * @param theoryMax    normal approximation of max/mean
 */
public record VnodeBalance(int shards, int[] vnodes, int seeds, double[] measuredCv, double[] theoryCv,
                           double[] measuredMax, double[] theoryMax) {

    /** Copies the arrays, so the record cannot change behind its back. */
    public VnodeBalance {
        vnodes = vnodes == null ? null : vnodes.clone();
        measuredCv = measuredCv == null ? null : measuredCv.clone();
        theoryCv = theoryCv == null ? null : theoryCv.clone();
        measuredMax = measuredMax == null ? null : measuredMax.clone();
        theoryMax = theoryMax == null ? null : theoryMax.clone();
    }

    /**
     * What {@link #run(Settings)} measures, named, with defaults: start from {@link #defaults()} and change
     * what the cell is about, e.g. {@code VnodeBalance.run(Settings.defaults().withVnodes(100))}.
     *
     * @param shards N, at least 2
     * @param vnodes V values, each at least 1
     * @param seeds  rings per V, at least 1
     * @param seed   base seed
     */
    public record Settings(int shards, int[] vnodes, int seeds, long seed) {
        /** Validates and copies. */
        public Settings {
            Check.atLeast("shards", shards, 2);
            vnodes = Check.notEmpty("vnodes", vnodes).clone();
            for (int v : vnodes) Check.positive("vnodes[i]", v);
            Check.positive("seeds", seeds);
        }

        /** N = 10 shards, V = 1, 2, 4, ..., 1024, 20 rings per V, seed 42. */
        public static Settings defaults() {
            return new Settings(10, new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}, 20, 42);
        }

        /** These settings with another number of shards. */
        public Settings withShards(int n) {
            return new Settings(n, vnodes, seeds, seed);
        }

        /** These settings with other V values. */
        public Settings withVnodes(int... v) {
            return new Settings(shards, v, seeds, seed);
        }

        /** These settings averaging another number of rings per V. */
        public Settings withSeeds(int s) {
            return new Settings(shards, vnodes, s, seed);
        }

        /** These settings with another base seed. */
        public Settings withSeed(long s) {
            return new Settings(shards, vnodes, seeds, s);
        }

        /** A copy of {@code vnodes}. */
        @Override
        public int[] vnodes() {
            return vnodes.clone();
        }
    }

    /** Builds the settings' rings for each V and measures the shares exactly (arc lengths, no key sampling). */
    public static VnodeBalance run(Settings settings) {
        Check.notNull("settings", settings);
        return run(settings.shards(), settings.vnodes(), settings.seeds(), settings.seed());
    }

    /**
     * Builds {@code seeds} rings for each V and measures the shares exactly (arc lengths, no key sampling).
     *
     * @deprecated four positional arguments are easy to swap: use {@link #run(Settings)}
     * @param shards N, at least 2
     * @param vnodes V values, each at least 1
     * @param seeds  rings per V, at least 1
     * @param seed   base seed
     */
    @Deprecated
    public static VnodeBalance run(int shards, int[] vnodes, int seeds, long seed) {
        Check.atLeast("shards", shards, 2);
        Check.notEmpty("vnodes", vnodes);
        for (int v : vnodes) Check.positive("vnodes[i]", v);
        Check.positive("seeds", seeds);
        int m = vnodes.length;
        double[] cv = new double[m], tcv = new double[m], max = new double[m], tmax = new double[m];
        double emax = expectedMaxOfNormals(shards);
        for (int j = 0; j < m; j++) {
            double sumVar = 0, sumMax = 0;
            for (int s = 0; s < seeds; s++) {
                double[] share = new ConsistentHashPartitioner(shards, vnodes[j], seed * 1_000_003L + s).shares();
                double mean = 1.0 / shards, ss = 0, mx = 0;
                for (double x : share) {
                    ss += (x - mean) * (x - mean);
                    mx = Math.max(mx, x);
                }
                // shares sum to exactly 1, so the mean is known: divide by N, not N-1 (unbiased here)
                sumVar += ss / shards / (mean * mean);
                sumMax += mx / mean;
            }
            cv[j] = Math.sqrt(sumVar / seeds);
            tcv[j] = theoryCv(shards, vnodes[j]);
            max[j] = sumMax / seeds;
            tmax[j] = 1 + tcv[j] * Math.sqrt(shards / (shards - 1.0)) * emax;
        }
        return new VnodeBalance(shards, vnodes.clone(), seeds, cv, tcv, max, tmax);
    }

    /** {@code sqrt((N−1)/(N·V+1))}: the relative standard deviation of one shard's share. */
    public static double theoryCv(int shards, int vnodes) {
        Check.positive("shards", shards);
        Check.positive("vnodes", vnodes);
        return Math.sqrt((shards - 1.0) / ((double) shards * vnodes + 1));
    }

    /** E[max of n independent standard normals], by numerical integration of n·x·φ(x)·Φ(x)^(n−1). */
    static double expectedMaxOfNormals(int n) {
        double sum = 0, dx = 0.001;
        for (double x = -8; x <= 8; x += dx) {
            double phi = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            sum += x * n * phi * Math.pow(normalCdf(x), n - 1) * dx;
        }
        return sum;
    }

    static double normalCdf(double x) { // Abramowitz-Stegun 7.1.26 via erf, error < 1.5e-7
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double y = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x / 2);
        return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
    }

    /** Measured and theoretical spread vs V on log-log axes: CV and (max/mean − 1). */
    public Plot plot() {
        double[] x = Arrays.stream(vnodes).asDoubleStream().toArray();
        double[] excess = Arrays.stream(measuredMax).map(v -> v - 1).toArray();
        double[] theoryExcess = Arrays.stream(theoryMax).map(v -> v - 1).toArray();
        return Plot.line("Ring balance vs virtual nodes (N = " + shards + ", " + seeds + " rings each)",
                        "virtual nodes per shard V (log)", "spread (log)")
                .series("CV measured", x, measuredCv)
                .theoryOf("CV measured", "CV theory ~ 1/sqrt(V)", x, theoryCv)
                .series("max/mean - 1 measured", x, excess)
                .theoryOf("max/mean - 1 measured", "max/mean - 1 normal approx.", x, theoryExcess)
                .logX().logY();
    }

    /** One row per V. */
    public Table table() {
        Table t = Table.create("ring balance, N = " + shards);
        IntColumn v = IntColumn.create("V", vnodes);
        return t.addColumns(v, DoubleColumn.create("CV measured", round(measuredCv)),
                DoubleColumn.create("CV theory", round(theoryCv)),
                DoubleColumn.create("max/mean measured", round(measuredMax)),
                DoubleColumn.create("max/mean theory (normal)", round(theoryMax)));
    }

    private static double[] round(double[] a) {
        return Arrays.stream(a).map(ShardLoad::round).toArray();
    }

    /** A copy of {@code vnodes}. */
    @Override
    public int[] vnodes() {
        return vnodes.clone();
    }

    /** A copy of {@code measuredCv}. */
    @Override
    public double[] measuredCv() {
        return measuredCv.clone();
    }

    /** A copy of {@code theoryCv}. */
    @Override
    public double[] theoryCv() {
        return theoryCv.clone();
    }

    /** A copy of {@code measuredMax}. */
    @Override
    public double[] measuredMax() {
        return measuredMax.clone();
    }

    /** A copy of {@code theoryMax}. */
    @Override
    public double[] theoryMax() {
        return theoryMax.clone();
    }
}
