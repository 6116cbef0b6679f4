package sdx.availability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 06's experiments, one static method per question. Every simulation runs in virtual time
 * (event-driven, no sleeping), takes {@code years} of simulated time and a {@code seed}, and returns numbers
 * with their standard error beside the theory of {@link Theory}.
 */
public final class Availability {
    private Availability() {}

    /** The availabilities the nines table shows by default, in percent. */
    public static final double[] NINES = {90, 99, 99.9, 99.95, 99.99, 99.999};

    /** Downtime per year, month and week for each availability (in percent), computed. */
    public static Table ninesTable(double... percents) {
        Check.notNull("percents", percents);
        Check.that(percents.length > 0, "percents", "[]", "must hold at least one availability");
        StringColumn a = StringColumn.create("availability"), nines = StringColumn.create("nines"),
                year = StringColumn.create("down per year"), month = StringColumn.create("down per month"),
                week = StringColumn.create("down per week");
        for (double pct : percents) {
            Check.that(pct > 0 && pct < 100, "percents[i]", pct, "must be in (0, 100)");
            double u = 1 - pct / 100;
            a.append(String.format(Locale.ROOT, "%s%%", trim(pct)));
            nines.append(String.format(Locale.ROOT, "%.1f", Theory.nines(pct / 100)));
            year.append(Durations.format(u * Theory.HOURS_PER_YEAR));
            month.append(Durations.format(u * Theory.HOURS_PER_MONTH));
            week.append(Durations.format(u * Theory.HOURS_PER_WEEK));
        }
        return Table.create("Downtime allowed by each availability (a year of 365.25 days, a month of a twelfth of it)")
                .addColumns(a, nines, year, month, week);
    }

    /** Simulates {@code system}'s parts failing and being repaired independently for {@code years}. */
    public static Measurement simulate(Block system, double years, long seed) {
        return FailureSimulation.run(system, years, seed);
    }

    /**
     * A few simulated years of {@code system} (0.01 to 100) drawn as a timeline: one lane per part and one for the
     * system, down periods as bars.
     */
    public static sdx.viz.Picture timeline(Block system, double years, long seed) {
        return Timeline.draw(system, years, seed);
    }

    /** Simulates an active–passive pair whose failover takes {@code failoverHours} (see {@link FailoverPair}). */
    public static Measurement simulateFailover(double mtbfHours, double mttrHours, double failoverHours, double years, long seed) {
        return FailoverPair.run(mtbfHours, mttrHours, failoverHours, years, seed);
    }

    /**
     * 1 to {@code maxParts} identical parts, all needed (series) or any one sufficing (parallel): the
     * unavailability measured beside {@code 1 − A^n} and {@code (1 − A)^n}.
     */
    public static Sweep seriesVsParallel(double mtbfHours, double mttrHours, int maxParts, double years, long seed) {
        Check.inRange("maxParts", maxParts, 1, 8);
        double a = Theory.availability(mtbfHours, mttrHours);
        double[] x = new double[maxParts];
        Builder series = new Builder("series (all needed)", "1 − Aⁿ"), parallel = new Builder("parallel (any one)", "(1 − A)ⁿ");
        for (int n = 1; n <= maxParts; n++) {
            x[n - 1] = n;
            Block.Part[] parts = identical(n, mtbfHours, mttrHours);
            series.add(simulate(Block.series(parts), years, seed), 1 - Math.pow(a, n));
            parallel.add(simulate(Block.parallel(parts), years, seed), Math.pow(1 - a, n));
        }
        return new Sweep(String.format(Locale.ROOT, "Series vs parallel: parts with A = %s (MTBF %s h, MTTR %s h)",
                Diagram.percent(a), trim(mtbfHours), trim(mttrHours)), "number of parts n", "unavailability 1 − A",
                x, List.of(series.line(), parallel.line()), true);
    }

    /**
     * {@code needed} servers must be up to carry the load; 0 to {@code maxSpares} spares are added (N+1,
     * N+2, ...): the unavailability measured beside the binomial tail.
     */
    public static Sweep spares(int needed, int maxSpares, double mtbfHours, double mttrHours, double years, long seed) {
        Check.inRange("needed", needed, 1, 10);
        Check.inRange("maxSpares", maxSpares, 0, 6);
        double a = Theory.availability(mtbfHours, mttrHours);
        double[] x = new double[maxSpares + 1];
        Builder line = new Builder(needed + " of n up", "binomial tail");
        for (int s = 0; s <= maxSpares; s++) {
            x[s] = s;
            line.add(simulate(Block.kOfN(needed, identical(needed + s, mtbfHours, mttrHours)), years, seed),
                    1 - Theory.kOfN(needed, needed + s, a));
        }
        return new Sweep(String.format(Locale.ROOT, "N+k redundancy: %d servers needed, each A = %s", needed, Diagram.percent(a)),
                "spare servers k (n = " + needed + " + k)", "unavailability 1 − A", x, List.of(line.line()), true);
    }

