package sdx.capstone;

import java.util.List;
import sdx.core.Check;
import sdx.viz.Tables;
import sdx.viz.Tables.HtmlTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 26's experiments: a URL shortener designed in a few settings ({@link Design}), estimated
 * ({@link #estimate}), run through a simulated day ({@link #simulate}) and scored on the outline's four
 * principles ({@link DayReport#scorecard()}).
 *
 * <p>The day is simulated, not run: it needs dozens of machines in three zones for 24 hours. It runs in
 * virtual time, one request in {@link Scenario#sampleEvery()} (see {@link DaySimulation}'s note on why
 * the queues stay right), in about a second, and the same seed gives the same day to every design.
 */
public final class Capstone {
    private Capstone() {}

    /** The estimate for a scenario's traffic, before anything is simulated. */
    public static Estimate estimate(Scenario s) {
        return Estimate.of(s);
    }

    /** The standard day ({@link Scenario#standard()}, {@link Prices#standard()}, {@link Targets#standard()}). */
    public static DayReport simulate(Design d, long seed) {
        return simulate(d, Scenario.standard(), Prices.standard(), Targets.standard(), seed);
    }

    /** A day of {@code s} for design {@code d}, priced and judged against {@code t}. */
    public static DayReport simulate(Design d, Scenario s, Prices p, Targets t, long seed) {
        Check.notNull("d", d);
        Check.notNull("s", s);
        Check.notNull("p", p);
        Check.notNull("t", t);
        return DaySimulation.run(d, s, p, t, seed);
    }

    /** Several designs on the same standard day: one row each, the headline figure of every target. */
    public static HtmlTable compare(long seed, Design... designs) {
        Check.notNull("designs", designs);
        Check.that(designs.length > 0, "designs", designs.length, "must name at least one design");
        Table t = Table.create("designs on the same day (seed " + seed + ")");
        StringColumn name = StringColumn.create("design"), verdict = StringColumn.create("all targets");
        DoubleColumn answered = DoubleColumn.create("answered (%)"), p99 = DoubleColumn.create("worst p99 (ms)"),
                cost = DoubleColumn.create("$/month"), bot = DoubleColumn.create("bot at db (%)");
        for (Design d : designs) {
            DayReport r = simulate(Check.notNull("design", d), seed);
            name.append(d.toString());
            answered.append(Math.round(r.availability() * 1e5) / 1e3);
            p99.append(Math.round(r.worstP99() * 10) / 10.0);
            cost.append(Math.round(r.monthlyCost()));
            bot.append(Math.round(r.botShareToDatabase() * 1e4) / 1e2);
            List<Score> failed = r.scorecard().scores().stream().filter(x -> !x.passed()).toList();
            verdict.append(failed.isEmpty() ? "pass" : "fail: " + String.join(", ", failed.stream().map(Score::id).toList()));
        }
        t.addColumns(name, answered, p99, cost, bot, verdict);
        return Tables.html(t);
    }

    /**
     * Share of time a shard has a live copy, for 1 to {@code maxReplicas} copies, over {@code shardDays}
     * simulated shard-days of independent crashes, beside 1 - (1 - a)^r.
     *
     * @param nodeAvailability each node's availability a, 0.5 to 0.9999
     * @param repairHours      mean hours to repair a node, 0.1 to 100
     * @param maxReplicas      1 to 5
     * @param shardDays        1 to 100,000
     */
    public static ReplicaSweep replicaSweep(double nodeAvailability, double repairHours, int maxReplicas, int shardDays, long seed) {
        Check.inRange("nodeAvailability", nodeAvailability, 0.5, 0.9999);
        Check.inRange("repairHours", repairHours, 0.1, 100);
        Check.inRange("maxReplicas", maxReplicas, 1, 5);
        Check.inRange("shardDays", shardDays, 1, 100_000);
        double[] r = new double[maxReplicas], measured = new double[maxReplicas], theory = new double[maxReplicas];
        double day = DaySimulation.DAY;
        for (int n = 1; n <= maxReplicas; n++) {
            double allDown = 0;
            for (int sd = 0; sd < shardDays; sd++) {
                double[][] down = null;
                for (int j = 0; j < n; j++) {
                    NodeFailures f = NodeFailures.of(nodeAvailability, repairHours * 3600, day, seed, 8L * sd + j);
                    double[][] mine = {f.downStarts(), f.downEnds()};
                    down = down == null ? mine : intersect(down, mine);
                }
                for (int i = 0; i < down[0].length; i++) allDown += down[1][i] - down[0][i];
            }
            r[n - 1] = n;
            measured[n - 1] = 1 - allDown / (day * shardDays);
            theory[n - 1] = Theory.parallel(nodeAvailability, n);
        }
        return new ReplicaSweep(nodeAvailability, r, measured, theory, shardDays);
    }

    /** Intersection of two sorted lists of disjoint intervals [start, end). */
    static double[][] intersect(double[][] a, double[][] b) {
        int n = 0;
        double[] s = new double[a[0].length + b[0].length], e = new double[s.length];
        for (int i = 0, j = 0; i < a[0].length && j < b[0].length; ) {
            double lo = Math.max(a[0][i], b[0][j]), hi = Math.min(a[1][i], b[1][j]);
            if (lo < hi) {
                s[n] = lo;
                e[n++] = hi;
            }
            if (a[1][i] < b[1][j]) i++;
            else j++;
        }
        return new double[][] {java.util.Arrays.copyOf(s, n), java.util.Arrays.copyOf(e, n)};
    }
}
