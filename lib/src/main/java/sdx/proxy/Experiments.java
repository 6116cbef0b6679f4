package sdx.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.sim.Time;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 09's simulated experiments on {@link LoadBalancerModel} (virtual time, seeded), one call per cell. */
public final class Experiments {
    private Experiments() {}

    /** The policies compared on unequal backends (consistent hashing is random with stickiness, so it is left out). */
    public static final List<Policy> DYNAMIC = List.of(Policy.ROUND_ROBIN, Policy.RANDOM, Policy.TWO_CHOICES,
            Policy.LEAST_OUTSTANDING);

    /** Every policy at one load: p50, p99 and the busiest backend's share. */
    public static List<ModelRun> policies(double[] speeds, double load, int requests, long seed) {
        List<ModelRun> runs = new ArrayList<>();
        for (Policy p : Policy.values()) runs.add(LoadBalancerModel.of(p).speeds(speeds).load(load).requests(requests).seed(seed).run());
        return runs;
    }

    /**
     * Mean latency against load for the {@link #DYNAMIC} policies, with random splitting's M/M/1 theory dashed
     * in its hue (drawn only where every backend can keep up with its share).
     */
    public static Plot latencyVsLoad(double[] speeds, double[] loads, int requests, long seed) {
        Check.notNull("loads", loads);
        Plot plot = Plot.line("Mean latency vs load, backends of speeds " + java.util.Arrays.toString(speeds),
                "offered load (share of total capacity)", "mean latency (ms, virtual)").logY();
        for (Policy p : DYNAMIC) {
            double[] y = new double[loads.length];
            for (int i = 0; i < loads.length; i++) {
                y[i] = LoadBalancerModel.of(p).speeds(speeds).load(loads[i]).requests(requests).seed(seed).run().meanMs();
            }
            plot.series(p.label(), loads, y);
        }
        List<Double> x = new ArrayList<>(), y = new ArrayList<>();
        for (double l : loads) {
            double t = Theory.randomSplitMeanMs(speeds, l);
            if (Double.isFinite(t)) {
                x.add(l);
                y.add(t);
            }
        }
        if (x.size() >= 2) {
            plot.theoryOf(Policy.RANDOM.label(), "random: M/M/1 per backend",
                    x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return plot;
    }

    /**
     * Backend 1 of 4 dies 300 ms into a round-robin run at load 0.5: requests failed with no health check,
     * a passive check (3 consecutive timeouts of 500 ms) and active probes every 50 ms, 200 ms and 1 s, each
     * beside its theory (mean over {@code seeds} seeds).
     */
    public static Table healthChecks(int seeds, long seed) {
        Check.inRange("seeds", seeds, 1, 50);
        StringColumn name = StringColumn.create("health check");
        DoubleColumn measured = DoubleColumn.create("failed requests (mean)"), theory = DoubleColumn.create("theory");
        LoadBalancerModel base = crashRun();
        double rate = base.arrivalsPerSecond();
        name.append("none (timeouts only)");
        measured.append(meanFailed(crashRun(), seeds, seed));
        theory.append(ModelRun.round(rate * 0.25 * (base.durationMicros() - Time.ms(300)) / 1e6, 1));
        name.append("passive: 3 consecutive timeouts of 500 ms");
        measured.append(meanFailed(crashRun().passive(3), seeds, seed));
        theory.append(ModelRun.round(Theory.failedBeforePassiveEjection(rate, 0.25, 500, 3, 0.5), 1));
        for (long ms : new long[] {50, 200, 1_000}) {
            name.append("active: probe every " + ms + " ms (5 ms timeout)");
            measured.append(meanFailed(crashRun().probeEvery(Time.ms(ms)), seeds, seed));
            theory.append(ModelRun.round(Theory.failedBeforeActiveEjection(rate, 0.25, ms, 5, 0.5), 1));
        }
        return Table.create(String.format(Locale.ROOT, "backend 1 of 4 dies at 300 ms; %.0f requests/s; mean of %d seeds",
                rate, seeds)).addColumns(name, measured, theory);
    }

    /** Failed requests against the probe interval (mean over {@code seeds} seeds), theory dashed beside. */
    public static Plot probeInterval(long[] intervalsMs, int seeds, long seed) {
        Check.notNull("intervalsMs", intervalsMs);
        double[] x = new double[intervalsMs.length], y = new double[x.length], t = new double[x.length];
        double rate = crashRun().arrivalsPerSecond();
        for (int i = 0; i < x.length; i++) {
            x[i] = intervalsMs[i];
            y[i] = meanFailed(crashRun().probeEvery(Time.ms(intervalsMs[i])), seeds, seed);
            t[i] = Theory.failedBeforeActiveEjection(rate, 0.25, intervalsMs[i], 5, 0.5);
        }
        return Plot.line("Requests lost before an active check ejects a dead backend", "probe interval (ms)",
                        "failed requests").series("measured (simulated)", x, y)
                .theoryOf("measured (simulated)", "λ · share · (interval/2 + probe timeout) + queue", x, t);
    }

    /**
     * Retries after a crash with a passive check (3 timeouts of 500 ms): failed requests and attempts per
     * request for 0, 1 and 2 retries, and 2 retries with no health check at all.
     */
    public static Table retries(long seed) {
        List<ModelRun> runs = new ArrayList<>();
        StringColumn setup = StringColumn.create("setup");
        for (int r = 0; r <= 2; r++) {
            runs.add(crashRun().passive(3).retries(r).seed(seed).run());
            setup.append("passive check, " + r + " retries");
        }
        runs.add(crashRun().retries(2).seed(seed).run());
        setup.append("no health check, 2 retries");
        IntColumn failed = IntColumn.create("failed requests");
        DoubleColumn amp = DoubleColumn.create("attempts per request");
        IntColumn extra = IntColumn.create("extra attempts");
        for (ModelRun r : runs) {
            failed.append(r.failed());
            amp.append(ModelRun.round(r.amplification(), 4));
            extra.append((int) (r.totalAttempts() - r.requests()));
        }
        return Table.create("backend 1 of 4 dies at 300 ms, round robin, 3,000 requests").addColumns(setup, failed, extra, amp);
    }

    /** A slow backend (speed 0.4 among three of speed 1) at load 0.4: round robin with and without outlier ejection, and least outstanding. */
    public static List<ModelRun> outliers(long seed) {
        double[] speeds = {1, 1, 1, 0.4};
        LoadBalancerModel rr = LoadBalancerModel.of(Policy.ROUND_ROBIN).speeds(speeds).load(0.4).requests(6_000).seed(seed);
        ModelRun plain = rr.run();
        ModelRun ejecting = rr.outlierEjection(3).run();
        ModelRun lor = LoadBalancerModel.of(Policy.LEAST_OUTSTANDING).speeds(speeds).load(0.4).requests(6_000).seed(seed).run();
        return List.of(rename(plain, "round robin"), rename(ejecting, "round robin + outlier ejection (3x median)"),
                rename(lor, "least outstanding"));
    }

    private static ModelRun rename(ModelRun r, String name) {
        return new ModelRun(name, r.attempts(), r.failedAttempts(), r.latency(), r.requests(), r.failed(), r.ejectedAt(),
                r.complete());
    }

    static LoadBalancerModel crashRun() {
        return LoadBalancerModel.of(Policy.ROUND_ROBIN).load(0.5).requests(3_000).crash(1, Time.ms(300)).timeout(Time.ms(500));
    }

    private static double meanFailed(LoadBalancerModel m, int seeds, long seed) {
        double sum = 0;
        for (int s = 0; s < seeds; s++) sum += m.seed(seed + s).run().failed();
        return ModelRun.round(sum / seeds, 1);
    }
}
