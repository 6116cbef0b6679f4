package sdx.cdn;

import sdx.core.Check;

/**
 * One CDN experiment's settings; start from {@link #standard()} and change one thing with a {@code with...} method.
 *
 * @param objects         number of distinct objects (URLs) at the origin
 * @param skew            Zipf exponent of their popularity (0 = uniform)
 * @param requestsPerSecond all users' requests per second (a Poisson stream)
 * @param seconds         simulated seconds
 * @param warmupShare     share of {@code seconds} at the start that is simulated but not measured
 * @param edgeCapacity    objects each PoP's edge cache holds (LRU beyond that)
 * @param ttlSeconds      how long a PoP serves a copy after fetching it (infinity: until evicted)
 * @param updatesPerObjectPerSecond how often the origin publishes a new version of each object (0: never)
 * @param purge           whether each update also purges the object at every PoP (after the one-way delay to it)
 * @param delivery        pull on a miss, or push from the origin
 */
public record CdnSettings(int objects, double skew, double requestsPerSecond, double seconds, double warmupShare,
                          int edgeCapacity, double ttlSeconds, double updatesPerObjectPerSecond, boolean purge,
                          Delivery delivery) {

    /** Validates every field. */
    public CdnSettings {
        Check.inRange("objects", objects, 1, 10_000_000);
        Check.inRange("skew", skew, 0.0, 3.0);
        Check.inRange("requestsPerSecond", requestsPerSecond, 1e-3, 1e6);
        Check.positive("seconds", seconds);
        Check.that(seconds * requestsPerSecond <= 5e6, "seconds * requestsPerSecond", seconds * requestsPerSecond,
                "must be at most 5,000,000 requests, so a cell stays fast");
        Check.inRange("warmupShare", warmupShare, 0.0, 0.9);
        Check.positive("edgeCapacity", edgeCapacity);
        Check.that(ttlSeconds > 0, "ttlSeconds", ttlSeconds, "must be > 0 (Double.POSITIVE_INFINITY: no expiry)");
        Check.atLeast("updatesPerObjectPerSecond", updatesPerObjectPerSecond, 0.0);
        Check.that(Double.isFinite(updatesPerObjectPerSecond), "updatesPerObjectPerSecond", updatesPerObjectPerSecond, "must be finite");
        Check.notNull("delivery", delivery);
    }

    /**
     * 10,000 objects with Zipf popularity {@code s = 0.8}, 100 requests per second for one simulated hour (the first
     * quarter is warm-up, longer than the longest TTL the notebook tries), PoP caches that hold every object, a TTL of 5 minutes, each object updated every 10 minutes
     * on average, no purge, pull.
     */
    public static CdnSettings standard() {
        return new CdnSettings(10_000, 0.8, 100, 3600, 0.25, 10_000, 300, 1.0 / 600, false, Delivery.PULL);
    }

    /** The same with each PoP's cache holding {@code edgeCapacity} objects. */
    public CdnSettings withEdgeCapacity(int edgeCapacity) {
        return new CdnSettings(objects, skew, requestsPerSecond, seconds, warmupShare, edgeCapacity, ttlSeconds,
                updatesPerObjectPerSecond, purge, delivery);
    }

    /** The same with another TTL (seconds; {@code Double.POSITIVE_INFINITY} for none). */
    public CdnSettings withTtl(double ttlSeconds) {
        return new CdnSettings(objects, skew, requestsPerSecond, seconds, warmupShare, edgeCapacity, ttlSeconds,
                updatesPerObjectPerSecond, purge, delivery);
    }

    /** The same with each object updated {@code perSecond} times a second on average. */
    public CdnSettings withUpdates(double perSecond) {
        return new CdnSettings(objects, skew, requestsPerSecond, seconds, warmupShare, edgeCapacity, ttlSeconds,
                perSecond, purge, delivery);
    }

    /** The same with or without a purge on every update. */
    public CdnSettings withPurge(boolean purge) {
        return new CdnSettings(objects, skew, requestsPerSecond, seconds, warmupShare, edgeCapacity, ttlSeconds,
                updatesPerObjectPerSecond, purge, delivery);
    }

    /** The same with pull or push delivery. */
    public CdnSettings withDelivery(Delivery delivery) {
        return new CdnSettings(objects, skew, requestsPerSecond, seconds, warmupShare, edgeCapacity, ttlSeconds,
                updatesPerObjectPerSecond, purge, delivery);
    }

    /** The same with another request rate and duration. */
    public CdnSettings withLoad(double requestsPerSecond, double seconds) {
        return new CdnSettings(objects, skew, requestsPerSecond, seconds, warmupShare, edgeCapacity, ttlSeconds,
                updatesPerObjectPerSecond, purge, delivery);
    }

    /** The same with another warm-up share. */
    public CdnSettings withWarmup(double warmupShare) {
        return new CdnSettings(objects, skew, requestsPerSecond, seconds, warmupShare, edgeCapacity, ttlSeconds,
                updatesPerObjectPerSecond, purge, delivery);
    }

    /** The popularity of each object (rank 1 first), summing to 1. */
    public double[] popularity() {
        return sdx.core.Workloads.zipfProbabilities(objects, skew);
    }
}
