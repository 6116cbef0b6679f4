package sdx.sharding;

import sdx.core.SplitMix64;

/**
 * A seeded 64-bit hash for integer keys: the SplitMix64 finaliser (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014), a bijective mix whose output bits each
 * depend on every input bit. Good enough that hash values behave like uniform random 64-bit numbers,
 * which is what the balance theory of hash partitioning assumes. (Java's {@code Integer.hashCode} is
 * the identity: a poor choice for placing keys on a ring.)
 */
public final class Hash64 {
    private Hash64() {}

    /** Mixes {@code x} into a well-spread 64-bit value (a bijection on longs). */
    public static long mix(long x) {
        return SplitMix64.mix(x);
    }

    /** The hash of {@code value} under {@code seed}: different seeds give independent-looking hashes. */
    public static long hash(long value, long seed) {
        return mix(value ^ mix(seed));
    }

    /** {@code hash} reduced to {@code [0, n)} without bias worth measuring (unsigned remainder). */
    public static int bucket(long hash, int n) {
        return (int) Long.remainderUnsigned(hash, n);
    }

    /** An unsigned 64-bit value as a fraction of 2^64, in [0, 1). */
    static double unsignedFraction(long x) {
        return SplitMix64.unit(x);
    }
}
