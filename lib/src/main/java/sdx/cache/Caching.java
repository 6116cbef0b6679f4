package sdx.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.core.Rng;
import sdx.core.Trace;

/**
 * The caching notebook's experiments, each one call. Every experiment is seeded: the same seed gives
 * the same trace, the same latencies and the same numbers. The one exception is Caffeine: its
 * admission filter draws from an unseeded random generator (see {@link CaffeinePolicy}), so its hit
 * ratios differ a little from run to run ({@link #caffeineRuns} measures by how much). Time is
 * simulated, never slept.
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
        return hits / (double) (keys.length - warmup);
    }

    /** Hit ratio of a new {@code policy} cache of {@code cachePercent} % of the keys (LRU, FIFO, ...). */
    public static double hitRatio(Policy policy, Popularity popularity, double cachePercent, int requests, long seed) {
        Check.notNull("policy", policy);
        Check.notNull("popularity", popularity);
        Trace trace = popularity.trace(warmupFor(requests) + requests, seed);
        return hitRatio(policy.create(popularity.capacityFor(cachePercent)), trace, warmupFor(requests));
    }

    /**
     * Hit ratio vs cache size ({@link #SIZES}) for FIFO, LRU and LFU, with theory. Caffeine is left out
     * because its numbers are not repeatable; compare it with {@link #caffeineRuns}.
     */
    public static HitRatioCurve hitRatioCurve(Popularity popularity, int requests, long seed) {
        return hitRatioCurve(popularity, requests, seed, SIZES, Policy.FIFO, Policy.LRU, Policy.LFU);
    }

    /**
     * Caffeine's hit ratio vs cache size, measured {@code runs} times on the same seeded trace, beside
     * LRU and LFU (which repeat exactly) and the upper bound. The spread between Caffeine's runs comes
     * from its unseeded admission randomness (see {@link CaffeinePolicy}).
     *
     * @param runs how many times to replay the trace on a new Caffeine cache, in [2, 50]
     */
    public static CaffeineRuns caffeineRuns(Popularity popularity, int requests, long seed, double[] percents, int runs) {
        Check.inRange("runs", runs, 2, 50);
        Map<String, IntFunction<? extends CachePolicy>> simple = new LinkedHashMap<>();
        simple.put(Policy.LRU.label(), Policy.LRU::create);
        simple.put(Policy.LFU.label(), Policy.LFU::create);
        HitRatioCurve base = curve(popularity, requests, seed, percents, simple, false);
        int warmup = warmupFor(requests);
        Trace trace = popularity.trace(warmup + requests, seed);
        double[][] caffeine = new double[runs][percents.length];
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < percents.length; i++) {
                caffeine[r][i] = hitRatio(new CaffeinePolicy(base.capacities()[i]), trace, warmup);
            }
        }
        return new CaffeineRuns(base, caffeine);
    }

    /**
     * Hit ratio over time, one point per {@code window} requests, for each policy on one {@code trace}
     * (for example {@link CacheWorkloads#shift} or {@link CacheWorkloads#scans}). Only requests for the
     * popular keys {@code [0, popularity.keySpace())} count: a scan's one-off keys miss in every cache.
     * Che's approximation and the upper bound for {@code popularity} are the steady-state reference.
     *
     * @param popularity   the popularity the trace draws its ordinary requests from
     * @param trace        the requests, in order
     * @param cachePercent cache size as % of {@code popularity}'s keys
     * @param window       requests per point, at least 100
     */
    public static HitRatioTimeline overTime(Popularity popularity, Trace trace, double cachePercent, int window,
                                            Policy... policies) {
        Check.notNull("popularity", popularity);
        Check.notNull("trace", trace);
        Check.atLeast("window", window, 100);
        Check.that(trace.length() >= window, "window", window, "must be at most the trace's length " + trace.length());
        Check.notNull("policies", policies);
        Check.that(policies.length > 0, "policies", "[]", "must name at least one policy");
        int capacity = popularity.capacityFor(cachePercent);
        int points = trace.length() / window, n = popularity.keySpace();
        int[] keys = trace.keys();
        Map<String, double[]> measured = new LinkedHashMap<>();
        for (Policy policy : policies) {
            CachePolicy cache = Check.notNull("policy", policy).create(capacity);
            double[] h = new double[points];
            for (int w = 0; w < points; w++) {
                long hits = 0, counted = 0;
                for (int i = w * window; i < (w + 1) * window; i++) {
                    boolean hit = cache.access(keys[i]);
                    if (keys[i] < n) {
                        counted++;
                        if (hit) hits++;
                    }
                }
                h[w] = counted == 0 ? 0 : hits / (double) counted;
            }
            measured.put(policy.label(), h);
        }
        double[] p = popularity.probabilities();
        return new HitRatioTimeline(trace.name(), popularity, cachePercent, capacity, window, measured,
                Theory.lru(p, capacity), Theory.upperBound(p, capacity));
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
        Check.notNull("policies", policies);
        Check.that(policies.length > 0, "policies", "[]", "must name at least one policy");
        Map<String, IntFunction<? extends CachePolicy>> caches = new LinkedHashMap<>();
        for (Policy policy : policies) caches.put(Check.notNull("policy", policy).label(), policy::create);
        return curve(popularity, requests, seed, percents, caches, true);
    }

    /**
     * Hit ratio vs cache size for your own policy beside the built-in ones, with theory: for example
     * {@code Caching.hitRatioCurve(pop, 100_000, 42, Caching.SIZES, MyPolicy::new, Policy.LRU)}.
     * Your policy is named by its {@link CachePolicy#name()} and must hold at most its capacity.
     *
     * @param myPolicy makes an empty cache of a given capacity (e.g. a constructor reference)
     * @param policies built-in policies to compare with (may be none)
     */
    public static HitRatioCurve hitRatioCurve(Popularity popularity, int requests, long seed, double[] percents,
                                              IntFunction<? extends CachePolicy> myPolicy, Policy... policies) {
        Check.notNull("myPolicy", myPolicy);
        Check.notNull("policies", policies);
        Map<String, IntFunction<? extends CachePolicy>> caches = new LinkedHashMap<>();
        for (Policy policy : policies) caches.put(Check.notNull("policy", policy).label(), policy::create);
        CachePolicy sample = myPolicy.apply(1);
        Check.that(sample != null, "myPolicy", "null", "must return a cache, not null");
        String name = String.valueOf(sample.name());
        caches.put(caches.containsKey(name) ? name + " (yours)" : name, myPolicy);
        return curve(popularity, requests, seed, percents, caches, true);
    }

    private static HitRatioCurve curve(Popularity popularity, int requests, long seed, double[] percents,
                                       Map<String, IntFunction<? extends CachePolicy>> caches, boolean withBelady) {
        Check.notNull("popularity", popularity);
        Check.notNull("percents", percents);
        Check.that(percents.length > 0, "percents", "[]", "must not be empty");
        int warmup = warmupFor(requests);
        Trace trace = popularity.trace(warmup + requests, seed);
        double[] p = popularity.probabilities();
        int n = percents.length;
        int[] capacities = new int[n];
        double[] che = new double[n], fifo = new double[n], bound = new double[n], belady = new double[n];
        for (int i = 0; i < n; i++) {
            capacities[i] = popularity.capacityFor(percents[i]);
            che[i] = Theory.lru(p, capacities[i]);
            fifo[i] = Theory.fifo(p, capacities[i]);
            bound[i] = Theory.upperBound(p, capacities[i]);
            belady[i] = withBelady ? hitRatio(new BeladyPolicy(capacities[i], trace), trace, warmup) : Double.NaN;
        }
        Map<String, double[]> measured = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<? extends CachePolicy>> e : caches.entrySet()) {
            double[] h = new double[n];
            for (int i = 0; i < n; i++) h[i] = measure(e.getKey(), e.getValue(), capacities[i], trace, warmup);
            measured.put(e.getKey(), h);
        }
        return new HitRatioCurve(popularity, requests, percents, capacities, measured, che, fifo, bound, belady,
                firstRequestShare(trace, warmup));
    }

    /** Runs one new cache on the trace, checking that it keeps to its capacity. */
    private static double measure(String name, IntFunction<? extends CachePolicy> factory, int capacity, Trace trace,
                                  int warmup) {
        CachePolicy cache = factory.apply(capacity);
        Check.that(cache != null, name, "null", "must return a cache for capacity " + capacity + ", not null");
        Check.that(cache.capacity() == capacity, name + ".capacity()", cache.capacity(),
                "must be the capacity it was made with, " + capacity);
        double h = hitRatio(cache, trace, warmup);
        Check.that(cache.size() <= capacity, name + ".size()", cache.size(),
                "must stay <= capacity " + capacity + " (a cache that holds more keys than it may is not comparable)");
        return h;
    }

    /** Share of requests after {@code warmup} that are the first request for their key in {@code trace}. */
    public static double firstRequestShare(Trace trace, int warmup) {
        Check.notNull("trace", trace);
        Check.inRange("warmup", warmup, 0, trace.length() - 1);
        boolean[] seen = new boolean[trace.keySpace()];
        int[] keys = trace.keys();
        long first = 0;
        for (int i = 0; i < keys.length; i++) {
            if (!seen[keys[i]]) {
                seen[keys[i]] = true;
                if (i >= warmup) first++;
            }
        }
        return first / (double) (keys.length - warmup);
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

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
