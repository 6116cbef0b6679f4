package sdx.dcache;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import sdx.core.Check;
import sdx.core.HashRing;
import sdx.core.Rng;
import sdx.core.Workloads;

/**
 * Hot keys on a cache cluster: {@link #NODES} nodes on a {@link HashRing}, {@link #APP_SERVERS} application
 * servers sending {@link #RATE} reads per second (Poisson, each to a random server, keys Zipf {@link #SKEW}
 * over {@link #KEYS} keys). What reaches the busiest cache node with no help, with a near-cache of a given
 * TTL in every application server, or with the hottest keys copied to {@code r} nodes (a read picks one
 * copy at random). Simulated in virtual time, seeded; the model beside each measurement is the exact
 * expectation from the key probabilities and the ring.
 */
public final class HotKeys {
    private HotKeys() {}

    /** Cache nodes. */
    public static final int NODES = 10;
    /** Application servers, each with its own near-cache. */
    public static final int APP_SERVERS = 20;
    /** Keys. */
    public static final int KEYS = 100_000;
    /** Zipf exponent: strong skew, a few very hot keys. */
    public static final double SKEW = 1.1;
    /** Reads per second, all application servers together. */
    public static final double RATE = 50_000;
    /** Virtual seconds simulated per point. */
    public static final double SECONDS = 2;
    /** Keys copied to several nodes in the replication experiment: the hottest ones. */
    public static final int HOT_KEYS = 10;

    /** The ring used by every experiment with this seed. */
    static HashRing ring(long seed) {
        return HashRing.of(NODES, 100, seed);
    }

    /** Each key's owner. */
    static int[] owners(HashRing ring) {
        int[] owner = new int[KEYS];
        for (int k = 0; k < KEYS; k++) owner[k] = ring.owner(k);
        return owner;
    }

    static HotKeyCurve nearCache(double[] ttlsSec, long seed) {
        Check.notNull("ttlsSec", ttlsSec);
        Check.that(ttlsSec.length > 0, "ttlsSec", "[]", "must list at least one TTL");
        for (double t : ttlsSec) Check.inRange("ttlSec", t, 0.0, 60.0);
        HashRing ring = ring(seed);
        int[] owner = owners(ring);
        double[] p = Workloads.zipfProbabilities(KEYS, SKEW);
        double[] measured = new double[ttlsSec.length];
        double[] model = new double[ttlsSec.length];
        for (int i = 0; i < ttlsSec.length; i++) {
            measured[i] = simulateNear(owner, ttlsSec[i], seed);
            double[] load = new double[NODES];
            for (int k = 0; k < KEYS; k++) load[owner[k]] += Theory.nearCacheFetchRate(RATE * p[k], APP_SERVERS, ttlsSec[i]);
            model[i] = max(load);
        }
        return new HotKeyCurve("Busiest cache node with a near-cache in each of " + APP_SERVERS + " app servers",
                "near-cache TTL (s)", ttlsSec, measured, model, RATE / NODES);
    }

    /**
     * The busiest node's reads per second, simulated, when the {@code hotKeys} hottest keys are each copied to
     * {@code copies} nodes and a read picks one copy at random.
     */
    public static double simulatedBusiestNode(int hotKeys, int copies, long seed) {
        Check.inRange("hotKeys", hotKeys, 0, KEYS);
        Check.inRange("copies", copies, 1, NODES);
        HashRing ring = ring(seed);
        return simulateReplicas(owners(ring), placement(ring, hotKeys, copies), seed);
    }

