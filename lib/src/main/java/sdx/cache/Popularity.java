package sdx.cache;

import sdx.core.Check;
import sdx.core.Trace;
import sdx.core.Workloads;

/**
 * How popular each key is: Zipf(s) over {@code keySpace} keys, key 0 the most popular. Skew 0 is
 * uniform. Requests drawn from it are independent (the "independent reference model" that the
 * theory curves assume).
 *
 * @param keySpace number of distinct keys, at least 1
 * @param skew     Zipf exponent s, at least 0 (0 = uniform)
 */
public record Popularity(int keySpace, double skew) {

    /** Validates the arguments. */
    public Popularity {
        Check.positive("keySpace", keySpace);
        Check.atLeast("skew", skew, 0.0);
    }

    /** Zipf(s) over {@code keySpace} keys. */
    public static Popularity zipf(int keySpace, double skew) {
        return new Popularity(keySpace, skew);
    }

    /** Every key equally likely. */
    public static Popularity uniform(int keySpace) {
        return new Popularity(keySpace, 0.0);
    }

    /** The probability of each key, {@code p[k]}, summing to 1. */
    public double[] probabilities() {
        return Workloads.zipfProbabilities(keySpace, skew);
    }

    /** {@code length} independent requests drawn with seed {@code seed}. */
    public Trace trace(int length, long seed) {
        return skew == 0.0 ? Workloads.uniform(keySpace, length, seed) : Workloads.zipf(keySpace, skew, length, seed);
    }

    /** Cache capacity in keys for {@code percent} % of the key space, at least 1. */
    public int capacityFor(double percent) {
        Check.inRange("percent", percent, 0.0, 100.0);
        Check.that(percent > 0, "percent", percent, "must be > 0");
        return Math.max(1, (int) Math.round(keySpace * percent / 100.0));
    }

    /** "zipf s=0.8, 10000 keys" or "uniform, 1000 keys". */
    public String label() {
        return (skew == 0.0 ? "uniform" : "zipf s=" + skew) + ", " + keySpace + " keys";
    }
}
