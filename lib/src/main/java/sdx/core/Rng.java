package sdx.core;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded randomness. Every experiment takes a {@code long seed}; the same seed gives the same
 * numbers on every machine. Backed by Commons RNG's XoRoShiRo128++ generator.
 */
public final class Rng {
    private Rng() {}

    /** The seed the notebooks use unless a learner changes it. */
    public static final long DEFAULT_SEED = 42L;

    /** A generator seeded with {@code seed}. */
    public static UniformRandomProvider of(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A generator for sub-stream {@code stream} of {@code seed} (e.g. one per worker or per shard). */
    public static UniformRandomProvider of(long seed, long stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x9E3779B97F4A7C15L * (stream + 1)});
    }
}
