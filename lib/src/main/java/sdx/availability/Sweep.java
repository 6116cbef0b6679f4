package sdx.availability;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * One experiment's results: one parameter swept along {@code x}, and for each design a measured line (with
 * its standard error) beside its theory.
 *
 * @param title  the chart's and table's title
 * @param xLabel what {@code x} is
 * @param yLabel what the lines measure
 * @param x      the swept parameter
 * @param lines  one measured line (with its theory) per design
 * @param logY   whether the chart's y axis is logarithmic
 */
public record Sweep(String title, String xLabel, String yLabel, double[] x, List<Line> lines, boolean logY) {

    /**
     * A design's measurements and its theory, point by point.
     *
     * @param name          the design, e.g. "parallel"
     * @param measured      the simulated value at each x
     * @param standardError the simulation's standard error at each x
     * @param theoryName    the theory's legend entry
     * @param theory        the theory at each x
     */
    public record Line(String name, double[] measured, double[] standardError, String theoryName, double[] theory) {
        public Line {
            measured = measured.clone();
            standardError = standardError.clone();
            theory = theory.clone();
        }

        @Override
        public double[] measured() {
            return measured.clone();
        }

        @Override
        public double[] standardError() {
            return standardError.clone();
        }

        @Override
        public double[] theory() {
            return theory.clone();
        }

        /** The same line with every value multiplied by {@code factor} (unavailability to hours per year). */
        public Line scaled(double factor) {
            double[] m = measured.clone(), se = standardError.clone(), t = theory.clone();
            for (int i = 0; i < m.length; i++) {
                m[i] *= factor;
                se[i] *= factor;
                t[i] *= factor;
            }
            return new Line(name, m, se, theoryName, t);
        }

        /** The largest |measured − theory| in standard errors. */
        public double largestGapInStandardErrors() {
            double worst = 0;
            for (int i = 0; i < measured.length; i++) {
                worst = Math.max(worst, Math.abs(measured[i] - theory[i]) / Math.max(standardError[i], 1e-300));
            }
            return worst;
        }
    }

    public Sweep {
        Check.notNull("title", title);
        x = x.clone();
        lines = List.copyOf(lines);
        for (Line l : lines) {
            Check.that(l.measured.length == x.length && l.theory.length == x.length, "line " + l.name(),
                    l.measured.length, "must have one value per x (" + x.length + ")");
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /** The line named {@code name}. */
    public Line line(String name) {
        return lines.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> sdx.core.Check.fail(
                "name must be one of " + lines.stream().map(Line::name).toList() + ", was \"" + name + "\""));
    }

    /** Measured lines solid with markers, each theory dashed in its hue. */
    public Plot plot() {
        Plot p = Plot.line(title, xLabel, yLabel);
        for (Line l : lines) {
            double[][] xy = logY ? positive(x, l.measured) : new double[][] {x, l.measured};
            Check.that(xy[0].length > 0, "line " + l.name(), "all zero", "has nothing to draw on a log axis: simulate longer");
            p.series(l.name(), xy[0], xy[1]);
        }
        for (Line l : lines) p.theoryOf(l.name(), l.theoryName(), x, l.theory);
        return logY ? p.logY() : p;
    }

    /** The points with y > 0 (a log axis cannot show 0: no outage seen in the simulated time). */
    private static double[][] positive(double[] x, double[] y) {
        int n = 0;
        for (double v : y) if (v > 0) n++;
        double[] px = new double[n], py = new double[n];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (y[i] > 0) {
                px[j] = x[i];
                py[j++] = y[i];
            }
        }
        return new double[][] {px, py};
    }

    /** x, then for each design: measured, its standard error, and theory. */
    public Table table() {
        Table t = Table.create(title);
        t.addColumns(DoubleColumn.create(xLabel, x));
        List<DoubleColumn> cols = new ArrayList<>();
        for (Line l : lines) {
            cols.add(DoubleColumn.create(l.name() + ", measured", l.measured));
            cols.add(DoubleColumn.create(l.name() + ", ± s.e.", l.standardError));
            cols.add(DoubleColumn.create(l.theoryName(), l.theory));
        }
        cols.forEach(t::addColumns);
        return t;
    }
}
