package sdx.dcache;

import sdx.core.HashRing;
import sdx.viz.Source;

/**
 * Notebook 14's experiments, one static method per question; every one is seeded and simulated in virtual
 * time except where it says otherwise.
 */
public final class DistributedCache {
    private DistributedCache() {}

    /** Copy counts compared in the miss-storm charts. */
    public static final int[] COPIES = {1, 2};

    /**
     * Database reads per second while a node joins or dies in a cluster of {@code nodes} cache nodes, with 1
     * and 2 copies of every key ({@link MissStorm}).
     */
    public static MissStorm missStorm(int nodes, Change change, long seed) {
        return MissStorm.run(nodes, change, COPIES, seed);
    }

    /**
     * Share of keys that move when one node joins or dies, for clusters of 2 to {@code maxNodes} nodes,
     * on a ring with {@code vnodes} points per node and under {@code hash mod n} ({@link KeyMoves}; 5,000 keys,
     * mean of 10 rings).
     */
    public static KeyMoves keysMoved(int maxNodes, int vnodes, long seed) {
        return KeyMoves.run(maxNodes, vnodes, 5_000, 10, seed);
    }

    /** The busiest cache node's load with a near-cache of each TTL in every application server ({@link HotKeys}). */
    public static HotKeyCurve nearCache(double[] ttlsSec, long seed) {
        return HotKeys.nearCache(ttlsSec, seed);
    }

    /** The busiest cache node's load with the hottest keys copied to each number of nodes ({@link HotKeys}). */
    public static HotKeyCurve hotKeyCopies(int[] copies, long seed) {
        return HotKeys.replicas(copies, seed);
    }

    /** Database loads per expiry of one popular key, per read rate and protection ({@link Stampede}, 200 expiries, β = 1). */
    public static Stampede stampede(double[] ratesPerSec, long seed) {
        return Stampede.run(ratesPerSec, 1.0, 200, seed);
    }

    /** Like {@link #stampede(double[], long)} with XFetch's β chosen (larger β: earlier recomputes). */
    public static Stampede stampede(double[] ratesPerSec, double beta, long seed) {
        return Stampede.run(ratesPerSec, beta, 200, seed);
    }

    /** One run of the stale-set race, with or without leases ({@link StaleSet}). */
    public static StaleSet.Run staleSet(boolean leases, long seed) {
        return StaleSet.run(leases, seed);
    }

    /** Stale endings over seeds 1 to {@code seeds}, with and without leases. */
    public static StaleSet.Count staleSets(int seeds) {
        return StaleSet.count(seeds);
    }

    /** The source of the ring's lookup (the code that placed every key in this notebook). */
    public static Source ringLookup() {
        return Source.method(HashRing.class, "preferenceList");
    }
}
