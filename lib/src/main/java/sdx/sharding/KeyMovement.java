package sdx.sharding;

import java.util.Arrays;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Keys that change shard when a cluster of N shards grows to N+1. Theory, for hashes that behave like
 * uniform random numbers: with {@code hash mod N} a key stays only when {@code h mod N == h mod (N+1)},
 * so a fraction {@code N/(N+1)} moves; with consistent hashing only the keys landing on the new
 * shard's arcs move, {@code 1/(N+1)} in expectation (the new shard's expected share).
 *
 * @param shards         the N values (before adding one)
 * @param modMoved       measured fraction moved, hash mod N → N+1
 * @param consistentMoved measured fraction moved, consistent hashing N → N+1 (mean over seeds)
 * @param vnodes         virtual nodes per shard used for consistent hashing
 * @param keys           keys checked per run
 */
public record KeyMovement(int[] shards, double[] modMoved, double[] consistentMoved, int vnodes, int keys) {

    /** Copies the arrays, so the record cannot change behind its back. */
    public KeyMovement {
        shards = shards == null ? null : shards.clone();
        modMoved = modMoved == null ? null : modMoved.clone();
        consistentMoved = consistentMoved == null ? null : consistentMoved.clone();
    }

    /** Fraction of keys {@code 0..keys-1} whose shard differs between {@code before} and {@code after}. */
    public static double movedFraction(Partitioner before, Partitioner after, int keys) {
        Check.notNull("before", before);
        Check.notNull("after", after);
        Check.positive("keys", keys);
        int moved = 0;
        for (int k = 0; k < keys; k++) if (before.shardOf(k) != after.shardOf(k)) moved++;
        return moved / (double) keys;
    }

    /**
     * What {@link #run(Settings)} measures, named, with defaults: start from {@link #defaults()} and change
     * what the cell is about, e.g. {@code KeyMovement.run(Settings.defaults().withVnodes(10))}.
     *
     * @param shards N values (before adding one), each at least 1
     * @param vnodes virtual nodes per shard for the consistent ring, at least 1
     * @param keys   keys checked per run, at least 1
     * @param seeds  rings averaged per N (the mod-N result barely depends on the seed), at least 1
     * @param seed   base seed
     */
    public record Settings(int[] shards, int vnodes, int keys, int seeds, long seed) {
        /** Validates and copies. */
        public Settings {
            shards = Check.notEmpty("shards", shards).clone();
            for (int n : shards) Check.positive("shards[i]", n);
            Check.positive("vnodes", vnodes);
            Check.positive("keys", keys);
            Check.positive("seeds", seeds);
        }

        /** N = 2 … 20, 100 virtual nodes, 20,000 keys, 5 rings per N, seed 42. */
        public static Settings defaults() {
            return new Settings(new int[] {2, 3, 4, 5, 6, 8, 10, 12, 16, 20}, 100, 20_000, 5, 42);
        }

        /** These settings with other N values. */
        public Settings withShards(int... n) {
            return new Settings(n, vnodes, keys, seeds, seed);
        }

        /** These settings with another number of virtual nodes per shard. */
        public Settings withVnodes(int v) {
            return new Settings(shards, v, keys, seeds, seed);
        }

        /** These settings checking another number of keys. */
        public Settings withKeys(int k) {
            return new Settings(shards, vnodes, k, seeds, seed);
        }

        /** These settings averaging another number of rings per N. */
        public Settings withSeeds(int s) {
            return new Settings(shards, vnodes, keys, s, seed);
        }

        /** These settings with another base seed. */
        public Settings withSeed(long s) {
            return new Settings(shards, vnodes, keys, seeds, s);
        }

        /** A copy of {@code shards}. */
        @Override
        public int[] shards() {
            return shards.clone();
        }
    }

    /** {@link #run(Settings)} with {@link Settings#defaults()}. */
    public static KeyMovement run() {
        return run(Settings.defaults());
    }

    /** Adds one shard to clusters of each size in {@code settings.shards()} and measures the keys that move. */
    public static KeyMovement run(Settings settings) {
        Check.notNull("settings", settings);
        return run(settings.shards(), settings.vnodes(), settings.keys(), settings.seeds(), settings.seed());
    }

    /**
     * Adds one shard to clusters of each size in {@code shards} and measures the keys that move.
     *
     * @deprecated five positional numbers are easy to swap: use {@link #run(Settings)}
     */
    @Deprecated
    public static KeyMovement run(int[] shards, int vnodes, int keys, int seeds, long seed) {
        Check.notEmpty("shards", shards);
        for (int n : shards) Check.positive("shards[i]", n);
        Check.positive("vnodes", vnodes);
        Check.positive("keys", keys);
        Check.positive("seeds", seeds);
        double[] mod = new double[shards.length], ch = new double[shards.length];
        for (int i = 0; i < shards.length; i++) {
            int n = shards[i];
            ModHashPartitioner m = new ModHashPartitioner(n, seed);
            mod[i] = movedFraction(m, m.withShards(n + 1), keys);
            double sum = 0;
            for (int s = 0; s < seeds; s++) {
                ConsistentHashPartitioner c = new ConsistentHashPartitioner(n, vnodes, seed * 7919L + s);
                sum += movedFraction(c, c.withShards(n + 1), keys);
            }
            ch[i] = sum / seeds;
        }
        return new KeyMovement(shards.clone(), mod, ch, vnodes, keys);
    }

    /** N/(N+1) for each N. */
    public double[] modTheory() {
        return Arrays.stream(shards).mapToDouble(n -> n / (n + 1.0)).toArray();
    }

    /** 1/(N+1) for each N. */
    public double[] consistentTheory() {
        return Arrays.stream(shards).mapToDouble(n -> 1 / (n + 1.0)).toArray();
    }

    /** Measured fractions (solid) beside N/(N+1) and 1/(N+1) (dashed). */
    public Plot plot() {
        double[] x = Arrays.stream(shards).asDoubleStream().toArray();
        return Plot.line("Keys moved when shard N+1 is added", "shards before (N)", "fraction of keys moved")
                .series("hash mod N (measured)", x, modMoved)
                .theoryOf("hash mod N (measured)", "N/(N+1)", x, modTheory())
                .series("consistent, V=" + vnodes + " (measured)", x, consistentMoved)
                .theoryOf("consistent, V=" + vnodes + " (measured)", "1/(N+1)", x, consistentTheory())
                .yRange(0, 1);
    }

    /** One row per N. */
    public Table table() {
        return Table.create("keys moved, N -> N+1").addColumns(IntColumn.create("N", shards),
                DoubleColumn.create("mod N measured", Arrays.stream(modMoved).map(ShardLoad::round).toArray()),
                DoubleColumn.create("N/(N+1)", Arrays.stream(modTheory()).map(ShardLoad::round).toArray()),
                DoubleColumn.create("consistent measured", Arrays.stream(consistentMoved).map(ShardLoad::round).toArray()),
                DoubleColumn.create("1/(N+1)", Arrays.stream(consistentTheory()).map(ShardLoad::round).toArray()));
    }

    /** A copy of {@code shards}. */
    @Override
    public int[] shards() {
        return shards.clone();
    }

    /** A copy of {@code modMoved}. */
    @Override
    public double[] modMoved() {
        return modMoved.clone();
    }

    /** A copy of {@code consistentMoved}. */
    @Override
    public double[] consistentMoved() {
        return consistentMoved.clone();
    }
}