    /**
     * Two servers, either one sufficing, behind racks (power, top-of-rack switch) that fail too: both in one
     * shared rack, or each in its own. The series/parallel formula for the diagram
     * {@code parallel(series(rack, A), series(rack, B))} treats the two paths as independent; it is right for
     * separate racks and wrong for a shared one, whose exact availability is {@code A_rack · (1 − (1 − A)²)}.
     * Swept over the rack's MTBF.
     */
    public static Sweep sharedRack(double serverMtbf, double serverMttr, double[] rackMtbfs, double rackMttr,
                                   double years, long seed) {
        Check.notNull("rackMtbfs", rackMtbfs);
        Check.that(rackMtbfs.length > 0, "rackMtbfs", "[]", "must hold at least one MTBF");
        for (double m : rackMtbfs) Check.positive("rackMtbfs[i]", m);
        Builder shared = new Builder("one shared rack", "shared rack counted once (exact)"),
                separate = new Builder("a rack each", "series/parallel formula (paths independent)");
        for (double rackMtbf : rackMtbfs) {
            Block.Part rack = Block.part("rack", rackMtbf, rackMttr), rack2 = Block.part("rack 2", rackMtbf, rackMttr);
            Block.Part a = Block.part("server A", serverMtbf, serverMttr), b = Block.part("server B", serverMtbf, serverMttr);
            Block one = Block.parallel(Block.series(rack, a), Block.series(rack, b));
            Block two = Block.parallel(Block.series(rack, a), Block.series(rack2, b));
            shared.add(simulate(one, years, seed), 1 - one.exactAvailability());
            separate.add(simulate(two, years, seed), 1 - one.availability());
        }
        return new Sweep(String.format(Locale.ROOT, "A redundant pair on one rack or two: servers A = %s, rack MTTR %s h",
                Diagram.percent(Theory.availability(serverMtbf, serverMttr)), trim(rackMttr)), "rack MTBF (hours)",
                "unavailability 1 − A", rackMtbfs, List.of(shared.line(), separate.line()), true);
    }

    /**
     * An active–passive pair whose failover (detection plus promotion) takes 0 to a few minutes or hours: the
     * downtime per year measured beside {@link Theory#failoverPairUnavailability}.
     */
    public static Sweep failover(double mtbfHours, double mttrHours, double[] failoverMinutes, double years, long seed) {
        Check.notNull("failoverMinutes", failoverMinutes);
        Check.that(failoverMinutes.length > 0, "failoverMinutes", "[]", "must hold at least one failover time");
        Builder line = new Builder("active–passive pair", "(1 − A)² + A²·d/MTBF");
        for (double m : failoverMinutes) {
            Check.atLeast("failoverMinutes[i]", m, 0);
            Measurement r = simulateFailover(mtbfHours, mttrHours, m / 60, years, seed);
            line.add(r, Theory.failoverPairUnavailability(mtbfHours, mttrHours, m / 60));
        }
        return new Sweep(String.format(Locale.ROOT, "Failover time as downtime: two servers, MTBF %s h, MTTR %s h",
                trim(mtbfHours), trim(mttrHours)), "failover time d (minutes)", "downtime per year (hours)",
                failoverMinutes, List.of(line.line().scaled(Theory.HOURS_PER_YEAR)), false);
    }

    /**
     * A system's availability three ways: by the series/parallel formulas, exactly (shared parts counted once)
     * and simulated; with the downtime per year and the number of nines of each.
     */
    public static Table evaluate(Block system, double years, long seed) {
        Check.notNull("system", system);
        Measurement m = simulate(system, years, seed);
        StringColumn how = StringColumn.create("how"), a = StringColumn.create("availability"),
                down = StringColumn.create("down per year");
        DoubleColumn nines = DoubleColumn.create("nines");
        add(how, a, down, nines, "series/parallel formulas", system.availability());
        add(how, a, down, nines, "exact (each part counted once)", system.exactAvailability());
        add(how, a, down, nines, String.format(Locale.ROOT, "simulated, %s years (± %s down per year)", trim(years),
                Durations.format(m.standardError() * Theory.HOURS_PER_YEAR)), m.availability());
        return Table.create(system.describe()).addColumns(how, a, down, nines);
    }

