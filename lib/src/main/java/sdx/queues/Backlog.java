package sdx.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One queue (a partition, or a work queue) in front of one consumer, in virtual time: messages arrive as a
 * Poisson process of rate {@code lambda(t)} (messages per second), the consumer takes an exponential time of
 * mean {@code 1/mu} per message, first come first served, and the queue holds at most {@code capacity} messages
 * including the one in service (a producer finding it full is rejected: back-pressure). This is the M/M/1 queue
 * (M/M/1/K when bounded), so theory exists: {@link Theory}. Seeded: the same seed gives the same run.
 */
public final class Backlog {
    private Backlog() {}

    /** Batches for the batch-means confidence interval. */
    static final int BATCHES = 20;
    /** Student's t at 97.5 % for 19 degrees of freedom: a 95 % interval over 20 batch means. */
    static final double T_19 = 2.093;

    /**
     * What one run measured.
     *
     * @param meanInSystem      time-average messages in the queue, including the one being processed
     * @param meanWaiting       time-average messages waiting (not yet being processed)
     * @param halfWidthSystem   95 % confidence half-width of meanInSystem (batch means over 20 batches)
     * @param halfWidthWaiting  the same for meanWaiting
     * @param arrived           messages the producer offered
     * @param rejected          messages refused because the queue was full
     * @param served            messages processed
     * @param times             sample times, seconds
     * @param backlog           messages in the queue at those times
     */
    public record Run(double meanInSystem, double meanWaiting, double halfWidthSystem, double halfWidthWaiting,
            long arrived, long rejected, long served, double[] times, double[] backlog) {
        public Run {
            times = times.clone();
            backlog = backlog.clone();
        }

        @Override public double[] times() { return times.clone(); }
        @Override public double[] backlog() { return backlog.clone(); }

        /** Messages in the queue at the end of the run. */
        public double finalBacklog() {
            return backlog[backlog.length - 1];
        }

        /** The fraction of offered messages that were rejected. */
        public double rejectedFraction() {
            return arrived == 0 ? 0 : (double) rejected / arrived;
        }
    }

    /**
     * Simulates {@code seconds} of a queue with arrival rate {@code lambda(t)} (at most {@code maxLambda}),
     * service rate {@code mu} and room for {@code capacity} messages ({@code Integer.MAX_VALUE}: unbounded),
     * sampling the backlog every {@code sampleEvery} seconds. The first {@code warmup} seconds are left out of
     * the time averages (not of the samples).
     */
    public static Run simulate(DoubleUnaryOperator lambda, double maxLambda, double mu, int capacity, double seconds,
            double warmup, double sampleEvery, long seed) {
        Check.notNull("lambda", lambda);
        Check.positive("maxLambda", maxLambda);
        Check.positive("mu", mu);
        Check.positive("capacity", capacity);
        Check.positive("seconds", seconds);
        Check.inRange("warmup", warmup, 0, seconds / 2);
        Check.inRange("sampleEvery", sampleEvery, seconds / 1_000_000, seconds);
        UniformRandomProvider rng = Rng.of(seed);
        double batchLength = (seconds - warmup) / BATCHES;
        double[] batchSystem = new double[BATCHES], batchWaiting = new double[BATCHES];
        List<double[]> samples = new ArrayList<>();
        double t = 0, nextArrival = exp(rng, maxLambda), nextDeparture = Double.POSITIVE_INFINITY, nextSample = 0;
        long n = 0, arrived = 0, rejected = 0, served = 0;
        while (true) {
            double next = Math.min(Math.min(nextArrival, nextDeparture), Math.min(nextSample, seconds));
            accumulate(t, next, n, warmup, batchLength, batchSystem, batchWaiting);
            t = next;
            if (t == nextSample) {
                samples.add(new double[] {t, n});
                nextSample += sampleEvery;
                if (nextSample > seconds + 1e-9) nextSample = Double.POSITIVE_INFINITY;
                continue;
            }
            if (t >= seconds) break;
            if (t == nextArrival) {
                nextArrival = t + exp(rng, maxLambda);
                double rate = lambda.applyAsDouble(t);
                if (rng.nextDouble() * maxLambda >= rate) continue; // thinning: a non-homogeneous Poisson process
                arrived++;
                if (n >= capacity) {
                    rejected++;
                    continue;
                }
                n++;
                if (n == 1) nextDeparture = t + exp(rng, mu);
            } else {
                n--;
                served++;
                nextDeparture = n > 0 ? t + exp(rng, mu) : Double.POSITIVE_INFINITY;
            }
        }
        if (samples.isEmpty() || samples.get(samples.size() - 1)[0] < seconds) samples.add(new double[] {seconds, n});
        double[] times = samples.stream().mapToDouble(s -> s[0]).toArray();
        double[] backlog = samples.stream().mapToDouble(s -> s[1]).toArray();
        for (int b = 0; b < BATCHES; b++) {
            batchSystem[b] /= batchLength;
            batchWaiting[b] /= batchLength;
        }
        return new Run(mean(batchSystem), mean(batchWaiting), halfWidth(batchSystem), halfWidth(batchWaiting),
                arrived, rejected, served, times, backlog);
    }

