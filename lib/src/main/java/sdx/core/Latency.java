package sdx.core;

import org.HdrHistogram.Histogram;

/**
 * A latency recorder: record values in microseconds, read percentiles. A thin, validated wrapper
 * around HdrHistogram (3 significant digits, values from 1 µs to 1 hour).
 */
public final class Latency {
    private static final long MAX_MICROS = 3_600_000_000L;
    private final String name;
    private final Histogram histogram = new Histogram(1, MAX_MICROS, 3);

    /** A recorder named {@code name} (the name appears in tables and legends). */
    public Latency(String name) {
        this.name = Check.notNull("name", name);
    }

    /** Records one latency of {@code micros} microseconds (0 is recorded as 1 µs). */
    public void record(long micros) {
        if (micros < 0 || micros > MAX_MICROS) {
            throw Check.fail("micros must be in [0, " + MAX_MICROS + "], was " + micros);
        }
        histogram.recordValue(Math.max(1, micros));
    }

    /** Number of recorded values. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** Mean in microseconds. */
    public double mean() {
        requireData();
        return histogram.getMean();
    }

    /** The {@code percentile}-th percentile (0..100) in microseconds. */
    public long percentile(double percentile) {
        Check.inRange("percentile", percentile, 0.0, 100.0);
        requireData();
        return histogram.getValueAtPercentile(percentile);
    }

    /** Count, mean, p50, p90, p99, p99.9 and max, as a record. */
    public Summary summary() {
        requireData();
        return new Summary(name, count(), mean(), percentile(50), percentile(90), percentile(99),
                percentile(99.9), histogram.getMaxValue());
    }

    /** The recorder's name. */
    public String name() {
        return name;
    }

    private void requireData() {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalStateException("latency '" + name + "' has no recorded values yet");
        }
    }

    /** A latency summary in microseconds; {@link Stats#table} turns a list of them into a table. */
    public record Summary(String name, long count, double mean, long p50, long p90, long p99, long p999, long max) {}
}
