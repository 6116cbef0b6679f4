package sdx.sql;

import sdx.core.Check;
import sdx.core.Rng;

/**
 * What {@link SqlIndexes#lookups} measures: the table sizes (grown in this order), how many indexed
 * lookups are timed per size, how long the scans at one size may take at most, and the seed that places
 * the e-mail addresses and picks the keys looked up.
 *
 * @param sizes           table sizes in rows, increasing, each 1 to 2,000,000
 * @param searches        indexed lookups timed per size (the median is reported)
 * @param scanBudgetMillis time allowed for full scans per size (at least 3 scans run; median reported)
 * @param seed            seed for the keys
 */
public record LookupSettings(int[] sizes, int searches, int scanBudgetMillis, long seed) {
    /** 10^3 to 10^6 rows, 2,000 searches, 200 ms of scans per size, the default seed. */
    public static LookupSettings defaults() {
        return new LookupSettings(new int[] {1_000, 10_000, 100_000, 1_000_000}, 2_000, 200, Rng.DEFAULT_SEED);
    }

    public LookupSettings {
        Check.notEmpty("sizes", sizes);
        sizes = sizes.clone();
        for (int i = 0; i < sizes.length; i++) {
            Check.inRange("sizes[" + i + "]", sizes[i], 1, 2_000_000);
            if (i > 0) Check.that(sizes[i] > sizes[i - 1], "sizes[" + i + "]", sizes[i], "larger than the size before it (the table only grows)");
        }
        Check.inRange("searches", searches, 1, 1_000_000);
        Check.inRange("scanBudgetMillis", scanBudgetMillis, 1, 60_000);
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** The same settings with other sizes. */
    public LookupSettings withSizes(int... sizes) {
        return new LookupSettings(sizes, searches, scanBudgetMillis, seed);
    }

    /** The same settings with another seed. */
    public LookupSettings withSeed(long seed) {
        return new LookupSettings(sizes, searches, scanBudgetMillis, seed);
    }
}