    /** Adds the area n × (to - from) after the warm-up to the batches the interval overlaps. */
    private static void accumulate(double from, double to, long n, double warmup, double batchLength,
            double[] system, double[] waiting) {
        double a = Math.max(from, warmup);
        while (a < to) {
            int b = Math.min(BATCHES - 1, (int) ((a - warmup) / batchLength));
            double end = Math.min(to, warmup + (b + 1) * batchLength);
            if (b == BATCHES - 1) end = to;
            system[b] += n * (end - a);
            waiting[b] += Math.max(0, n - 1) * (end - a);
            a = end;
        }
    }

    private static double exp(UniformRandomProvider rng, double rate) {
        return -Math.log(1 - rng.nextDouble()) / rate;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double halfWidth(double[] v) {
        double m = mean(v), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return T_19 * Math.sqrt(ss / (v.length - 1) / v.length);
    }

    /** A steady M/M/1 queue: arrival rate {@code lambda}, service rate {@code mu}, unbounded, 5 % warm-up. */
    public static Run mm1(double lambda, double mu, double seconds, long seed) {
        Check.positive("lambda", lambda);
        return simulate(t -> lambda, lambda, mu, Integer.MAX_VALUE, seconds, seconds * 0.05, seconds / 200, seed);
    }

    /**
     * Mean queue length against utilisation rho = lambda / mu for each of {@code rhos} (each in (0, 1)), with
     * service rate {@code mu} and {@code seconds} of virtual time per point.
     */
    public static Sweep sweep(double[] rhos, double mu, double seconds, long seed) {
        Check.notNull("rhos", rhos);
        Check.that(rhos.length > 0, "rhos", "[]", "at least one utilisation");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < rhos.length; i++) {
            Check.inRange("rhos[" + i + "]", rhos[i], 0.01, 0.98);
            runs.add(mm1(rhos[i] * mu, mu, seconds, seed + i));
        }
        return new Sweep(rhos.clone(), mu, runs);
    }

    /** The M/M/1 sweep: measured means with their intervals, beside theory. */
    public record Sweep(double[] rhos, double mu, List<Run> runs) {
        public Sweep {
            rhos = rhos.clone();
            runs = List.copyOf(runs);
        }

        @Override public double[] rhos() { return rhos.clone(); }

        /** Measured time-average in system and waiting, with theory dashed in the same hue. */
        public Plot plot() {
            double[] sys = runs.stream().mapToDouble(Run::meanInSystem).toArray();
            double[] wait = runs.stream().mapToDouble(Run::meanWaiting).toArray();
            double[] x = new double[50], ts = new double[50], tw = new double[50];
            double hi = rhos[rhos.length - 1];
            for (int i = 0; i < 50; i++) {
                x[i] = hi * (i + 1) / 50.0;
                ts[i] = Theory.mm1InSystem(x[i]);
                tw[i] = Theory.mm1Waiting(x[i]);
            }
            return Plot.line("Queue length against utilisation, M/M/1", "utilisation rho = lambda / mu",
                            "mean messages in the queue")
                    .points("in the queue incl. in service (simulated)", rhos, sys)
                    .theoryOf("in the queue incl. in service (simulated)", "rho / (1 - rho)", x, ts)
                    .points("waiting (simulated)", rhos, wait)
                    .theoryOf("waiting (simulated)", "rho^2 / (1 - rho)", x, tw);
        }

