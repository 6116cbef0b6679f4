package sdx.cache;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.core.Rng;
import sdx.core.Trace;

/**
 * The caching notebook's experiments, each one call. Every experiment is seeded: the same seed gives
 * the same trace, the same latencies and the same numbers (Caffeine's hit ratios excepted, see
 * {@link #CAFFEINE_DECIMALS}). Time is simulated, never slept.
 *
 * <p>Each run first plays {@code requests / 4} warm-up requests (not counted: the cache is filling
 * up), then {@code requests} measured ones.
 */
public final class Caching {
    private Caching() {}

    /** Cache sizes (% of the key space) used when none are given: 1% to 50%. */
    public static final double[] SIZES = {1, 2, 5, 10, 20, 30, 40, 50};

    /** Cache sizes (% of keys) for latency curves; 0 means no cache. */
    public static final double[] LATENCY_SIZES = {0, 1, 5, 10, 25, 50, 75, 90, 99};

    /**
     * Caffeine's hit ratios are rounded to this many decimals. Its admission filter draws from an
     * unseeded {@code ThreadLocalRandom} (a defence against hash flooding), so hit ratios differ between
     * runs. Measured on Zipf s=0.8 and 1.2 over 10,000 keys, 100,000 requests, 15 runs per size: rounded
     * to 3 decimals, the spread was at most 0.002, and most sizes repeated exactly.
     */
    public static final int CAFFEINE_DECIMALS = 3;

    /** Replays a hand-written trace such as {@code "A B C A B"} on {@code cache}, step by step. */
    public static Replay replay(CachePolicy cache, String letters) {
        return Replay.of(Check.notNull("cache", cache), Replay.parse(letters));
    }

    /** Replays a hand-written trace on Bélády's offline optimum, which knows the trace in advance. */
    public static Replay replayBelady(int capacity, String letters) {
        int[] keys = Replay.parse(letters);
        int keySpace = java.util.Arrays.stream(keys).max().orElseThrow() + 1;
        return Replay.of(new BeladyPolicy(capacity, Trace.of("hand", keySpace, keys)), keys);
    }

    /** Warm-up length used before {@code requests} measured requests. */
    public static int warmupFor(int requests) {
        return Check.positive("requests", requests) / 4;
    }

    /**
     * Plays {@code trace} on {@code cache}; returns the hit ratio of the requests after the first
     * {@code warmup}.
     */
    public static double hitRatio(CachePolicy cache, Trace trace, int warmup) {
        Check.notNull("cache", cache);
        Check.notNull("trace", trace);
        Check.inRange("warmup", warmup, 0, trace.length() - 1);
        int[] keys = trace.keys();
        for (int i = 0; i < warmup; i++) cache.access(keys[i]);
        long hits = 0;
        for (int i = warmup; i < keys.length; i++) if (cache.access(keys[i])) hits++;
        double ratio = hits / (double) (keys.length - warmup);
        return cache instanceof CaffeinePolicy ? round(ratio, CAFFEINE_DECIMALS) : ratio;
    }

    /** Hit ratio of a new {@code policy} cache of {@code cachePercent} % of the keys (LRU, FIFO, ...). */
    public static double hitRatio(Policy policy, Popularity popularity, double cachePercent, int requests, long seed) {
        Check.notNull("policy", policy);
        Check.notNull("popularity", popularity);
        Trace trace = popularity.trace(warmupFor(requests) + requests, seed);
        return hitRatio(policy.create(popularity.capacityFor(cachePercent)), trace, warmupFor(requests));
    }

    /** Hit ratio vs cache size ({@link #SIZES}) for every {@link Policy}, with theory. */
    public static HitRatioCurve hitRatioCurve(Popularity popularity, int requests, long seed) {
        return hitRatioCurve(popularity, requests, seed, SIZES, Policy.values());
    }

