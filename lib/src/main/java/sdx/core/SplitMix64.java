package sdx.core;

/**
 * The SplitMix64 mixing function (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; the finaliser is Stafford's "variant 13"): a bijection on 64-bit values whose
 * output bits each depend on every input bit. The library's one copy, used to hash keys (sharding) and to
 * draw a uniform number that depends only on its inputs (fault injection). For random streams use
 * {@link Rng}.
 */
public final class SplitMix64 {
    private SplitMix64() {}

    /** The golden-ratio increment SplitMix64 adds before mixing. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The finaliser alone: mixes {@code z} (a bijection; 0 maps to 0). */
    public static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One SplitMix64 step from state {@code x}: {@code finish(x + GOLDEN_GAMMA)}. */
    public static long mix(long x) {
        return finish(x + GOLDEN_GAMMA);
    }

    /** The top 53 bits of {@code z} as a uniform fraction in [0, 1). */
    public static double unit(long z) {
        return (z >>> 11) * 0x1.0p-53;
    }
}