        /** One row per utilisation: measured ± 95 % half-width, and theory. */
        public Table table() {
            DoubleColumn rho = DoubleColumn.create("rho"), sys = DoubleColumn.create("in queue+service"),
                    sysHw = DoubleColumn.create("± 95% (system)"), sysTh = DoubleColumn.create("rho/(1-rho)"),
                    wait = DoubleColumn.create("waiting"), waitHw = DoubleColumn.create("± 95% (waiting)"),
                    waitTh = DoubleColumn.create("rho²/(1-rho)");
            for (int i = 0; i < rhos.length; i++) {
                Run r = runs.get(i);
                rho.append(rhos[i]);
                sys.append(round(r.meanInSystem()));
                sysHw.append(round(r.halfWidthSystem()));
                sysTh.append(round(Theory.mm1InSystem(rhos[i])));
                wait.append(round(r.meanWaiting()));
                waitHw.append(round(r.halfWidthWaiting()));
                waitTh.append(round(Theory.mm1Waiting(rhos[i])));
            }
            return Table.create(String.format(Locale.ROOT, "M/M/1, mu = %s messages/s: simulated vs theory", fmt(mu)))
                    .addColumns(rho, sys, sysHw, sysTh, wait, waitHw, waitTh);
        }
    }

    /**
     * A producer faster than its consumer: {@code lambda > mu} for {@code seconds}, starting empty; the backlog
     * sampled every second, beside the fluid model (lambda - mu) t.
     */
    public static Plot overload(double lambda, double mu, double seconds, long seed) {
        Check.positive("lambda", lambda);
        Check.positive("mu", mu);
        Run r = simulate(t -> lambda, lambda, mu, Integer.MAX_VALUE, seconds, 0, seconds / 100, seed);
        double[] t = r.times(), theory = new double[t.length];
        for (int i = 0; i < t.length; i++) theory[i] = Theory.fluidBacklog(lambda, mu, t[i]);
        String name = String.format(Locale.ROOT, "backlog, lambda = %s, mu = %s (simulated)", fmt(lambda), fmt(mu));
        return Plot.line("A producer that outruns its consumer", "seconds", "messages in the queue")
                .series(name, t, r.backlog())
                .theoryOf(name, "max(0, lambda - mu) × t", t, theory);
    }

    /**
     * A burst: the producer sends at {@code burstLambda} for {@code burstSeconds} into an empty queue whose
     * consumer processes {@code mu} messages per second; the backlog when the burst ends.
     */
    public static double afterBurst(double burstLambda, double burstSeconds, double mu, long seed) {
        Check.positive("burstLambda", burstLambda);
        Check.positive("burstSeconds", burstSeconds);
        return simulate(t -> burstLambda, burstLambda, mu, Integer.MAX_VALUE, burstSeconds, 0, burstSeconds, seed)
                .finalBacklog();
    }

    /**
     * Back-pressure: a queue bounded at each of {@code capacities} messages, offered {@code lambda} per second
     * with a consumer of {@code mu}; the fraction of messages rejected, beside the M/M/1/K formula.
     */
    public static Table bounded(double lambda, double mu, int[] capacities, double seconds, long seed) {
        Check.positive("lambda", lambda);
        Check.notNull("capacities", capacities);
        IntColumn cap = IntColumn.create("capacity K");
        DoubleColumn rej = DoubleColumn.create("rejected (simulated)"), th = DoubleColumn.create("M/M/1/K formula"),
                len = DoubleColumn.create("mean in queue");
        for (int i = 0; i < capacities.length; i++) {
            int k = Check.positive("capacities[" + i + "]", capacities[i]);
            Run r = simulate(t -> lambda, lambda, mu, k, seconds, seconds * 0.05, seconds / 10, seed + i);
            cap.append(k);
            rej.append(Math.round(r.rejectedFraction() * 10_000) / 10_000.0);
            th.append(Math.round(Theory.mm1kRejected(lambda / mu, k) * 10_000) / 10_000.0);
            len.append(round(r.meanInSystem()));
        }
        return Table.create(String.format(Locale.ROOT, "A bounded queue rejects: lambda = %s, mu = %s per second",
                fmt(lambda), fmt(mu))).addColumns(cap, rej, th, len);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
