package sdx.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The flood model over a range of attack rates, one row per (protection, rate), with theory beside it.
 *
 * @param settings the server and clients
 * @param seconds  virtual seconds per run
 * @param rates    the attack rates, requests/s
 * @param outcomes per protection, one outcome per rate
 */
public record FloodSweep(FloodSettings settings, double seconds, double[] rates, Map<Protection, List<FloodOutcome>> outcomes) {
    public FloodSweep {
        rates = rates.clone();
        outcomes = Map.copyOf(outcomes);
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    /** Theory's goodput at each rate (NaN where there is none). */
    public double[] theory(Protection p) {
        double[] y = new double[rates.length];
        for (int i = 0; i < rates.length; i++) y[i] = FloodTheory.goodput(settings, p, rates[i], seconds);
        return y;
    }

    /** Measured goodput at each rate. */
    public double[] goodput(Protection p) {
        return outcomes.get(p).stream().mapToDouble(FloodOutcome::goodput).toArray();
    }

    /** Legitimate goodput vs attack rate, one line per protection, theory dashed in the same hue. */
    public Plot plot() {
        Plot plot = Plot.line("Legitimate goodput under a flood (model, virtual time)", "attack rate (requests/s)",
                "legitimate requests/s answered within " + fmt(settings.deadlineMillis()) + " ms");
        for (Protection p : Protection.values()) plot.series(p.label(), rates, goodput(p));
        for (Protection p : Protection.values()) {
            if (p != Protection.CONNECTION_CAP) plot.theoryOf(p.label(), p.label() + ", theory", rates, theory(p));
        }
        return plot.yRange(0, settings.legitRate() * 1.1);
    }

    /** One row per protection and rate: goodput measured and in theory, p99, attacker served, rejected. */
    public Table table() {
        List<String> names = new ArrayList<>();
        List<Double> rate = new ArrayList<>(), good = new ArrayList<>(), theory = new ArrayList<>(),
                p99 = new ArrayList<>(), served = new ArrayList<>(), rejected = new ArrayList<>();
        for (Protection p : Protection.values()) {
            double[] t = theory(p);
            List<FloodOutcome> list = outcomes.get(p);
            for (int i = 0; i < list.size(); i++) {
                FloodOutcome o = list.get(i);
                names.add(p.label());
                rate.add(o.attackRate());
                good.add(round(o.goodput()));
                theory.add(round(t[i]));
                p99.add(round(o.p99Millis()));
                served.add(round(o.attackServed() / seconds));
                rejected.add(round(o.rejected() / seconds));
            }
        }
        return Table.create("Flood model: " + fmt(seconds) + " virtual seconds per row").addColumns(
                StringColumn.create("protection", names),
                DoubleColumn.create("attack rate", rate),
                DoubleColumn.create("legit goodput", good),
                DoubleColumn.create("theory", theory),
                DoubleColumn.create("legit p99 (virtual ms)", p99),
                DoubleColumn.create("attack served per s", served),
                DoubleColumn.create("rejected per s", rejected));
    }

    static double round(double x) {
        return Double.isNaN(x) ? x : Math.round(x * 10) / 10.0;
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
