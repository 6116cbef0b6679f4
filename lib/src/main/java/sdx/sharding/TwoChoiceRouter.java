package sdx.sharding;

import sdx.core.Check;
import sdx.core.Rng;

/**
 * The power of two choices (Mitzenmacher, "The power of two choices in randomized load balancing",
 * IEEE TPDS 2001; Azar, Broder, Karlin and Upfal, STOC 1994): every key is stored on two shards chosen
 * by two independent hashes, and each request goes to whichever of the two has served fewer requests so
 * far. Stateful, so a {@link Router} and not a {@link Partitioner}: it counts the requests it routes, and
 * the same key may go to either of its shards. Reads of a hot key split over two shards.
 */
public final class TwoChoiceRouter implements Router {
    private final int shards;
    private final long seed;
    private final long[] served;

    /**
     * @param shards number of shards, at least 2
     * @param seed   hash seed
     */
    public TwoChoiceRouter(int shards, long seed) {
        this.shards = Check.atLeast("shards", shards, 2);
        this.seed = seed;
        this.served = new long[shards];
    }

    /** {@code shards} shards, default seed. */
    public static TwoChoiceRouter of(int shards) {
        return new TwoChoiceRouter(shards, Rng.DEFAULT_SEED);
    }

    /** The two candidate shards of {@code key} (may coincide). */
    public int[] choices(int key) {
        return new int[] {Hash64.bucket(Hash64.hash(key, seed), shards), Hash64.bucket(Hash64.hash(key, ~seed), shards)};
    }

    /** Routes one request: the less loaded of the key's two shards (the first on a tie), and counts it. */
    @Override
    public int route(int key) {
        int[] c = choices(key);
        int s = served[c[1]] < served[c[0]] ? c[1] : c[0];
        served[s]++;
        return s;
    }

    /** Requests routed to each shard so far. */
    public long[] served() {
        return served.clone();
    }

    @Override
    public int shards() {
        return shards;
    }

    @Override
    public String name() {
        return "two choices x" + shards;
    }
}
