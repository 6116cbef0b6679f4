package sdx.cache;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import sdx.core.Check;

/**
 * Simulated response times of a cache-aside read, in microseconds. Nothing sleeps: each request
 * draws a number from a distribution, so a million requests take milliseconds to simulate.
 *
 * <ul>
 *   <li>A hit costs a lognormal time with median {@code hitMedianMicros}: microseconds for an
 *       in-process cache ({@link #typical()}), a network round trip for Redis or Memcached
 *       ({@link #networked()}).</li>
 *   <li>A miss goes to the backing store: usually a lognormal with median {@code storeMedianMicros}
 *       (a database read over the network), but with probability {@code tailProbability} the store
 *       is having a bad moment (a GC pause, a cold disk, a queue) and the time comes from a slower
 *       lognormal with median {@code tailMedianMicros}. The mixture gives the long tail real stores
 *       show. The lookup before the miss costs microseconds and is left out.</li>
 * </ul>
 *
 * The lognormal {@code sigma}s are the standard deviations of the log of the time: 0.5 means a
 * typical request is within a factor e^0.5 ≈ 1.65 of the median.
 *
 * @param hitMedianMicros   median hit latency, > 0
 * @param hitSigma          spread of hit latencies, >= 0
 * @param storeMedianMicros median latency of a normal store read, > 0
 * @param storeSigma        its spread, >= 0
 * @param tailProbability   share of store reads that hit the slow path, in [0, 1]
 * @param tailMedianMicros  median latency of a slow store read, > 0
 * @param tailSigma         its spread, >= 0
 */
public record LatencyModel(double hitMedianMicros, double hitSigma, double storeMedianMicros, double storeSigma,
                           double tailProbability, double tailMedianMicros, double tailSigma) {

    /** Validates the arguments. */
    public LatencyModel {
        Check.positive("hitMedianMicros", hitMedianMicros);
        Check.atLeast("hitSigma", hitSigma, 0.0);
        Check.positive("storeMedianMicros", storeMedianMicros);
        Check.atLeast("storeSigma", storeSigma, 0.0);
        Check.inRange("tailProbability", tailProbability, 0.0, 1.0);
        Check.positive("tailMedianMicros", tailMedianMicros);
        Check.atLeast("tailSigma", tailSigma, 0.0);
    }

    /**
     * The course's default: an <b>in-process</b> cache (a hash-map lookup in the application's own memory,
     * as with Caffeine or Guava: well under a microsecond for the lookup; 2 µs leaves room for copying a
     * small value), store reads about 1 ms, and 2% of store reads about 20 ms (the long tail). The figures
     * are round numbers of the right order, not measurements: a database read within a data centre
     * pays at least one network round trip (0.5 ms in Dean's "numbers everyone should know", LADIS 2009)
     * plus the query; the slow path stands for GC pauses, cold disks and queues (Dean and Barroso,
     * "The Tail at Scale", CACM 2013).
     */
    public static LatencyModel typical() {
        return new LatencyModel(2, 0.3, 1_000, 0.5, 0.02, 20_000, 0.5);
    }

    /**
     * The same store behind a <b>networked</b> cache (Redis, Memcached): a hit costs a network round
     * trip, median 200 µs (Redis's latency documentation: "the typical latency of a 1 GBits/s network is
     * about 200 us"; its own processing is sub-microsecond). Store reads as in {@link #typical()}.
     */
    public static LatencyModel networked() {
        return new LatencyModel(200, 0.3, 1_000, 0.5, 0.02, 20_000, 0.5);
    }

    /** A sampler of hit latencies (µs) drawing from {@code rng}. */
    public Sampler hits(UniformRandomProvider rng) {
        var gauss = ZigguratSampler.NormalizedGaussian.of(Check.notNull("rng", rng));
        return () -> hitMedianMicros * Math.exp(hitSigma * gauss.sample());
    }

    /** A sampler of store (miss) latencies (µs) drawing from {@code rng}. */
    public Sampler misses(UniformRandomProvider rng) {
        var gauss = ZigguratSampler.NormalizedGaussian.of(Check.notNull("rng", rng));
        return () -> rng.nextDouble() < tailProbability
                ? tailMedianMicros * Math.exp(tailSigma * gauss.sample())
                : storeMedianMicros * Math.exp(storeSigma * gauss.sample());
    }

    /** Mean latency (µs) when a share {@code hitRatio} of requests hit: a weighted average. */
    public double meanMicros(double hitRatio) {
        Check.inRange("hitRatio", hitRatio, 0.0, 1.0);
        double store = (1 - tailProbability) * lognormalMean(storeMedianMicros, storeSigma)
                + tailProbability * lognormalMean(tailMedianMicros, tailSigma);
        return hitRatio * lognormalMean(hitMedianMicros, hitSigma) + (1 - hitRatio) * store;
    }

    /** Share of requests faster than {@code micros} when a share {@code hitRatio} hit (the CDF). */
    public double cdf(double hitRatio, double micros) {
        Check.inRange("hitRatio", hitRatio, 0.0, 1.0);
        double store = (1 - tailProbability) * lognormalCdf(micros, storeMedianMicros, storeSigma)
                + tailProbability * lognormalCdf(micros, tailMedianMicros, tailSigma);
        return hitRatio * lognormalCdf(micros, hitMedianMicros, hitSigma) + (1 - hitRatio) * store;
    }

    /**
     * The {@code percentile}-th percentile (µs) when a share {@code hitRatio} of requests hit: the x
     * where {@link #cdf} reaches {@code percentile / 100}, found by bisection.
     */
    public double percentileMicros(double hitRatio, double percentile) {
        Check.inRange("hitRatio", hitRatio, 0.0, 1.0);
        Check.inRange("percentile", percentile, 0.0, 100.0);
        double q = percentile / 100;
        return sdx.core.Roots.bisectLog(x -> cdf(hitRatio, x), q, 1e-3, 1e10);
    }

    private static double lognormalMean(double median, double sigma) {
        return median * Math.exp(sigma * sigma / 2);
    }

    private static double lognormalCdf(double x, double median, double sigma) {
        if (x <= 0) return 0;
        if (sigma == 0) return x >= median ? 1 : 0;
        return 0.5 * Erf.erfc(-Math.log(x / median) / (sigma * Math.sqrt(2)));
    }

    /** Draws one latency in microseconds. */
    @FunctionalInterface
    public interface Sampler {
        /** The next latency (µs). */
        double sample();
    }
}