    static HotKeyCurve replicas(int[] copies, long seed) {
        Check.notNull("copies", copies);
        Check.that(copies.length > 0, "copies", "[]", "must list at least one copy count");
        for (int c : copies) Check.inRange("copies", c, 1, NODES);
        HashRing ring = ring(seed);
        int[] owner = owners(ring);
        double[] p = Workloads.zipfProbabilities(KEYS, SKEW);
        double[] x = new double[copies.length];
        double[] measured = new double[copies.length];
        double[] model = new double[copies.length];
        for (int i = 0; i < copies.length; i++) {
            x[i] = copies[i];
            int[][] where = placement(ring, HOT_KEYS, copies[i]);
            measured[i] = simulateReplicas(owner, where, seed);
            model[i] = max(modelLoads(ring, owner, p, HOT_KEYS, copies[i]));
        }
        return new HotKeyCurve("Busiest cache node with the " + HOT_KEYS + " hottest keys on r nodes each",
                "copies r of each hot key", x, measured, model, RATE / NODES);
    }

    /** Expected reads per second on each node when the {@code hot} hottest keys are spread over {@code copies} nodes. */
    static double[] modelLoads(HashRing ring, int[] owner, double[] p, int hot, int copies) {
        double[] load = new double[NODES];
        for (int k = 0; k < KEYS; k++) {
            if (k < hot) {
                for (int n : ring.preferenceList(k, copies)) load[n] += RATE * p[k] / copies;
            } else {
                load[owner[k]] += RATE * p[k];
            }
        }
        return load;
    }

    private static int[][] placement(HashRing ring, int hot, int copies) {
        int[][] where = new int[hot][];
        for (int k = 0; k < hot; k++) where[k] = ring.preferenceList(k, copies).stream().mapToInt(Integer::intValue).toArray();
        return where;
    }

    private static double simulateNear(int[] owner, double ttlSec, long seed) {
        UniformRandomProvider rng = Rng.of(seed, 142);
        var zipf = RejectionInversionZipfSampler.of(rng, KEYS, SKEW);
        Map<Long, Double> expiry = new HashMap<>();
        long[] load = new long[NODES];
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) / RATE;
            if (t >= SECONDS) break;
            int app = rng.nextInt(APP_SERVERS);
            int key = zipf.sample() - 1;
            long slot = (long) app * KEYS + key;
            Double until = expiry.get(slot);
            if (until != null && t < until) continue;
            load[owner[key]]++;
            if (ttlSec > 0) expiry.put(slot, t + ttlSec);
        }
        return max(load) / SECONDS;
    }

    private static double simulateReplicas(int[] owner, int[][] where, long seed) {
        UniformRandomProvider rng = Rng.of(seed, 143);
        var zipf = RejectionInversionZipfSampler.of(rng, KEYS, SKEW);
        long[] load = new long[NODES];
        long n = Math.round(RATE * SECONDS);
        for (long i = 0; i < n; i++) {
            int key = zipf.sample() - 1;
            int node = key < where.length ? where[key][rng.nextInt(where[key].length)] : owner[key];
            load[node]++;
        }
        return max(load) / SECONDS;
    }

    static double max(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    private static double max(long[] v) {
        long m = 0;
        for (long x : v) m = Math.max(m, x);
        return m;
    }

    /**
     * The busiest node's expected reads per second when the {@code hotKeys} hottest keys are each copied to
     * {@code copies} nodes and a read picks one copy at random (ring seeded with {@code seed}).
     */
    public static double busiestNode(int hotKeys, int copies, long seed) {
        Check.inRange("hotKeys", hotKeys, 0, KEYS);
        Check.inRange("copies", copies, 1, NODES);
        HashRing ring = ring(seed);
        return max(modelLoads(ring, owners(ring), Workloads.zipfProbabilities(KEYS, SKEW), hotKeys, copies));
    }

    /** The hottest key's reads per second: {@code RATE · p(key 0)}. */
    public static double hottestKeyRate() {
        return RATE * Workloads.zipfProbabilities(KEYS, SKEW)[0];
    }

    /** The busiest node's expected reads per second with no copies, and the node it is. */
    public static double[] loadsWithoutCopies(long seed) {
        HashRing ring = ring(seed);
        return modelLoads(ring, owners(ring), Workloads.zipfProbabilities(KEYS, SKEW), 0, 1);
    }
}
