package sdx.capacity;

import java.util.Arrays;
import java.util.List;
import sdx.capacity.Assumptions.Knob;
import sdx.capacity.Theory.LogNormal;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The peak egress bandwidth when some assumptions are known only as 90% intervals: {@code draws} seeded
 * estimates, each with every uncertain knob drawn from its lognormal, beside the lognormal the product
 * must follow ({@link Theory.LogNormal#times(LogNormal)}).
 *
 * @param ranges  the uncertain knobs and their intervals
 * @param gbits   peak egress of each draw, gigabits per second
 * @param theory  the distribution theory predicts for it
 */
public record Uncertainty(List<Range> ranges, double[] gbits, LogNormal theory) {

    /**
     * One knob known only as a 90% interval.
     *
     * @param knob the assumption
     * @param low  the 5th percentile
     * @param high the 95th percentile
     */
    public record Range(Knob knob, double low, double high) {
        public Range {
            sdx.core.Check.notNull("knob", knob);
            LogNormal.ofInterval(low, high); // checks low > 0 and high >= low
        }

        LogNormal distribution() {
            return LogNormal.ofInterval(low, high);
        }
    }

    public Uncertainty {
        ranges = List.copyOf(ranges);
        gbits = gbits.clone();
    }

    @Override
    public double[] gbits() {
        return gbits.clone();
    }

    /** The {@code p}-quantile of the draws. */
    public double quantile(double p) {
        double[] sorted = gbits.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    /** The largest gap between the draws' CDF and theory's (the Kolmogorov–Smirnov distance). */
    public double ksDistance() {
        double[] sorted = gbits.clone();
        Arrays.sort(sorted);
        double d = 0;
        for (int i = 0; i < sorted.length; i++) {
            double f = theory.cdf(sorted[i]);
            d = Math.max(d, Math.max(Math.abs(f - i / (double) sorted.length), Math.abs(f - (i + 1) / (double) sorted.length)));
        }
        return d;
    }

    /** The draws' CDF with theory dashed over it, on a log axis. */
    public Plot plot() {
        double lo = theory.quantile(0.001), hi = theory.quantile(0.999);
        int n = 200;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, i / (n - 1.0));
            y[i] = theory.cdf(x[i]);
        }
        return Plot.cdf("Peak egress when " + ranges.size() + " assumptions are uncertain", "peak egress (Gbit/s)")
                .cdf("estimates", gbits)
                .theoryOf("estimates", "lognormal product theory", x, y)
                .logX();
    }

    /** The 5th, 50th and 95th percentiles, drawn and predicted. */
    public Table table() {
        Table t = Table.create("Peak egress, Gbit/s (" + gbits.length + " estimates)");
        t.addColumns(StringColumn.create("percentile"), DoubleColumn.create("estimates"), DoubleColumn.create("theory"));
        for (double p : new double[] {0.05, 0.5, 0.95}) {
            t.stringColumn(0).append(Math.round(p * 100) + "th");
            t.doubleColumn(1).append(round3(quantile(p)));
            t.doubleColumn(2).append(round3(theory.quantile(p)));
        }
        return t;
    }

    private static double round3(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }
}
