package sdx.mapreduce;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Speedup of a job as the number of workers W grows, beside two theories: the ideal {@code S = W}
 * and Amdahl's law {@code S = 1 / (f + (1 - f) / min(W, cores))} (Amdahl, AFIPS 1967) with the
 * serial fraction {@code f} estimated from the measured speedup at {@code W = cores} by the
 * Karp-Flatt metric {@code f = (1/S - 1/p) / (1 - 1/p)} (Karp &amp; Flatt, CACM 1990). Threads beyond
 * the machine's cores cannot run at the same time, hence the {@code min(W, cores)}.
 *
 * @param workers        the W values measured, starting at 1
 * @param millis         best-of-repeats wall time of the whole job at each W
 * @param cores          processors available to this JVM
 * @param serialFraction f, estimated at W = min(cores, largest W measured)
 */
public record Scaling(int[] workers, double[] millis, int cores, double serialFraction) {

    /**
     * Runs {@code job} on {@code input} with W = 1..maxWorkers, {@code repeats} times each (after a
     * warm-up run when repeats is 1), keeping the fastest time: the least disturbed by other programs
     * and by JIT compilation.
     */
    public static <I> Scaling measure(Job<I, ?, ?, ?> job, List<I> input, int maxWorkers, int repeats) {
        Check.notNull("job", job);
        Check.notNull("input", input);
        Check.inRange("maxWorkers", maxWorkers, 1, 64);
        Check.inRange("repeats", repeats, 1, 20);
        Input<I> in = Input.of(input);
        if (repeats == 1) job.workers(maxWorkers).run(in); // warm-up; with repeats, the fastest run is warm anyway
        int[] w = new int[maxWorkers];
        double[] ms = new double[maxWorkers];
        Arrays.fill(ms, Double.POSITIVE_INFINITY);
        for (int rep = 0; rep < repeats; rep++) {
            for (int i = 0; i < maxWorkers; i++) {
                w[i] = i + 1;
                ms[i] = Math.min(ms[i], job.workers(i + 1).run(in).totalMillis());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int p = Math.min(cores, maxWorkers);
        double f = p == 1 ? 1.0 : karpFlatt(ms[0] / ms[p - 1], p);
        return new Scaling(w, ms, cores, f);
    }

    /** The Karp-Flatt serial fraction for speedup {@code s} on {@code p} processors, clamped to [0, 1]. */
    public static double karpFlatt(double s, int p) {
        Check.positive("s", s);
        Check.inRange("p", p, 2, 1 << 20);
        double f = (1 / s - 1.0 / p) / (1 - 1.0 / p);
        return Math.max(0, Math.min(1, f));
    }

    /** Amdahl's law: speedup on {@code processors} processors with serial fraction {@code f}. */
    public static double amdahl(double f, double processors) {
        Check.inRange("f", f, 0.0, 1.0);
        Check.positive("processors", processors);
        return 1 / (f + (1 - f) / processors);
    }

    /** Measured speedup {@code T(1) / T(W)} for each W. */
    public double[] speedup() {
        return Arrays.stream(millis).map(m -> millis[0] / m).toArray();
    }

    /** Amdahl's prediction for each W, with this machine's core count. */
    public double[] amdahl() {
        return Arrays.stream(workers).mapToDouble(w -> amdahl(serialFraction, Math.min(w, cores))).toArray();
    }

    /** Speedup vs W: measured, ideal (dashed) and Amdahl (dashed). */
    public Plot plot() {
        double[] x = Arrays.stream(workers).asDoubleStream().toArray();
        // the serial fraction is measured (wall clock): it goes in the legend, not in the title
        return Plot.line(String.format(Locale.ROOT, "Speedup vs workers on %d cores", cores),
                        "workers W", "speedup T(1) / T(W)")
                .series("measured", x, speedup())
                .theory("ideal: S = W", x, x)
                .theoryOf("measured", String.format(Locale.ROOT, "Amdahl: 1 / (f + (1-f) / min(W, %d)), f = %.2f", cores, serialFraction), x, amdahl())
                .yRange(0, Math.max(2, workers.length) + 0.5);
    }

    /** One row per W: time, speedup, Amdahl's prediction. */
    public Table table() {
        double[] s = speedup(), a = amdahl();
        DoubleColumn ms = DoubleColumn.create("ms"), sp = DoubleColumn.create("speedup"),
                am = DoubleColumn.create("Amdahl");
        for (int i = 0; i < workers.length; i++) {
            ms.append(Math.round(millis[i] * 10) / 10.0);
            sp.append(Math.round(s[i] * 100) / 100.0);
            am.append(Math.round(a[i] * 100) / 100.0);
        }
        return Table.create("scaling on " + cores + " cores").addColumns(IntColumn.create("W", workers), ms, sp, am);
    }
}
