package sdx.cache;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.core.Trace;

/**
 * Request streams whose popularity is not stationary, the cases a frequency-only policy gets wrong:
 * a shift (yesterday's hot keys go cold, new ones take over) and scans (a batch job reads a long run of
 * keys once each). Both draw their ordinary requests from a Zipf {@link Popularity}; key 0 is the most
 * popular before any shift.
 */
public final class CacheWorkloads {
    private CacheWorkloads() {}

    /**
     * Zipf requests whose ranking moves every {@code shiftEvery} requests: in phase {@code j} the key of
     * rank {@code r} is {@code (r + j * keySpace / 2) mod keySpace}, so after each shift the popular keys
     * are ones that were cold before.
     *
     * @param popularity the Zipf popularity, skew > 0
     * @param length     requests, at least 1
     * @param shiftEvery requests between shifts, at least 1
     * @param seed       random seed
     */
    public static Trace shift(Popularity popularity, int length, int shiftEvery, long seed) {
        Check.notNull("popularity", popularity);
        Check.that(popularity.skew() > 0, "popularity.skew", popularity.skew(), "must be > 0 (a uniform popularity has nothing to shift)");
        Check.positive("length", length);
        Check.positive("shiftEvery", shiftEvery);
        int n = popularity.keySpace();
        UniformRandomProvider rng = Rng.of(seed);
        var zipf = RejectionInversionZipfSampler.of(rng, n, popularity.skew());
        int[] keys = new int[length];
        for (int i = 0; i < length; i++) {
            long phase = i / shiftEvery;
            keys[i] = (int) ((zipf.sample() - 1 + phase * (n / 2)) % n);
        }
        return new Trace("zipf s=" + popularity.skew() + ", shift every " + shiftEvery, n, keys);
    }

    /**
     * Zipf requests interrupted every {@code scanEvery} requests by a scan: {@code scanLength} keys read
     * once each, in order, that are never requested again (keys from {@code popularity.keySpace()} up).
     * The trace's length is {@code length} ordinary requests plus the scans.
     *
     * @param scanEvery  ordinary requests between scans, at least 1
     * @param scanLength keys per scan, at least 1
     */
    public static Trace scans(Popularity popularity, int length, int scanEvery, int scanLength, long seed) {
        Check.notNull("popularity", popularity);
        Check.positive("length", length);
        Check.positive("scanEvery", scanEvery);
        Check.positive("scanLength", scanLength);
        int n = popularity.keySpace();
        long scans = length / scanEvery;
        Check.that(n + scans * scanLength < Integer.MAX_VALUE, "scanLength", scanLength, "makes too many scan keys");
        int[] ordinary = popularity.trace(length, seed).keys();
        int[] keys = new int[(int) (length + scans * scanLength)];
        int next = n, j = 0;
        for (int i = 0; i < length; i++) {
            keys[j++] = ordinary[i];
            if ((i + 1) % scanEvery == 0) for (int s = 0; s < scanLength; s++) keys[j++] = next++;
        }
        return new Trace("zipf s=" + popularity.skew() + ", a scan of " + scanLength + " keys every " + scanEvery,
                Math.max(n, next), keys);
    }
}
