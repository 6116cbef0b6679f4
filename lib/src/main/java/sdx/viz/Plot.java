package sdx.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import sdx.core.Check;

/**
 * A themed chart, built in a few calls and shown inline when it is the last expression of a cell:
 *
 * <pre>{@code
 * Plot.line("Hit ratio vs cache size", "cache size (% of keys)", "hit ratio")
 *     .series("LRU (simulated)", x, lru)
 *     .theory("LRU (Che's approximation)", x, che)
 * }</pre>
 *
 * Theory series are dashed and unmarked; measured series are solid with markers. The legend sits
 * below the plot so it never covers data. In kernels without the JJava display hook, call
 * {@link #image()}: every Jupyter Java kernel shows a {@code BufferedImage}.
 */
public final class Plot {
    /** Default size in pixels. */
    public static final int WIDTH = 760, HEIGHT = 440;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
    };

    private final Chart<?, ?> chart;
    private int seriesCount;

    private Plot(Chart<?, ?> chart) {
        this.chart = chart;
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
    }

    /** A line chart: x and y numeric. */
    public static Plot line(String title, String xAxis, String yAxis) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(Check.notNull("title", title)).xAxisTitle(Check.notNull("xAxis", xAxis))
                .yAxisTitle(Check.notNull("yAxis", yAxis)).build();
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setPlotGridLinesColor(new Color(0xe6e6e6));
        return new Plot(c);
    }

    /** A bar chart: one bar per category, one colour per series. */
    public static Plot bar(String title, String xAxis, String yAxis) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(Check.notNull("title", title)).xAxisTitle(Check.notNull("xAxis", xAxis))
                .yAxisTitle(Check.notNull("yAxis", yAxis)).build();
        c.getStyler().setOverlapped(false);
        c.getStyler().setPlotGridLinesColor(new Color(0xe6e6e6));
        c.getStyler().setXAxisLabelRotation(0);
        return new Plot(c);
    }

    /** A histogram of {@code values} in {@code bins} equal-width bins. */
    public static Plot histogram(String title, String xAxis, String name, double[] values, int bins) {
        Check.notNull("values", values);
        Check.that(values.length > 0, "values", "[]", "must not be empty");
        Check.positive("bins", bins);
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        double width = max > min ? (max - min) / bins : 1;
        double[] centers = new double[bins];
        double[] counts = new double[bins];
        for (int b = 0; b < bins; b++) centers[b] = min + (b + 0.5) * width;
        for (double v : values) counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        List<String> labels = Arrays.stream(centers).mapToObj(Plot::shortNumber).toList();
        return bar(title, xAxis, "count").bars(name, labels, counts);
    }

    /** A cumulative distribution chart; add curves with {@link #cdf(String, double[])}. */
    public static Plot cdf(String title, String xAxis) {
        return line(title, xAxis, "fraction ≤ x").yRange(0, 1);
    }

    /** Adds a measured series: solid line with markers. */
    public Plot series(String name, double[] x, double[] y) {
        XYSeries s = xy().addSeries(uniqueName(name), checkX(x), checkY(x, y));
        s.setMarker(SeriesMarkers.CIRCLE);
        seriesCount++;
        return this;
    }

    /** Adds a measured series of points only (no line). */
    public Plot points(String name, double[] x, double[] y) {
        XYSeries s = xy().addSeries(uniqueName(name), checkX(x), checkY(x, y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        seriesCount++;
        return this;
    }

    /** Adds a theory series: dashed line, no markers, same colour family as the data. */
    public Plot theory(String name, double[] x, double[] y) {
        XYSeries s = xy().addSeries(uniqueName(name), checkX(x), checkY(x, y));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        seriesCount++;
        return this;
    }

    /** Adds the empirical CDF of {@code samples} as a step-like line. */
    public Plot cdf(String name, double[] samples) {
        Check.notNull("samples", samples);
        Check.that(samples.length > 0, "samples", "[]", "must not be empty");
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int points = Math.min(sorted.length, 400);
        double[] x = new double[points], y = new double[points];
        for (int i = 0; i < points; i++) {
            int idx = (int) Math.min(sorted.length - 1, Math.round((i + 1.0) * sorted.length / points) - 1);
            x[i] = sorted[idx];
            y[i] = (idx + 1.0) / sorted.length;
        }
        XYSeries s = xy().addSeries(uniqueName(name), x, y);
        s.setMarker(SeriesMarkers.NONE);
        seriesCount++;
        return this;
    }

    /** Adds one series of bars to a bar chart. */
    public Plot bars(String name, List<String> categories, double[] values) {
        Check.notNull("categories", categories);
        Check.notNull("values", values);
        Check.that(categories.size() == values.length, "values.length", values.length,
                "must equal categories.size() = " + categories.size());
        Check.that(!categories.isEmpty(), "categories", categories, "must not be empty");
        if (!(chart instanceof CategoryChart c)) {
            throw new IllegalStateException("bars(...) needs a chart made by Plot.bar or Plot.histogram");
        }
        c.addSeries(uniqueName(name), categories, Arrays.stream(values).boxed().toList());
        seriesCount++;
        return this;
    }

    /** Logarithmic x axis (all x values must be > 0). */
    public Plot logX() {
        xy().getStyler().setXAxisLogarithmic(true);
        return this;
    }

    /** Logarithmic y axis (all y values must be > 0). */
    public Plot logY() {
        if (chart instanceof CategoryChart c) c.getStyler().setYAxisLogarithmic(true);
        else xy().getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /** Fixes the y range. */
    public Plot yRange(double min, double max) {
        Check.that(max > min, "max", max, "must be > min = " + min);
        if (chart instanceof CategoryChart c) {
            c.getStyler().setYAxisMin(min);
            c.getStyler().setYAxisMax(max);
        } else {
            xy().getStyler().setYAxisMin(min);
            xy().getStyler().setYAxisMax(max);
        }
        return this;
    }

    /** Fixes the x range (line charts). */
    public Plot xRange(double min, double max) {
        Check.that(max > min, "max", max, "must be > min = " + min);
        xy().getStyler().setXAxisMin(min);
        xy().getStyler().setXAxisMax(max);
        return this;
    }

    /** Number of series added so far. */
    public int seriesCount() {
        return seriesCount;
    }

    /** The chart's title. */
    public String title() {
        return chart.getTitle();
    }

    /**
     * The chart rendered as an image: displays inline in any Jupyter Java kernel. {@link #WIDTH} wide
     * when the legend fits in one row below the plot; otherwise the legend becomes a column on the
     * right and the image grows wider by that column, so the plot keeps its size.
     */
    public BufferedImage image() {
        if (seriesCount == 0) {
            throw new IllegalStateException("chart '" + title() + "' has no series yet: add one with series(...)");
        }
        plainNumbers();
        int width = WIDTH + placeLegend();
        BufferedImage img = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.paint(g, width, HEIGHT);
        g.dispose();
        return img;
    }

    /** Linear axes label 100,000 as "100,000", not "1E5"; log axes keep XChart's powers of ten. */
    private void plainNumbers() {
        String pattern = "#,##0.####";
        if (chart instanceof XYChart c) {
            if (!c.getStyler().isXAxisLogarithmic()) c.getStyler().setXAxisDecimalPattern(pattern);
            if (!c.getStyler().isYAxisLogarithmic()) c.getStyler().setYAxisDecimalPattern(pattern);
        } else if (chart instanceof CategoryChart c && !c.getStyler().isYAxisLogarithmic()) {
            c.getStyler().setYAxisDecimalPattern(pattern);
        }
    }

    /** Puts the legend below the plot if one row fits, else to the right; returns the extra width needed. */
    private int placeLegend() {
        int row = 0, longest = 0;
        for (String name : chart.getSeriesMap().keySet()) {
            row += 8 * name.length() + 50;
            longest = Math.max(longest, name.length());
        }
        boolean fitsBelow = row < WIDTH - 40;
        chart.getStyler().setLegendPosition(fitsBelow ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(fitsBelow ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        return fitsBelow ? 0 : 7 * longest + 60;
    }

    /** Writes the chart as a PNG file. */
    public Path save(Path file) {
        Check.notNull("file", file);
        try {
            javax.imageio.ImageIO.write(image(), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "Plot[" + title() + ", " + seriesCount + " series]";
    }

    private XYChart xy() {
        if (chart instanceof XYChart c) return c;
        throw new IllegalStateException("this call needs a chart made by Plot.line or Plot.cdf");
    }

    private String uniqueName(String name) {
        Check.notNull("name", name);
        String n = name;
        for (int i = 2; chart.getSeriesMap().containsKey(n); i++) n = name + " (" + i + ")";
        return n;
    }

    private static double[] checkX(double[] x) {
        Check.notNull("x", x);
        Check.that(x.length > 0, "x", "[]", "must not be empty");
        return x;
    }

    private static double[] checkY(double[] x, double[] y) {
        Check.notNull("y", y);
        Check.that(y.length == x.length, "y.length", y.length, "must equal x.length = " + x.length);
        return y;
    }

    private static String shortNumber(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) return String.valueOf(Math.round(v));
        return String.format(java.util.Locale.ROOT, "%.2g", v);
    }
}
