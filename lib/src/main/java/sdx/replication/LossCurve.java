package sdx.replication;

import sdx.viz.Plot;
import sdx.viz.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Asynchronous replication to one follower: acknowledged writes lost at a crash against the write rate,
 * beside Little's law (rate × mean replication lag, measured in the same runs).
 *
 * @param rates   writes per second
 * @param lost    mean acknowledged writes lost per crash, at each rate
 * @param meanLagMs mean replication lag at each rate, ms
 * @param runs    crashes per rate
 */
public record LossCurve(double[] rates, double[] lost, double[] meanLagMs, int runs) {
    public LossCurve {
        rates = rates.clone();
        lost = lost.clone();
        meanLagMs = meanLagMs.clone();
    }

    @Override public double[] rates() { return rates.clone(); }
    @Override public double[] lost() { return lost.clone(); }
    @Override public double[] meanLagMs() { return meanLagMs.clone(); }

    /** Little's law at each rate: rate × mean lag. */
    public double[] theory() {
        double[] t = new double[rates.length];
        for (int i = 0; i < t.length; i++) t[i] = Theory.lostAtCrash(rates[i], meanLagMs[i] * 1000);
        return t;
    }

    /** Measured points and Little's law, dashed. */
    public Plot plot() {
        return Plot.line("Asynchronous replication: writes lost when the leader dies", "writes per second",
                        "acknowledged writes lost per crash")
                .points("measured (" + runs + " crashes per rate)", rates, lost)
                .theoryOf("measured (" + runs + " crashes per rate)", "Little's law: rate × mean lag", rates, theory());
    }

    /** The numbers behind the plot. */
    public Tables.HtmlTable table() {
        return Tables.html(Table.create("Lost writes vs write rate").addColumns(
                DoubleColumn.create("writes/s", rates), DoubleColumn.create("mean lag ms", round(meanLagMs)),
                DoubleColumn.create("lost per crash", round(lost)), DoubleColumn.create("rate × mean lag", round(theory()))));
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Percentiles.round(v[i], 2);
        return r;
    }
}
