package sdx.gossip;

import java.util.List;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Measured curves and the theory drawn beside them, sharing one x axis: what every sweep of this package
 * returns. {@link #plot()} draws them (theory dashed), {@link #table()} lists the numbers.
 *
 * @param title    chart and table title
 * @param xAxis    x axis label
 * @param yAxis    y axis label
 * @param x        the x values
 * @param measured measured curves, in legend order
 * @param theory   theory curves, in legend order (may be empty)
 * @param logX     whether the x axis is logarithmic
 */
public record Curves(String title, String xAxis, String yAxis, double[] x, List<Line> measured, List<Line> theory,
        boolean logX) {

    /**
     * One named curve.
     *
     * @param name legend name
     * @param y    one value per x
     */
    public record Line(String name, double[] y) {
        /** Copies the array. */
        public Line {
            Check.notNull("name", name);
            y = y.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /** Checks and copies. */
    public Curves {
        Check.notNull("title", title);
        x = x.clone();
        measured = List.copyOf(measured);
        theory = List.copyOf(theory);
        for (Line l : measured) Check.that(l.y.length == x.length, "measured " + l.name() + " length", l.y.length, "must equal x length " + x.length);
        for (Line l : theory) Check.that(l.y.length == x.length, "theory " + l.name() + " length", l.y.length, "must equal x length " + x.length);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /** The measured line called {@code name}. */
    public Line measured(String name) {
        return measured.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> Check.fail("name must be one of " + measured.stream().map(Line::name).toList() + ", was " + name));
    }

    /** The theory line called {@code name}. */
    public Line theory(String name) {
        return theory.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> Check.fail("name must be one of " + theory.stream().map(Line::name).toList() + ", was " + name));
    }

    /** The chart: measured lines with markers, theory dashed. */
    public Plot plot() {
        Plot p = Plot.line(title, xAxis, yAxis);
        for (Line l : measured) p.series(l.name(), x, l.y);
        for (Line l : theory) p.theory(l.name(), x, l.y);
        if (logX) p.logX();
        return p;
    }

    /** The numbers: one row per x, one column per line. */
    public Table table() {
        Table t = Table.create(title).addColumns(DoubleColumn.create(xAxis, x));
        for (Line l : measured) t.addColumns(DoubleColumn.create(l.name(), round(l.y)));
        for (Line l : theory) t.addColumns(DoubleColumn.create(l.name(), round(l.y)));
        return t;
    }

    private static double[] round(double[] y) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) r[i] = Math.abs(y[i]) >= 1 ? Math.round(y[i] * 100) / 100.0 : y[i];
        return r;
    }
}
