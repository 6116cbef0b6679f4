package sdx.core;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * Seeded, validated key streams. Key 0 is the most popular key in skewed workloads, key 1 the next,
 * and so on, so "the top C keys" is simply {@code 0..C-1}.
 */
public final class Workloads {
    private Workloads() {}

    /**
     * Keys drawn from Zipf(s, n): key {@code k} (0-based) has probability proportional to
     * {@code 1/(k+1)^s}. {@code s = 0} is uniform; s near 1 is typical of web and cache traffic.
     *
     * @param keySpace number of distinct keys n, at least 1
     * @param skew     exponent s, at least 0
     * @param length   number of requests, at least 1
     * @param seed     random seed
     */
    public static Trace zipf(int keySpace, double skew, int length, long seed) {
        Check.positive("keySpace", keySpace);
        Check.atLeast("skew", skew, 0.0);
        Check.positive("length", length);
        UniformRandomProvider rng = Rng.of(seed);
        int[] keys = new int[length];
        if (skew == 0.0) {
            for (int i = 0; i < length; i++) keys[i] = rng.nextInt(keySpace);
        } else {
            var sampler = RejectionInversionZipfSampler.of(rng, keySpace, skew);
            for (int i = 0; i < length; i++) keys[i] = sampler.sample() - 1;
        }
        return new Trace("zipf s=" + skew, keySpace, keys);
    }

    /** Keys drawn uniformly from {@code [0, keySpace)}. */
    public static Trace uniform(int keySpace, int length, long seed) {
        Check.positive("keySpace", keySpace);
        Check.positive("length", length);
        UniformRandomProvider rng = Rng.of(seed);
        int[] keys = new int[length];
        for (int i = 0; i < length; i++) keys[i] = rng.nextInt(keySpace);
        return new Trace("uniform", keySpace, keys);
    }

    /**
     * One celebrity key (key 0) receives {@code hotShare} of all requests; the rest are uniform over
     * the other keys, like one famous account on a social network.
     *
     * @param hotShare fraction of requests for key 0, in [0, 1]
     */
    public static Trace celebrity(int keySpace, double hotShare, int length, long seed) {
        Check.atLeast("keySpace", keySpace, 2);
        Check.inRange("hotShare", hotShare, 0.0, 1.0);
        Check.positive("length", length);
        UniformRandomProvider rng = Rng.of(seed);
        int[] keys = new int[length];
        for (int i = 0; i < length; i++) {
            keys[i] = rng.nextDouble() < hotShare ? 0 : 1 + rng.nextInt(keySpace - 1);
        }
        return new Trace("celebrity " + Math.round(hotShare * 100) + "%", keySpace, keys);
    }

    /**
     * The probability of each key under Zipf(s, n): {@code p[k] = (k+1)^-s / H(n, s)}. The exact
     * distribution the sampler draws from, used by the theory curves.
     */
    public static double[] zipfProbabilities(int keySpace, double skew) {
        Check.positive("keySpace", keySpace);
        Check.atLeast("skew", skew, 0.0);
        double[] p = new double[keySpace];
        double sum = 0;
        for (int k = 0; k < keySpace; k++) {
            p[k] = Math.pow(k + 1, -skew);
            sum += p[k];
        }
        for (int k = 0; k < keySpace; k++) p[k] /= sum;
        return p;
    }
}
