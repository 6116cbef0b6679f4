package sdx.cache;

import sdx.core.Latency;

/**
 * The latencies of one simulated run of a cache-aside read path (LRU cache in front of a store).
 *
 * @param cachePercent cache size as % of the key space (0 = no cache)
 * @param capacity     cache size in keys (0 = no cache)
 * @param hitRatio     measured hit ratio after warm-up
 * @param latency      every measured request's latency (µs), HdrHistogram underneath
 * @param samples      the same latencies as an array, for CDF charts
 */
public record LatencyRun(double cachePercent, int capacity, double hitRatio, Latency latency, double[] samples) {

    /** Copies the arrays, so the record cannot change behind its back. */
    public LatencyRun {
        samples = samples == null ? null : samples.clone();
    }

    /** Mean latency (µs). */
    public double mean() {
        return latency.mean();
    }

    /** Median latency (µs). */
    public long p50() {
        return latency.percentile(50);
    }

    /** 99th-percentile latency (µs): 1 request in 100 is slower. */
    public long p99() {
        return latency.percentile(99);
    }

    /** Count, mean and percentiles as a record. */
    public Latency.Summary summary() {
        return latency.summary();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "cache %.0f%% of keys: hit ratio %.4f, mean %.0f µs, p50 %d µs, p99 %d µs",
                cachePercent, hitRatio, mean(), p50(), p99());
    }

    /** A copy of {@code samples}. */
    @Override
    public double[] samples() {
        return samples.clone();
    }
}