    /** Each distinct part of {@code system}: MTBF, MTTR, availability and downtime per year. */
    public static Table parts(Block system) {
        Check.notNull("system", system);
        StringColumn name = StringColumn.create("part"), a = StringColumn.create("availability"),
                down = StringColumn.create("down per year");
        DoubleColumn mtbf = DoubleColumn.create("MTBF (h)"), mttr = DoubleColumn.create("MTTR (h)");
        for (Block.Part p : system.parts()) {
            name.append(p.name());
            mtbf.append(p.mtbfHours());
            mttr.append(p.mttrHours());
            a.append(Diagram.percent(p.availability()));
            down.append(Durations.format(Theory.downtimeHoursPerYear(p.availability())));
        }
        return Table.create("Parts of " + system.describe()).addColumns(name, mtbf, mttr, a, down);
    }

    /**
     * What a target costs in redundancy: for servers of each availability, how many are needed in total when
     * {@code needed} must be up, for each target availability (independent failures, instant failover).
     */
    public static Table redundancyFor(int needed, double[] serverAvailabilities, double[] targets) {
        Check.positive("needed", needed);
        Check.notNull("serverAvailabilities", serverAvailabilities);
        Check.notNull("targets", targets);
        Table t = Table.create(String.format(Locale.ROOT, "Servers needed in total when %d must be up (independent failures, instant failover)", needed));
        StringColumn server = StringColumn.create("server availability");
        for (double a : serverAvailabilities) server.append(Diagram.percent(a));
        t.addColumns(server);
        for (double target : targets) {
            IntColumn col = IntColumn.create("for " + Diagram.percent(target));
            for (double a : serverAvailabilities) col.append(Theory.partsFor(needed, a, target));
            t.addColumns(col);
        }
        return t;
    }

    /**
     * How many failovers per year fit in the downtime budget of {@code target}, for failovers taking each of
     * {@code failoverSeconds} (ignoring every other cause of downtime).
     */
    public static Table failoverBudget(double target, double... failoverSeconds) {
        Check.that(target > 0 && target < 1, "target", target, "must be in (0, 1)");
        Check.notNull("failoverSeconds", failoverSeconds);
        double budgetSeconds = (1 - target) * Theory.HOURS_PER_YEAR * 3600;
        DoubleColumn d = DoubleColumn.create("failover time (s)"), n = DoubleColumn.create("failovers per year allowed");
        for (double s : failoverSeconds) {
            Check.positive("failoverSeconds[i]", s);
            d.append(s);
            n.append(Math.floor(budgetSeconds / s));
        }
        return Table.create("Failovers per year that fit in " + Diagram.percent(target) + "'s budget of "
                + Durations.format(budgetSeconds / 3600) + " a year").addColumns(d, n);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void add(StringColumn how, StringColumn a, StringColumn down, DoubleColumn nines, String label, double value) {
        how.append(label);
        a.append(Diagram.percent(value));
        down.append(Durations.format(Theory.downtimeHoursPerYear(Math.min(1, value))));
        nines.append(value >= 1 ? Double.POSITIVE_INFINITY : Math.round(Theory.nines(value) * 100) / 100.0);
    }

    static Block.Part[] identical(int n, double mtbfHours, double mttrHours) {
        Block.Part[] parts = new Block.Part[n];
        for (int i = 0; i < n; i++) parts[i] = Block.part("server " + (i + 1), mtbfHours, mttrHours);
        return parts;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** Collects a measured line point by point. */
    private static final class Builder {
        private final String name, theoryName;
        private final List<double[]> points = new ArrayList<>();

        Builder(String name, String theoryName) {
            this.name = name;
            this.theoryName = theoryName;
        }

        void add(Measurement m, double theoryUnavailability) {
            points.add(new double[] {m.unavailability(), m.standardError(), theoryUnavailability});
        }

        Sweep.Line line() {
            double[][] cols = new double[3][points.size()];
            for (int i = 0; i < points.size(); i++) for (int c = 0; c < 3; c++) cols[c][i] = points.get(i)[c];
            return new Sweep.Line(name, cols[0], cols[1], theoryName, cols[2]);
        }
    }
}
