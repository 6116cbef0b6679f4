package sdx.storage;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Seeded simulations of the tail: one server's percentiles, the fan-out of a request to many servers, and
 * hedged requests. Latencies are recorded in whole microseconds in an HdrHistogram ({@link Latency}).
 */
public final class Tails {
    private Tails() {}

    /** The percentiles the notebook reads, as fractions. */
    static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 0.9999};

    private static long micros(double ms) {
        return Math.round(ms * 1000);
    }

    /** Measured percentiles of {@code model}, beside the model's exact ones. */
    public record Percentiles(TailModel model, long requests, double meanMs, double[] measuredMs, double[] theoryMs) {
        public Percentiles {
            measuredMs = measuredMs.clone();
            theoryMs = theoryMs.clone();
        }

        @Override public double[] measuredMs() { return measuredMs.clone(); }
        @Override public double[] theoryMs() { return theoryMs.clone(); }

        /** The measured q-quantile in ms, for q in {0.5, 0.9, 0.99, 0.999, 0.9999}. */
        public double measured(double q) {
            for (int i = 0; i < QUANTILES.length; i++) if (QUANTILES[i] == q) return measuredMs[i];
            throw Check.fail("q must be one of 0.5, 0.9, 0.99, 0.999, 0.9999, was " + q);
        }

        /** Mean, p50 ... p99.99: measured and exact. */
        public Table table() {
            StringColumn stat = StringColumn.create("statistic");
            DoubleColumn m = DoubleColumn.create("measured (ms)"), t = DoubleColumn.create("model (ms)");
            stat.append("mean");
            m.append(round(meanMs));
            t.append(round(model.mean()));
            for (int i = 0; i < QUANTILES.length; i++) {
                stat.append(label(QUANTILES[i]));
                m.append(round(measuredMs[i]));
                t.append(round(theoryMs[i]));
            }
            return Table.create(String.format(Locale.ROOT, "one server, %,d requests, 1 in %.0f slow", requests,
                    1 / model.slowShare())).addColumns(stat, m, t);
        }

        /** Latency at each percentile (x: the number of nines), measured and exact, with the mean. */
        public Plot plot() {
            double[] nines = new double[QUANTILES.length];
            double[] mean = new double[QUANTILES.length];
            for (int i = 0; i < nines.length; i++) {
                nines[i] = -Math.log10(1 - QUANTILES[i]);
                mean[i] = meanMs;
            }
            return Plot.line("Latency at each percentile: the mean hides the tail",
                            "percentile (0.3 = p50, 1 = p90, 2 = p99, 3 = p99.9, 4 = p99.99)", "latency (ms)")
                    .series("measured", nines, measuredMs)
                    .theoryOf("measured", "model (exact)", nines, theoryMs)
                    .series("mean (measured)", nines, mean)
                    .logY();
        }
    }

    static String label(double q) {
        String s = String.format(Locale.ROOT, "%.4f", q * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return "p" + s;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Simulates {@code requests} replies of one server and reads mean and percentiles (seeded). */
    public static Percentiles percentiles(TailModel model, int requests, long seed) {
        Check.notNull("model", model);
        Check.inRange("requests", requests, 1_000, 10_000_000);
        UniformRandomProvider rng = Rng.of(seed);
        Latency lat = new Latency("one server");
        double sum = 0;
        for (int i = 0; i < requests; i++) {
            double ms = model.sample(rng);
            sum += ms;
            lat.record(micros(ms));
        }
        double[] measured = new double[QUANTILES.length], theory = new double[QUANTILES.length];
        for (int i = 0; i < QUANTILES.length; i++) {
            measured[i] = lat.percentile(QUANTILES[i] * 100) / 1000.0;
            theory[i] = model.quantile(QUANTILES[i]);
        }
        return new Percentiles(model, requests, sum / requests, measured, theory);
    }

    /** Fan-out measured for each number of servers: slow share and p50/p99 of the request, beside theory. */
    public record FanOutCurve(TailModel model, int requests, int[] servers, double[] slowShare, double[] p50Ms,
                              double[] p99Ms) {
        public FanOutCurve {
            servers = servers.clone();
            slowShare = slowShare.clone();
            p50Ms = p50Ms.clone();
            p99Ms = p99Ms.clone();
        }

        @Override public int[] servers() { return servers.clone(); }
        @Override public double[] slowShare() { return slowShare.clone(); }
        @Override public double[] p50Ms() { return p50Ms.clone(); }
        @Override public double[] p99Ms() { return p99Ms.clone(); }

        /** 1 - (1 - s)^n for each number of servers. */
        public double[] slowShareTheory() {
            double[] t = new double[servers.length];
            for (int i = 0; i < t.length; i++) t[i] = Theory.slowShare(model.slowShare(), servers[i]);
            return t;
        }

        /** The exact p99 of the slowest of n replies, for each n. */
        public double[] p99Theory() {
            double[] t = new double[servers.length];
            for (int i = 0; i < t.length; i++) t[i] = Theory.fanOutQuantile(model, servers[i], 0.99);
            return t;
        }

        private double[] x() {
            double[] x = new double[servers.length];
            for (int i = 0; i < x.length; i++) x[i] = servers[i];
            return x;
        }

        /** Share of slow requests vs fan-out, measured (markers) and 1 - 0.99^n (dashed). */
        public Plot plot() {
            return Plot.line("A request waits for all n servers: share that meets a slow one",
                            "servers per request (n)", "share of requests that are slow")
                    .series("measured", x(), slowShare)
                    .theoryOf("measured", "1 - (1 - s)^n", x(), slowShareTheory())
                    .logX().yRange(0, 1);
        }

        /** The request's p50 and p99 vs fan-out, measured and exact. */
        public Plot percentilePlot() {
            double[] p50t = new double[servers.length];
            for (int i = 0; i < p50t.length; i++) p50t[i] = Theory.fanOutQuantile(model, servers[i], 0.5);
            return Plot.line("Request latency vs fan-out", "servers per request (n)", "latency (ms)")
                    .series("p99", x(), p99Ms).theoryOf("p99", "p99, exact", x(), p99Theory())
                    .series("p50", x(), p50Ms).theoryOf("p50", "p50, exact", x(), p50t)
                    .logX();
        }

        /** One row per fan-out. */
        public Table table() {
            double[] st = slowShareTheory(), pt = p99Theory();
            IntColumn n = IntColumn.create("servers");
            DoubleColumn s = DoubleColumn.create("slow share"), sT = DoubleColumn.create("1 - (1-s)^n"),
                    p50 = DoubleColumn.create("p50 (ms)"), p99 = DoubleColumn.create("p99 (ms)"),
                    p99T = DoubleColumn.create("p99 exact (ms)");
            for (int i = 0; i < servers.length; i++) {
                n.append(servers[i]);
                s.append(round(slowShare[i]));
                sT.append(round(st[i]));
                p50.append(round(p50Ms[i]));
                p99.append(round(p99Ms[i]));
                p99T.append(round(pt[i]));
            }
            return Table.create(String.format(Locale.ROOT, "fan-out, %,d requests per row", requests))
                    .addColumns(n, s, sT, p50, p99, p99T);
        }
    }

    /** Simulates {@code requests} requests for each fan-out in {@code servers} (seeded). */
    public static FanOutCurve fanOut(TailModel model, int[] servers, int requests, long seed) {
        Check.notNull("model", model);
        Check.notEmpty("servers", servers);
        Check.inRange("requests", requests, 1_000, 1_000_000);
        double[] share = new double[servers.length], p50 = new double[servers.length], p99 = new double[servers.length];
        for (int i = 0; i < servers.length; i++) {
            int n = Check.inRange("servers[" + i + "]", servers[i], 1, 10_000);
            Check.that((long) n * requests <= 50_000_000L, "servers x requests", (long) n * requests, "must be <= 50,000,000 (a cell runs in seconds)");
            UniformRandomProvider rng = Rng.of(seed, n);
            Latency lat = new Latency("fan-out " + n);
            boolean[] slow = new boolean[1];
            int slowRequests = 0;
            for (int r = 0; r < requests; r++) {
                double max = 0;
                boolean anySlow = false;
                for (int k = 0; k < n; k++) {
                    max = Math.max(max, model.sample(rng, slow));
                    anySlow |= slow[0];
                }
                if (anySlow) slowRequests++;
                lat.record(micros(max));
            }
            share[i] = (double) slowRequests / requests;
            p50[i] = lat.percentile(50) / 1000.0;
            p99[i] = lat.percentile(99) / 1000.0;
        }
        return new FanOutCurve(model, requests, servers, share, p50, p99);
    }

    /** The p99 (ms) of a request that waits for {@code servers} replies, simulated (seeded). */
    public static double fanOutP99(TailModel model, int servers, int requests, long seed) {
        return fanOut(model, new int[] {servers}, requests, seed).p99Ms()[0];
    }

    /**
     * Hedged requests vs plain ones on the same draws (common random numbers).
     *
     * @param hedgeAfterMs the delay before the second copy
     * @param extraLoad    measured share of sub-requests that sent a second copy
     */
    public record Hedging(TailModel model, int servers, int requests, double hedgeAfterMs, double extraLoad,
                          double[] plainMs, double[] hedgedMs) {
        public Hedging {
            plainMs = plainMs.clone();
            hedgedMs = hedgedMs.clone();
        }

        @Override public double[] plainMs() { return plainMs.clone(); }
        @Override public double[] hedgedMs() { return hedgedMs.clone(); }

        /** Measured p99 of the plain requests (ms). */
        public double plainP99() { return plainMs[2]; }

        /** Measured p99 of the hedged requests (ms). */
        public double hedgedP99() { return hedgedMs[2]; }

        /** Percentiles with and without hedging, the hedged ones beside their exact value; extra load. */
        public Table table() {
            StringColumn stat = StringColumn.create("statistic");
            DoubleColumn plain = DoubleColumn.create("plain (ms)"), hedged = DoubleColumn.create("hedged (ms)"),
                    exact = DoubleColumn.create("hedged, exact (ms)");
            for (int i = 0; i < QUANTILES.length; i++) {
                stat.append(label(QUANTILES[i]));
                plain.append(round(plainMs[i]));
                hedged.append(round(hedgedMs[i]));
                exact.append(round(Theory.hedgedFanOutQuantile(model, servers, hedgeAfterMs, QUANTILES[i])));
            }
            return Table.create(String.format(Locale.ROOT,
                    "%d servers per request, second copy after %.3g ms: %.2f%% extra sub-requests (exact %.2f%%)",
                    servers, hedgeAfterMs, 100 * extraLoad, 100 * Theory.hedgeLoad(model, hedgeAfterMs)))
                    .addColumns(stat, plain, hedged, exact);
        }
    }

    /**
     * Each of {@code requests} requests waits for {@code servers} sub-requests; a sub-request not answered
     * after {@code hedgeAfterMs} sends a second copy to another server and takes whichever answers first.
     * The plain run uses the same first replies (seeded).
     */
    public static Hedging hedged(TailModel model, int servers, double hedgeAfterMs, int requests, long seed) {
        Check.notNull("model", model);
        Check.inRange("servers", servers, 1, 10_000);
        Check.that(hedgeAfterMs >= 0 && !Double.isNaN(hedgeAfterMs), "hedgeAfterMs", hedgeAfterMs,
                "must be >= 0 ms (Double.POSITIVE_INFINITY: never hedge)");
        Check.inRange("requests", requests, 1_000, 1_000_000);
        Check.that((long) servers * requests <= 50_000_000L, "servers x requests", (long) servers * requests, "must be <= 50,000,000");
        UniformRandomProvider rng = Rng.of(seed, 7);
        Latency plain = new Latency("plain"), hedged = new Latency("hedged");
        long copies = 0;
        for (int r = 0; r < requests; r++) {
            double maxPlain = 0, maxHedged = 0;
            for (int k = 0; k < servers; k++) {
                double first = model.sample(rng), second = model.sample(rng);
                double done = first;
                if (first > hedgeAfterMs) {
                    copies++;
                    done = Math.min(first, hedgeAfterMs + second);
                }
                maxPlain = Math.max(maxPlain, first);
                maxHedged = Math.max(maxHedged, done);
            }
            plain.record(micros(maxPlain));
            hedged.record(micros(maxHedged));
        }
        double[] p = new double[QUANTILES.length], h = new double[QUANTILES.length];
        for (int i = 0; i < QUANTILES.length; i++) {
            p[i] = plain.percentile(QUANTILES[i] * 100) / 1000.0;
            h[i] = hedged.percentile(QUANTILES[i] * 100) / 1000.0;
        }
        return new Hedging(model, servers, requests, hedgeAfterMs, (double) copies / ((long) requests * servers), p, h);
    }
}
