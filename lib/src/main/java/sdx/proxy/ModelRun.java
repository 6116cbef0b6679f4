package sdx.proxy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one {@link LoadBalancerModel} run measured, in virtual time.
 *
 * @param name           policy and load
 * @param attempts       attempts sent to each backend (its load)
 * @param failedAttempts attempts to each backend that timed out
 * @param latency        latency of the answered requests (µs, virtual); null if none was answered
 * @param requests       requests the client sent
 * @param failed         requests the client saw fail (after any retries)
 * @param ejectedAt      virtual time each backend was first ejected (µs), -1 if never
 * @param complete       whether every request was answered before the time limit
 */
public record ModelRun(String name, long[] attempts, long[] failedAttempts, Latency.Summary latency, int requests,
                       int failed, long[] ejectedAt, boolean complete) {

    /** Validates and copies the arrays. */
    public ModelRun {
        Check.notNull("name", name);
        attempts = Check.notNull("attempts", attempts).clone();
        failedAttempts = Check.notNull("failedAttempts", failedAttempts).clone();
        ejectedAt = Check.notNull("ejectedAt", ejectedAt).clone();
    }

    @Override
    public long[] attempts() {
        return attempts.clone();
    }

    @Override
    public long[] failedAttempts() {
        return failedAttempts.clone();
    }

    @Override
    public long[] ejectedAt() {
        return ejectedAt.clone();
    }

    /** All attempts sent (requests plus retries). */
    public long totalAttempts() {
        return Arrays.stream(attempts).sum();
    }

    /** All failed attempts. */
    public long totalFailedAttempts() {
        return Arrays.stream(failedAttempts).sum();
    }

    /** Attempts per request: 1.0 without retries; retries push it up (load amplification). */
    public double amplification() {
        return totalAttempts() / (double) requests;
    }

    /** The busiest backend's share of all attempts. */
    public double busiestShare() {
        return Arrays.stream(attempts).max().orElse(0) / (double) Math.max(1, totalAttempts());
    }

    /** Latency percentiles in ms (virtual), 0 when nothing was answered. */
    public double p50Ms() {
        return latency == null ? 0 : latency.p50() / 1000.0;
    }

    /** 99th percentile latency in ms (virtual), 0 when nothing was answered. */
    public double p99Ms() {
        return latency == null ? 0 : latency.p99() / 1000.0;
    }

    /** Mean latency in ms (virtual), 0 when nothing was answered. */
    public double meanMs() {
        return latency == null ? 0 : latency.mean() / 1000.0;
    }

    /** Attempts per backend as a bar chart. */
    public Plot plot() {
        List<String> names = new ArrayList<>();
        double[] y = new double[attempts.length];
        for (int b = 0; b < attempts.length; b++) {
            names.add("b" + b);
            y[b] = attempts[b];
        }
        return Plot.bar("attempts per backend: " + name, "backend", "attempts").bars(name, names, y);
    }

    /** Per-backend attempts, failures and ejection time. */
    public Table backends() {
        IntColumn b = IntColumn.create("backend");
        LongColumn a = LongColumn.create("attempts");
        LongColumn f = LongColumn.create("failed attempts");
        StringColumn e = StringColumn.create("ejected at");
        for (int i = 0; i < attempts.length; i++) {
            b.append(i);
            a.append(attempts[i]);
            f.append(failedAttempts[i]);
            e.append(ejectedAt[i] < 0 ? "never" : String.format(Locale.ROOT, "%.1f ms (virtual)", ejectedAt[i] / 1000.0));
        }
        return Table.create(name).addColumns(b, a, f, e);
    }

    /** One row per run: p50, p99, failures, amplification, busiest backend's share (virtual time). */
    public static Table table(String title, List<ModelRun> runs) {
        Check.notNull("runs", runs);
        StringColumn n = StringColumn.create("run");
        DoubleColumn p50 = DoubleColumn.create("p50 (ms)"), p99 = DoubleColumn.create("p99 (ms)");
        IntColumn failed = IntColumn.create("failed requests");
        DoubleColumn amp = DoubleColumn.create("attempts per request"), share = DoubleColumn.create("busiest share");
        for (ModelRun r : runs) {
            n.append(r.name());
            p50.append(round(r.p50Ms(), 1));
            p99.append(round(r.p99Ms(), 1));
            failed.append(r.failed());
            amp.append(round(r.amplification(), 3));
            share.append(round(r.busiestShare(), 3));
        }
        return Table.create(Check.notNull("title", title)).addColumns(n, p50, p99, failed, amp, share);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
