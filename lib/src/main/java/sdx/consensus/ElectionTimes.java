package sdx.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import sdx.core.Check;
import sdx.sim.Time;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The experiment of the Raft paper's Figure 16 (Ongaro and Ousterhout 2014, §9.3) on the simulator:
 * five servers, one-way delays uniform in 5–10 ms, heartbeats every half minimum timeout; once a leader
 * is stable it crashes at a uniformly random moment within its heartbeat interval, and we measure the
 * time until a survivor becomes leader. Each timeout range gets {@code trials} seeded trials.
 *
 * <p>Beside each election we record the first election timeout after the crash, whose distribution
 * theory gives exactly ({@link #firstTimeoutCdf}): the earliest of four followers' timers, each
 * started when the last heartbeat reached it.
 */
public final class ElectionTimes {

    /** Servers in the cluster, as in the paper. */
    public static final int SERVERS = 5;
    /** How long a trial waits for a new leader before it counts as "no leader yet". */
    public static final long HORIZON = Time.s(10);

    /**
     * One timeout range's trials.
     *
     * @param minMs        smallest election timeout, ms
     * @param maxMs        largest election timeout, ms
     * @param electionMs   per trial, ms from the crash to a new leader (+infinity: none within the horizon)
     * @param firstTimeoutMs per trial, ms from the crash to the first election timeout
     * @param elections    per trial, elections started until a leader won
     */
    public record Range(double minMs, double maxMs, double[] electionMs, double[] firstTimeoutMs, int[] elections) {
        /** Copies the arrays. */
        public Range {
            electionMs = electionMs.clone();
            firstTimeoutMs = firstTimeoutMs.clone();
            elections = elections.clone();
        }

        @Override
        public double[] electionMs() { return electionMs.clone(); }

        @Override
        public double[] firstTimeoutMs() { return firstTimeoutMs.clone(); }

        @Override
        public int[] elections() { return elections.clone(); }

        /** "150–300 ms". */
        public String label() {
            return String.format(Locale.ROOT, "%s–%s ms", num(minMs), num(maxMs));
        }

        /** The {@code q}-quantile of the election time (may be +infinity when many trials found no leader). */
        public double electionQuantile(double q) {
            return quantile(electionMs, q);
        }

        /** Share of trials that needed more than one election (a split vote or a lost race). */
        public double splitShare() {
            return Arrays.stream(elections).filter(e -> e > 1).count() / (double) elections.length;
        }

        /** Share of trials with no leader within {@link #HORIZON}. */
        public double noLeaderShare() {
            return Arrays.stream(electionMs).filter(Double::isInfinite).count() / (double) electionMs.length;
        }
    }

    private final List<Range> ranges;

    private ElectionTimes(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The ranges, in the order measured. */
    public List<Range> ranges() {
        return ranges;
    }

    /** The paper's top panel: 150 ms minimum, growing randomness. */
    public static final double[][] PAPER_RANDOMNESS = {{150, 150}, {150, 151}, {150, 155}, {150, 175}, {150, 200},
        {150, 300}};
    /** The paper's bottom panel: shorter timeouts, each range as wide as its minimum. */
    public static final double[][] PAPER_SHORT = {{12, 24}, {25, 50}, {50, 100}, {100, 200}, {150, 300}};

    /**
     * Measures {@code trials} leader crashes per timeout range.
     *
     * @param ranges pairs {min, max} in ms, 1 <= min <= max <= 10,000
     * @param trials trials per range, 1..100,000
     * @param seed   the experiment's seed (trial i of every range uses seed + i)
     */
    public static ElectionTimes measure(double[][] ranges, int trials, long seed) {
        Check.notNull("ranges", ranges);
        Check.that(ranges.length > 0, "ranges", "[]", "must name at least one {min, max} pair");
        Check.inRange("trials", trials, 1, 100_000);
        List<Range> out = new ArrayList<>();
        for (double[] r : ranges) {
            Check.that(r != null && r.length == 2, "ranges", Arrays.toString(r), "each must be a pair {min, max} in ms");
            Check.inRange("min timeout (ms)", r[0], 1, 10_000);
            Check.inRange("max timeout (ms)", r[1], r[0], 10_000);
            out.add(measureRange(r[0], r[1], trials, seed));
        }
        return new ElectionTimes(out);
    }

    private static Range measureRange(double minMs, double maxMs, int trials, long seed) {
        double[] elect = new double[trials], first = new double[trials];
        int[] elections = new int[trials];
        RaftConfig config = RaftConfig.timeouts(minMs, maxMs);
        for (int t = 0; t < trials; t++) {
            Trial r = trial(config, seed + t);
            elect[t] = r.electionMs;
            first[t] = r.firstTimeoutMs;
            elections[t] = r.elections;
        }
        return new Range(minMs, maxMs, elect, first, elections);
    }

    private record Trial(double electionMs, double firstTimeoutMs, int elections) {}

    private static Trial trial(RaftConfig config, long seed) {
        // 1. a first leader. With fixed timeouts a cold start can split votes for ever (the servers stay in
        //    lockstep): then boot again with the next sub-seed, as an operator would restart the cluster.
        RaftAudit audit = null;
        Cluster<RaftMessage> c = null;
        for (int boot = 0; boot < 100 && (c == null || Raft.leader(c) == null); boot++) {
            audit = new RaftAudit();
            Cluster<RaftMessage> cc = Raft.cluster(SERVERS, config, audit, seed * 1_000_003L + boot);
            c = cc;
            cc.bootAt(Raft.name(0), 0); // n1 boots first and is usually the first leader; the rest within BOOT_SPREAD
            c.runUntil(Raft.BOOT_SPREAD); // every server is up
            c.runUntil(() -> Raft.leader(cc) != null, Raft.BOOT_SPREAD + Time.s(3));
            // settle: late-booting servers may still depose the first leader; keep the one standing after that
            if (Raft.leader(c) != null) c.runUntil(c.now() + 2 * config.timeoutMaxMicros());
        }
        String old = Raft.leader(c);
        if (old == null) throw new IllegalStateException("no first leader in 100 boots (seed " + seed + ")");
        return afterBoot(c, audit, old, config, seed);
    }

    private static Trial afterBoot(Cluster<RaftMessage> c, RaftAudit audit, String old, RaftConfig config, long seed) {
        RaftNode leader = Raft.node(c, old);
        long sentAt = leader.lastHeartbeatAt;
        c.runUntil(() -> Raft.leader(c) == null || leader.lastHeartbeatAt > sentAt, HORIZON);
        // 2. crash it at a uniformly random moment within its heartbeat interval
        long crashAt = c.now() + new SplittableRandom(seed * 31 + 7).nextLong(config.heartbeatMicros());
        long oldTerm = leader.term();
        c.at(crashAt, () -> c.crash(old));
        c.runUntil(crashAt);
        audit.watchFrom = crashAt;
        long started = audit.electionsStarted;
        int winsBefore = audit.wins.size();
        // 3. until a survivor wins a later term
        boolean elected = c.runUntil(() -> audit.wins.size() > winsBefore, crashAt + HORIZON);
        double electMs = elected ? Time.toMs(audit.wins.get(audit.wins.size() - 1).time() - crashAt)
                : Double.POSITIVE_INFINITY;
        assert !elected || audit.wins.get(audit.wins.size() - 1).term() > oldTerm;
        double firstMs = audit.firstTimeoutAfter < 0 ? Double.POSITIVE_INFINITY : Time.toMs(audit.firstTimeoutAfter - crashAt);
        return new Trial(electMs, firstMs, (int) (audit.electionsStarted - started));
    }

    /**
     * Theory: P(first election timeout after the crash <= t ms). Follower i's timer starts when the last
     * heartbeat reaches it (delay L_i ~ U(latMin, latMax)) and runs T_i ~ U(min, max); the leader
     * crashes U ~ U(0, heartbeat) after sending that heartbeat. So the first timeout comes
     * min_i(L_i + T_i) - U after the crash: the minimum of k sums of two uniforms, shifted by a
     * uniform. Integrated numerically over U (Simpson, 400 panels).
     */
    public static double firstTimeoutCdf(double t, double minMs, double maxMs, double heartbeatMs, double latMinMs,
            double latMaxMs, int followers) {
        int panels = 400;
        double h = heartbeatMs / panels, sum = 0;
        for (int i = 0; i <= panels; i++) {
            double u = i * h;
            double fx = uniformSumCdf(t + u, latMinMs, latMaxMs, minMs, maxMs);
            double fmin = 1 - Math.pow(1 - fx, followers);
            sum += fmin * (i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3 / heartbeatMs;
    }

    /** The theory CDF for this study's cluster (4 surviving followers, 5–10 ms delays, heartbeat = min/2). */
    public static double firstTimeoutCdf(double t, double minMs, double maxMs) {
        return firstTimeoutCdf(t, minMs, maxMs, minMs / 2, Time.toMs(Raft.LATENCY_MIN), Time.toMs(Raft.LATENCY_MAX),
                SERVERS - 1);
    }

    /** Expected first timeout after the crash, ms: the integral of 1 - CDF. */
    public static double expectedFirstTimeout(double minMs, double maxMs) {
        double lo = minMs - minMs / 2, hi = maxMs + Time.toMs(Raft.LATENCY_MAX);
        int steps = 2000;
        double dt = (hi - lo) / steps, sum = 0;
        for (int i = 0; i < steps; i++) sum += 1 - firstTimeoutCdf(lo + (i + 0.5) * dt, minMs, maxMs);
        return lo + sum * dt;
    }

    /** CDF of U(a,b) + U(c,d) at x; a zero-width uniform is a constant. */
    static double uniformSumCdf(double x, double a, double b, double c, double d) {
        double w1 = b - a, w2 = d - c;
        if (w1 <= 0 && w2 <= 0) return x >= a + c ? 1 : 0;
        if (w1 <= 0) return clamp((x - a - c) / w2);
        if (w2 <= 0) return clamp((x - a - c) / w1);
        double y = x - a - c; // sum of U(0,w1) and U(0,w2)
        return (ramp2(y) - ramp2(y - w1) - ramp2(y - w2) + ramp2(y - w1 - w2)) / (2 * w1 * w2);
    }

    private static double ramp2(double y) {
        return y > 0 ? y * y : 0;
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    /** CDFs of the election time, one curve per range, on a log x axis as in the paper. */
    public Plot plot(String title) {
        Plot p = Plot.cdf(title, "time without a leader after the crash (ms, log scale)").logX();
        for (Range r : ranges) {
            double[][] xy = censoredCdf(r.electionMs, 60);
            p.series(r.label(), xy[0], xy[1]);
        }
        return p;
    }

    /**
     * For one range: the measured first timeout, its theory (dashed), and the measured election time,
     * which adds a vote round trip and any split votes.
     */
    public Plot plotTheory(int rangeIndex) {
        Check.inRange("rangeIndex", rangeIndex, 0, ranges.size() - 1);
        Range r = ranges.get(rangeIndex);
        double[][] first = censoredCdf(r.firstTimeoutMs, 60);
        double lo = Arrays.stream(r.firstTimeoutMs).min().orElse(0), hi = r.maxMs + 12;
        double[] tx = new double[120], ty = new double[120];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = lo + (hi - lo) * i / (tx.length - 1);
            ty[i] = firstTimeoutCdf(tx[i], r.minMs, r.maxMs);
        }
        double[][] elect = censoredCdf(r.electionMs, 60);
        return Plot.cdf("Timeouts " + r.label() + ": first timeout after the crash, and the election", "ms after the crash")
                .series("first timeout (measured)", first[0], first[1])
                .theory("first timeout (theory)", tx, ty)
                .series("new leader (measured)", elect[0], elect[1]);
    }

    /** One row per range: median, p90 and p99 election time, share of trials with a split vote, and with no leader. */
    public Table table() {
        StringColumn range = StringColumn.create("timeouts");
        StringColumn p50 = StringColumn.create("median ms"), p90 = StringColumn.create("p90 ms"),
                p99 = StringColumn.create("p99 ms");
        DoubleColumn split = DoubleColumn.create("trials with >1 election %"),
                none = DoubleColumn.create("no leader in 10 s %");
        for (Range r : ranges) {
            range.append(r.label());
            p50.append(msOrNone(r.electionQuantile(0.5)));
            p90.append(msOrNone(r.electionQuantile(0.9)));
            p99.append(msOrNone(r.electionQuantile(0.99)));
            split.append(round1(100 * r.splitShare()));
            none.append(round1(100 * r.noLeaderShare()));
        }
        return Table.create(String.format(Locale.ROOT, "Time to elect a new leader after the leader crashes (%d trials per range)",
                ranges.get(0).electionMs.length)).addColumns(range, p50, p90, p99, split, none);
    }

    /** A quantile in ms, or "no leader" when that share of trials had none within the horizon. */
    private static String msOrNone(double ms) {
        return Double.isFinite(ms) ? String.format(Locale.ROOT, "%.1f", round1(ms))
                : String.format(Locale.ROOT, "no leader in %.0f s", HORIZON / 1e6);
    }

    /** Empirical CDF at about {@code points} points; infinite samples count in n but are never reached. */
    static double[][] censoredCdf(double[] samples, int points) {
        double[] finite = Arrays.stream(samples).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) return new double[][] {{HORIZON / 1e3}, {0}};
        int k = Math.min(points, finite.length);
        double[] x = new double[k], y = new double[k];
        for (int i = 0; i < k; i++) {
            int idx = (int) Math.min(finite.length - 1, Math.round((i + 1.0) * finite.length / k) - 1);
            x[i] = finite[idx];
            y[i] = (idx + 1.0) / samples.length;
        }
        return new double[][] {x, y};
    }

    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
