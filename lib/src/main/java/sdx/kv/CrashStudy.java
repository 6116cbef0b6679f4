package sdx.kv;

import java.util.ArrayList;
import java.util.List;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Acknowledged writes lost per crash, for each durability setting, beside {@link Theory#meanLostWrites}.
 *
 * @param rows            one per setting
 * @param writesPerSecond the write rate of every run
 */
public record CrashStudy(List<Persistence.Losses> rows, double writesPerSecond) {
    public CrashStudy {
        rows = List.copyOf(rows);
    }

    /** The row of the setting labelled {@code label}. */
    public Persistence.Losses row(String label) {
        return rows.stream().filter(r -> r.durability().label().equals(label)).findFirst()
                .orElseThrow(() -> sdx.core.Check.fail("no setting labelled " + label));
    }

    /** One row per setting: crashes, mean and largest loss, theory's mean and one interval's writes. */
    public Table table() {
        StringColumn name = StringColumn.create("setting");
        DoubleColumn interval = DoubleColumn.create("durable every (s)"), acked = DoubleColumn.create("acked writes (mean)"),
                mean = DoubleColumn.create("lost per crash (mean)"), theory = DoubleColumn.create("theory: rate × interval / 2"),
                full = DoubleColumn.create("rate × interval");
        IntColumn max = IntColumn.create("lost (max)"), torn = IntColumn.create("torn tails ignored");
        for (Persistence.Losses r : rows) {
            double seconds = r.durability().intervalMillis() / 1000.0;
            name.append(r.durability().label());
            interval.append(seconds);
            acked.append(round(java.util.Arrays.stream(r.acked()).average().orElse(0)));
            mean.append(round(r.meanLost()));
            theory.append(round(Theory.meanLostWrites(writesPerSecond, seconds)));
            max.append(r.maxLost());
            full.append(round(Theory.fullIntervalWrites(writesPerSecond, seconds)));
            torn.append(r.tornTails());
        }
        return Table.create("Acknowledged writes lost per crash at " + Persistence.fmt(writesPerSecond) + " writes/s, "
                + rows.get(0).lost().length + " crashes per setting").addColumns(name, interval, acked, mean, theory, max,
                full, torn);
    }

    /**
     * Mean loss against the interval between durable points (log-log; {@code always} has none and is left
     * out), with theory dashed.
     */
    public Plot plot() {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (Persistence.Losses r : rows) {
            if (r.durability().intervalMillis() == 0) continue;
            xs.add(r.durability().intervalMillis() / 1000.0);
            ys.add(Math.max(r.meanLost(), 0.1));
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray(), y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] tx = {0.5, 100}, ty = {Theory.meanLostWrites(writesPerSecond, 0.5), Theory.meanLostWrites(writesPerSecond, 100)};
        String measured = "measured (everysec, no, snapshot)";
        return Plot.line("Acknowledged writes lost per crash vs time between durable points",
                        "seconds between fsyncs, write-backs or snapshots", "writes lost per crash (mean)")
                .points(measured, x, y).theoryOf(measured, "theory: rate × interval / 2", tx, ty).logX().logY();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
