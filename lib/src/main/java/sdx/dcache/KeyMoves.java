package sdx.dcache;

import java.util.Locale;
import sdx.core.Check;
import sdx.core.HashRing;
import sdx.core.Rng;
import sdx.core.SplitMix64;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The share of keys that change node when a cluster of {@code n} nodes loses one (a death) or when one joins
 * a cluster of {@code n - 1}, on a consistent-hash ring and under {@code hash mod n}, each the mean over
 * {@code rings} seeded rings (or random victims), beside {@link Theory#movedConsistent} and
 * {@link Theory#movedModulo}.
 *
 * @param sizes  cluster sizes {@code n} (with the node)
 * @param join   measured share moved when node {@code n} joins a ring of {@code n - 1}
 * @param death  measured share moved when one of {@code n} nodes dies
 * @param modulo measured share moved under {@code hash mod n} going from {@code n - 1} to {@code n}
 * @param vnodes points per node on the ring
 * @param keys   keys counted per ring
 * @param rings  rings averaged per size
 */
public record KeyMoves(int[] sizes, double[] join, double[] death, double[] modulo, int vnodes, int keys, int rings) {
    /** Copies arrays in and out. */
    public KeyMoves {
        sizes = sizes.clone();
        join = join.clone();
        death = death.clone();
        modulo = modulo.clone();
    }

    static KeyMoves run(int maxNodes, int vnodes, int keys, int rings, long seed) {
        Check.inRange("maxNodes", maxNodes, 2, 200);
        Check.inRange("vnodes", vnodes, 1, 1_000);
        Check.inRange("keys", keys, 100, 1_000_000);
        Check.inRange("rings", rings, 1, 1_000);
        int m = maxNodes - 1;
        int[] sizes = new int[m];
        double[] join = new double[m], death = new double[m], modulo = new double[m];
        var rng = Rng.of(seed, 141);
        for (int i = 0; i < m; i++) {
            int n = i + 2;
            sizes[i] = n;
            for (int r = 0; r < rings; r++) {
                long ringSeed = SplitMix64.mix(seed + 1_000L * n + r);
                HashRing before = HashRing.of(n - 1, vnodes, ringSeed);
                HashRing full = before.with(n - 1);
                HashRing dead = full.without(rng.nextInt(n));
                join[i] += moved(before, full, keys, ringSeed) / rings;
                death[i] += moved(full, dead, keys, ringSeed) / rings;
            }
            modulo[i] = movedModulo(n, keys, seed);
        }
        return new KeyMoves(sizes, join, death, modulo, vnodes, keys, rings);
    }

    /** Share of {@code keys} keys (hashed ids) whose owner differs between two rings. */
    static double moved(HashRing a, HashRing b, int keys, long seed) {
        int moved = 0;
        for (int k = 0; k < keys; k++) {
            long key = SplitMix64.mix(seed ^ k);
            if (a.owner(key) != b.owner(key)) moved++;
        }
        return (double) moved / keys;
    }

    private static double movedModulo(int n, int keys, long seed) {
        int moved = 0;
        for (int k = 0; k < keys; k++) {
            long h = SplitMix64.mix(seed ^ k) >>> 1;
            if (h % (n - 1) != h % n) moved++;
        }
        return (double) moved / keys;
    }

    /** Theory 1/n for the ring, 1 - 1/n for modulo. */
    public double[] theoryConsistent() {
        double[] t = new double[sizes.length];
        for (int i = 0; i < t.length; i++) t[i] = Theory.movedConsistent(sizes[i]);
        return t;
    }

    /** Theory {@code 1 - 1/n} for {@code hash mod n}. */
    public double[] theoryModulo() {
        double[] t = new double[sizes.length];
        for (int i = 0; i < t.length; i++) t[i] = Theory.movedModulo(sizes[i]);
        return t;
    }

    /** The largest gap between the ring's measured shares (join or death) and 1/n, relative to 1/n. */
    public double maxRelativeError() {
        double max = 0;
        double[] t = theoryConsistent();
        for (int i = 0; i < t.length; i++) {
            max = Math.max(max, Math.abs(join[i] - t[i]) / t[i]);
            max = Math.max(max, Math.abs(death[i] - t[i]) / t[i]);
        }
        return max;
    }

    /** Measured shares as markers, theory dashed in the same hue. */
    public Plot plot() {
        double[] x = new double[sizes.length];
        for (int i = 0; i < x.length; i++) x[i] = sizes[i];
        return Plot.line(String.format(Locale.ROOT, "Share of keys that move (%d vnodes per node, mean of %d rings)", vnodes, rings),
                        "nodes n (with the node that joins or dies)", "share of keys moved")
                .points("ring: a node joins", x, join)
                .points("ring: a node dies", x, death)
                .points("hash mod n: a node joins", x, modulo)
                .theoryOf("ring: a node joins", "ring theory 1/n", x, theoryConsistent())
                .theoryOf("hash mod n: a node joins", "modulo theory 1 - 1/n", x, theoryModulo())
                .yRange(0, 1);
    }

    /** One row per cluster size. */
    public Table table() {
        return Table.create("Share of keys moved").addColumns(IntColumn.create("nodes n", sizes),
                DoubleColumn.create("ring, join", r(join)), DoubleColumn.create("ring, death", r(death)),
                DoubleColumn.create("1/n", r(theoryConsistent())), DoubleColumn.create("mod n, join", r(modulo)),
                DoubleColumn.create("1 - 1/n", r(theoryModulo())));
    }

    static double[] r(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = Math.round(v[i] * 10_000) / 10_000.0;
        return o;
    }
}
