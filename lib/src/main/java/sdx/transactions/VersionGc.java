package sdx.transactions;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;

/**
 * Garbage collection of old versions: writers update random keys one at a time, {@link MvccStore#vacuum()}
 * runs after every write, and versions kept are counted. Without readers only the newest version of each
 * key survives. A long-running reader pins the versions it may still read: while it runs, each key written
 * since its snapshot keeps two versions (the pinned one and the newest), so the count climbs towards twice
 * the number of keys, and drops back when the reader finishes.
 *
 * @param keys        number of keys
 * @param writes      writes in the run
 * @param readerFrom  the write after which the long reader begins (-1 for no reader)
 * @param readerUntil the write after which it commits
 * @param kept        versions kept after each write's vacuum
 */
public record VersionGc(int keys, int writes, int readerFrom, int readerUntil, int[] kept) {
    public VersionGc {
        kept = kept.clone();
    }

    /** Versions kept after each write. */
    @Override
    public int[] kept() {
        return kept.clone();
    }

    /**
     * What {@link #run(Settings)} measures, named, with defaults: start from {@link #defaults()} and change
     * what the cell is about, e.g. {@code VersionGc.run(Settings.defaults().withReader(100, 500))}.
     *
     * @param keys        number of keys, 1..100,000
     * @param writes      writes in the run, 1..1,000,000
     * @param readerFrom  the write after which the long reader begins (-1 for no reader), at most {@code writes}
     * @param readerUntil the write after which it commits, {@code readerFrom..writes}
     * @param seed        which keys the writes pick
     */
    public record Settings(int keys, int writes, int readerFrom, int readerUntil, long seed) {
        /** Validates. */
        public Settings {
            Check.inRange("keys", keys, 1, 100_000);
            Check.inRange("writes", writes, 1, 1_000_000);
            Check.inRange("readerFrom", readerFrom, -1, writes);
            Check.inRange("readerUntil", readerUntil, readerFrom, writes);
        }

        /** 100 keys, 600 writes, a long reader from write 100 to write 500, seed 42. */
        public static Settings defaults() {
            return new Settings(100, 600, 100, 500, 42);
        }

        /** These settings with another number of keys. */
        public Settings withKeys(int k) {
            return new Settings(k, writes, readerFrom, readerUntil, seed);
        }

        /** These settings with another number of writes. */
        public Settings withWrites(int w) {
            return new Settings(keys, w, readerFrom, readerUntil, seed);
        }

        /** These settings with the long reader from write {@code from} to write {@code until}. */
        public Settings withReader(int from, int until) {
            return new Settings(keys, writes, from, until, seed);
        }

        /** These settings with no long reader. */
        public Settings withoutReader() {
            return new Settings(keys, writes, -1, -1, seed);
        }

        /** These settings with another seed. */
        public Settings withSeed(long s) {
            return new Settings(keys, writes, readerFrom, readerUntil, s);
        }
    }

    /** {@link #run(Settings)} with {@link Settings#defaults()}. */
    public static VersionGc run() {
        return run(Settings.defaults());
    }

    /**
     * Runs {@code writes} single-key writes over {@code keys} keys, with a long reader between two writes.
     *
     * @deprecated five positional numbers are easy to swap: use {@link #run(Settings)}
     */
    @Deprecated
    public static VersionGc run(int keys, int writes, int readerFrom, int readerUntil, long seed) {
        return run(new Settings(keys, writes, readerFrom, readerUntil, seed));
    }

    /** Runs single-key writes over the keys, vacuuming after each, with a long reader between two writes. */
    public static VersionGc run(Settings settings) {
        Check.notNull("settings", settings);
        int keys = settings.keys(), writes = settings.writes();
        int readerFrom = settings.readerFrom(), readerUntil = settings.readerUntil();
        long seed = settings.seed();
        Map<String, Long> initial = new TreeMap<>();
        for (int k = 0; k < keys; k++) initial.put("k" + k, 0L);
        MvccStore store = MvccStore.create().load(initial);
        UniformRandomProvider rng = Rng.of(seed);
        Transaction reader = null;
        int[] kept = new int[writes];
        for (int w = 0; w < writes; w++) {
            if (w == readerFrom) reader = store.begin(Isolation.SNAPSHOT);
            if (w == readerUntil && reader != null) {
                reader.commit();
                reader = null;
            }
            Transaction t = store.begin(Isolation.SNAPSHOT);
            t.write("k" + rng.nextInt(keys), w + 1);
            t.commit();
            store.vacuum();
            kept[w] = store.versionCount();
        }
        return new VersionGc(keys, writes, readerFrom, readerUntil, kept);
    }

    /**
     * The expected count while the reader runs, {@code n} writes after it began: every key keeps its newest
     * version, and each key written at least once since (probability {@code 1 - (1 - 1/keys)^n}) keeps the
     * pinned one too.
     */
    public double expected(int write) {
        if (readerFrom < 0 || write < readerFrom || write >= readerUntil) return keys;
        int n = write - readerFrom + 1;
        return keys + keys * (1 - Math.pow(1 - 1.0 / keys, n));
    }

    /** Versions kept per write, measured and expected. */
    public Plot plot() {
        double[] x = new double[writes], y = new double[writes], e = new double[writes];
        for (int w = 0; w < writes; w++) {
            x[w] = w + 1;
            y[w] = kept[w];
            e[w] = expected(w);
        }
        return Plot.line("Versions kept after vacuum, " + keys + " keys"
                        + (readerFrom < 0 ? ", no long reader" : ", a long reader from write " + readerFrom + " to " + readerUntil),
                "writes", "versions kept")
                .series("measured", x, y)
                .theoryOf("measured", "expected: keys · (2 − (1 − 1/keys)^n)", x, e);
    }

    /** The largest count over the run. */
    public int peak() {
        int max = 0;
        for (int k : kept) max = Math.max(max, k);
        return max;
    }

    /** Measured minus expected, largest absolute value while the reader runs. */
    public double worstGap() {
        double worst = 0;
        for (int w = 0; w < writes; w++) worst = Math.max(worst, Math.abs(kept[w] - expected(w)));
        return worst;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionGc v && v.keys == keys && v.writes == writes && v.readerFrom == readerFrom
                && v.readerUntil == readerUntil && java.util.Arrays.equals(v.kept, kept);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(keys, writes, readerFrom, readerUntil, java.util.Arrays.hashCode(kept));
    }

    @Override
    public String toString() {
        return "VersionGc[" + keys + " keys, " + writes + " writes, peak " + peak() + "]";
    }
}