    /**
     * Hit ratio vs cache size for the given policies, with theory.
     *
     * @param popularity how popular each key is
     * @param requests   measured requests per point, after warm-up
     * @param seed       random seed of the trace (the same trace is replayed for every point)
     * @param percents   cache sizes as % of the key space, each in (0, 100]
     * @param policies   which policies to simulate, at least one
     */
    public static HitRatioCurve hitRatioCurve(Popularity popularity, int requests, long seed, double[] percents,
                                              Policy... policies) {
        Check.notNull("popularity", popularity);
        Check.notNull("percents", percents);
        Check.that(percents.length > 0, "percents", "[]", "must not be empty");
        Check.notNull("policies", policies);
        Check.that(policies.length > 0, "policies", "[]", "must name at least one policy");
        int warmup = warmupFor(requests);
        Trace trace = popularity.trace(warmup + requests, seed);
        double[] p = popularity.probabilities();
        int[] capacities = new int[percents.length];
        double[] che = new double[percents.length], fifo = new double[percents.length], bound = new double[percents.length];
        double[] belady = new double[percents.length];
        for (int i = 0; i < percents.length; i++) {
            capacities[i] = popularity.capacityFor(percents[i]);
            che[i] = Theory.lru(p, capacities[i]);
            fifo[i] = Theory.fifo(p, capacities[i]);
            bound[i] = Theory.upperBound(p, capacities[i]);
            belady[i] = hitRatio(new BeladyPolicy(capacities[i], trace), trace, warmup);
        }
        Map<Policy, double[]> measured = new EnumMap<>(Policy.class);
        for (Policy policy : policies) {
            double[] h = new double[percents.length];
            for (int i = 0; i < percents.length; i++) h[i] = hitRatio(policy.create(capacities[i]), trace, warmup);
            measured.put(Check.notNull("policy", policy), h);
        }
        return new HitRatioCurve(popularity, requests, percents.clone(), capacities, measured, che, fifo, bound, belady);
    }

    /**
     * Simulates an LRU cache of {@code cachePercent} % of the keys (0 = no cache) in front of a store
     * whose latencies follow {@code model}, and records every measured request's latency.
     *
     * <p>Every request draws one hit latency and one store latency from two seeded streams and keeps
     * the one that applies (common random numbers), so runs with different cache sizes differ only
     * in which requests hit.
     */
    public static LatencyRun latency(Popularity popularity, LatencyModel model, double cachePercent, int requests,
                                     long seed) {
        Check.notNull("popularity", popularity);
        Check.notNull("model", model);
        Check.inRange("cachePercent", cachePercent, 0.0, 100.0);
        int warmup = warmupFor(requests);
        int[] keys = popularity.trace(warmup + requests, seed).keys();
        int capacity = cachePercent == 0 ? 0 : popularity.capacityFor(cachePercent);
        CachePolicy cache = capacity == 0 ? null : new LruPolicy(capacity);
        LatencyModel.Sampler hitTime = model.hits(Rng.of(seed, 1));
        LatencyModel.Sampler storeTime = model.misses(Rng.of(seed, 2));
        Latency latency = new Latency(cachePercent == 0 ? "no cache" : "LRU " + fmt(cachePercent) + "% of keys");
        double[] samples = new double[requests];
        long hits = 0;
        for (int i = 0; i < keys.length; i++) {
            boolean hit = cache != null && cache.access(keys[i]);
            if (i < warmup) continue;
            double h = hitTime.sample(), s = storeTime.sample();
            long micros = Math.round(hit ? h : s);
            latency.record(micros);
            samples[i - warmup] = Math.max(1, micros);
            if (hit) hits++;
        }
        return new LatencyRun(cachePercent, capacity, hits / (double) requests, latency, samples);
    }

    /** Latency vs hit ratio for LRU caches of {@link #LATENCY_SIZES} (% of keys). */
    public static LatencyCurve latencyCurve(Popularity popularity, LatencyModel model, int requests, long seed) {
        List<LatencyRun> runs = new ArrayList<>();
        for (double pct : LATENCY_SIZES) runs.add(latency(popularity, model, pct, requests, seed));
        return new LatencyCurve(popularity, model, runs);
    }

    /** The latency CDF without a cache and with an LRU cache of {@code cachePercent} % of keys. */
    public static LatencyCdf latencyCdf(Popularity popularity, LatencyModel model, double cachePercent, int requests,
                                        long seed) {
        Check.that(cachePercent > 0, "cachePercent", cachePercent, "must be > 0 (the other curve is the no-cache one)");
        return new LatencyCdf(popularity, model, latency(popularity, model, 0, requests, seed),
                latency(popularity, model, cachePercent, requests, seed));
    }

    /**
     * The smallest LRU cache, in whole % of the keys (1..100), whose simulated p99 latency is at most
     * {@code p99TargetMicros}; -1 if even 100% misses the target. A binary search: LRU is a stack
     * algorithm and the latencies are common random numbers, so p99 falls as the cache grows.
     */
    public static int smallestCacheFor(Popularity popularity, LatencyModel model, double p99TargetMicros, int requests,
                                       long seed) {
        Check.positive("p99TargetMicros", p99TargetMicros);
        if (latency(popularity, model, 100, requests, seed).p99() > p99TargetMicros) return -1;
        int lo = 1, hi = 100; // answer in [lo, hi]
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (latency(popularity, model, mid, requests, seed).p99() <= p99TargetMicros) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
