package sdx.core;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small statistics helpers and summary tables. */
public final class Stats {
    private Stats() {}

    /** Arithmetic mean of a non-empty array. */
    public static double mean(double... values) {
        Check.notNull("values", values);
        if (values.length == 0) throw Check.fail("values must not be empty");
        double s = 0;
        for (double v : values) s += v;
        return s / values.length;
    }

    /** Max divided by mean: 1.0 is perfect balance; 2.0 means the busiest is twice the average. */
    public static double imbalance(long... loads) {
        Check.notNull("loads", loads);
        if (loads.length == 0) throw Check.fail("loads must not be empty");
        long max = 0, sum = 0;
        for (long l : loads) {
            max = Math.max(max, l);
            sum += l;
        }
        if (sum == 0) throw Check.fail("loads must not all be zero");
        return max / (sum / (double) loads.length);
    }

    /** Sample standard deviation divided by the mean (coefficient of variation). */
    public static double coefficientOfVariation(double... values) {
        double m = mean(values);
        if (values.length < 2) return 0;
        double ss = 0;
        for (double v : values) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (values.length - 1)) / m;
    }

    /** Latency summaries as a Tablesaw table, one row each, times in microseconds. */
    public static Table table(String title, List<Latency.Summary> rows) {
        Check.notNull("rows", rows);
        Table t = Table.create(title == null ? "latency (µs)" : title);
        t.addColumns(StringColumn.create("name"), LongColumn.create("count"), DoubleColumn.create("mean µs"),
                LongColumn.create("p50 µs"), LongColumn.create("p90 µs"), LongColumn.create("p99 µs"),
                LongColumn.create("p99.9 µs"), LongColumn.create("max µs"));
        for (Latency.Summary s : rows) {
            t.stringColumn(0).append(s.name());
            t.longColumn(1).append(s.count());
            t.doubleColumn(2).append(Math.round(s.mean() * 10) / 10.0);
            t.longColumn(3).append(s.p50());
            t.longColumn(4).append(s.p90());
            t.longColumn(5).append(s.p99());
            t.longColumn(6).append(s.p999());
            t.longColumn(7).append(s.max());
        }
        return t;
    }
}
