package sdx.transactions;

import sdx.viz.Plot;

/**
 * How long 2PC participants hold their locks when the coordinator crashes after they voted yes, as a
 * function of the coordinator's downtime. The expectation: a participant locks when it votes (one hop
 * after the start) and unlocks when the restarted coordinator's decision reaches it (one hop after the
 * restart), so it holds its locks for about {@code crashAt + downtime} ms: the hops cancel on average.
 *
 * @param crashAtMs   when the coordinator crashed
 * @param downtimesMs downtimes tried
 * @param maxHeldMs   the longest lock hold among participants, per downtime
 */
public record BlockingStudy(double crashAtMs, double[] downtimesMs, double[] maxHeldMs) {
    public BlockingStudy {
        downtimesMs = downtimesMs.clone();
        maxHeldMs = maxHeldMs.clone();
    }

    @Override
    public double[] downtimesMs() {
        return downtimesMs.clone();
    }

    @Override
    public double[] maxHeldMs() {
        return maxHeldMs.clone();
    }

    /** The expected hold for a downtime. */
    public double expectedMs(double downtimeMs) {
        return crashAtMs + downtimeMs;
    }

    /** Measured and expected lock-holding time vs downtime. */
    public Plot plot() {
        double[] expected = new double[downtimesMs.length];
        for (int i = 0; i < expected.length; i++) expected[i] = expectedMs(downtimesMs[i]);
        return Plot.line("2PC blocks: locks held while the coordinator is down", "coordinator downtime (ms)",
                        "longest lock hold (ms)")
                .series("measured", downtimesMs, maxHeldMs)
                .theoryOf("measured", "expected: crash time + downtime", downtimesMs, expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockingStudy b && b.crashAtMs == crashAtMs && java.util.Arrays.equals(b.downtimesMs, downtimesMs)
                && java.util.Arrays.equals(b.maxHeldMs, maxHeldMs);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(maxHeldMs);
    }

    @Override
    public String toString() {
        return "BlockingStudy[crash at " + crashAtMs + " ms, " + downtimesMs.length + " downtimes]";
    }
}
