package sdx.mapreduce;

import java.util.Arrays;
import java.util.List;
import sdx.core.Check;

/**
 * When the master launches a backup copy of a running task (Dean &amp; Ghemawat 2004, section 3.6):
 * only near the end of a phase (no task is waiting and a worker is idle), and only for an attempt
 * that has run {@code multiplier} times longer than the median finished task and at least
 * {@code minRuntimeMs}. This is Apache Spark's rule: {@code spark.speculation.multiplier} (default
 * 1.5) and {@code spark.speculation.minTaskRuntime} (default 100 ms; 50 ms here, because the course's
 * tasks are short). The paper itself does not publish its threshold.
 *
 * @param multiplier   how many times the median finished task's time an attempt must exceed
 * @param minRuntimeMs an attempt younger than this is never backed up: copying a short task cannot pay
 */
public record SpeculationPolicy(double multiplier, double minRuntimeMs) {

    /** The engine's default: 1.5 times the median, at least 50 ms. */
    public static final SpeculationPolicy DEFAULT = new SpeculationPolicy(1.5, 50);

    /** Validates the settings. */
    public SpeculationPolicy {
        Check.inRange("multiplier", multiplier, 1.0, 100.0);
        Check.atLeast("minRuntimeMs", minRuntimeMs, 0.0);
    }

    /**
     * The running time beyond which an attempt gets a backup, given the times of the finished tasks
     * of its phase; infinite while none has finished (there is no median to compare with yet).
     */
    public double thresholdMs(List<Double> finishedMs) {
        Check.notNull("finishedMs", finishedMs);
        if (finishedMs.isEmpty()) return Double.POSITIVE_INFINITY;
        return Math.max(minRuntimeMs, multiplier * median(finishedMs));
    }

    /** True when an attempt running for {@code runningMs} deserves a backup. */
    public boolean shouldBackUp(double runningMs, List<Double> finishedMs) {
        return runningMs > thresholdMs(finishedMs);
    }

    /** The median (upper median for an even count). */
    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
