package sdx.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import sdx.core.Check;
import sdx.core.EmpiricalCdf;

/**
 * A themed chart, built in a few calls and shown inline when it is the last expression of a cell:
 *
 * <pre>{@code
 * Plot.line("Hit ratio vs cache size", "cache size (% of keys)", "hit ratio")
 *     .series("LRU", x, lru)                                  // measured: solid, with markers
 *     .theoryOf("LRU", "LRU, Che's approximation", x, che)    // its model: dashed, same hue, on top
 * }</pre>
 *
 * <p><b>Colours.</b> The palette is Okabe and Ito's colour-blind-safe set (yellow left out: it is
 * unreadable as a line on white), each hue with its own marker shape so series stay apart in greyscale.
 * A series name keeps its hue across all charts of a session (a notebook): the first chart that uses
 * "LRU" fixes its colour. Two names never share a hue within one chart while free hues remain.
 *
 * <p><b>Theory beside measurement.</b> A theory curve is dashed, thicker than the data, unmarked and
 * drawn after every measured series so it is never hidden. It takes the hue of the measurement it
 * models: say which with {@link #theoryOf(String, String, double[], double[])} (an unknown name is an
 * error, so the pairing cannot silently go wrong), or name it after the measurement:
 * {@link #theory(String, double[], double[])} pairs "LRU theory" with a measured "LRU" because the
 * theory's name starts with it. A theory that models nothing on the chart ("ideal", "upper bound")
 * gets a hue of its own.
 *
 * <p><b>Reference lines.</b> {@link #hline(double, String)} and {@link #vline(double, String)} draw a
 * target, a limit or a deadline across the whole chart: grey, short dashes, below the data, named in the
 * legend, e.g. {@code .hline(200, "p99 target (ms)")}.
 *
 * <p><b>Alt text.</b> {@link #altText()} says what the chart shows (kind, title, axes and ranges,
 * each series and what it models); the notebook display and {@link #html()} put it on the image, so
 * the exported site reads out under a screen reader.
 *
 * <p>Charts are at most {@link #MAX_WIDTH} pixels wide: long legends go below the plot, one name per
 * line. In kernels without the JJava display hook, call {@link #image()}: every Jupyter Java kernel
 * shows a {@code BufferedImage}.
 */
public final class Plot implements Html {
    /** Default plot size in pixels (the image grows taller, never wider, for a long legend). */
    public static final int WIDTH = 760, HEIGHT = 440;

    /** No chart is wider than this. */
    public static final int MAX_WIDTH = 900;

    /**
     * Okabe–Ito (2008), "Color Universal Design", in the order series take them: blue, vermillion,
     * bluish green, reddish purple, orange, sky blue, black. Yellow (#F0E442) is left out.
     */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)
    };

    /** One marker shape per hue, so that colour and shape tell the same story. */
    static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS
    };

    /** Measured lines: solid, 1.5 px, so a dashed theory (3 px) on top shows even where the two agree. */
    static final BasicStroke DATA_STROKE = new BasicStroke(1.5f);

    /** Theory lines: thicker than data and long dashes, so they read as dashed on dense curves. */
    static final BasicStroke THEORY_STROKE = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {10f, 6f}, 0f);

    /** Reference lines ({@link #hline}, {@link #vline}): neutral grey, short dashes, thinner than theory. */
    static final Color REFERENCE_COLOR = new Color(0x666666);

    /** Reference lines: 1.5 px, short dashes, so they never read as a theory curve (3 px, long dashes). */
    static final BasicStroke REFERENCE_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {4f, 4f}, 0f);

    private enum Kind { LINE, POINTS, CDF, THEORY, BARS, HLINE, VLINE }

    /** What a call added; the XChart chart is built from these at render time, theory last. */
    private record Spec(Kind kind, String name, double[] x, double[] y, List<String> categories, String models) {
        boolean measured() {
            return kind != Kind.THEORY && !reference();
        }

        boolean reference() {
            return kind == Kind.HLINE || kind == Kind.VLINE;
        }

        /** The name whose hue this series takes. */
        String hueKey() {
            return models != null ? models : name;
        }
    }

    private final boolean category;
    private final String title, xAxis, yAxis;
    private final List<Spec> specs = new ArrayList<>();
    private boolean logX, logY;
    private Double xMin, xMax, yMin, yMax;

    private Plot(boolean category, String title, String xAxis, String yAxis) {
        this.category = category;
        this.title = Check.notNull("title", title);
        this.xAxis = Check.notNull("xAxis", xAxis);
        this.yAxis = Check.notNull("yAxis", yAxis);
    }

    /** A line chart: x and y numeric. */
    public static Plot line(String title, String xAxis, String yAxis) {
        return new Plot(false, title, xAxis, yAxis);
    }

    /** A bar chart: one bar per category, one colour per series. */
    public static Plot bar(String title, String xAxis, String yAxis) {
        return new Plot(true, title, xAxis, yAxis);
    }

    /** A histogram of {@code values} in {@code bins} equal-width bins (the maximum falls in the last bin). */
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
        Function<Double, String> label = fixedDecimals(Math.max(0, Math.min(6, (int) Math.ceil(-Math.log10(width)) + 1)));
        List<String> labels = Arrays.stream(centers).boxed().map(label).toList();
        return bar(title, xAxis, "count").bars(name, labels, counts);
    }

    /** A cumulative distribution chart; add curves with {@link #cdf(String, double[])}. */
    public static Plot cdf(String title, String xAxis) {
        return line(title, xAxis, "fraction ≤ x").yRange(0, 1);
    }

    /** Adds a measured series: solid line with markers. */
    public Plot series(String name, double[] x, double[] y) {
        return add(Kind.LINE, name, checkX(x), checkY(x, y), null);
    }

    /** Adds a measured series of points only (no line). */
    public Plot points(String name, double[] x, double[] y) {
        return add(Kind.POINTS, name, checkX(x), checkY(x, y), null);
    }

    /**
     * Adds a theory curve: dashed, on top of the data. It takes the hue of the measured series whose
     * name its own name starts with ("LRU theory" models "LRU"; the longest such name wins); when
     * none does, it gets a hue of its own. To pair explicitly, use
     * {@link #theoryOf(String, String, double[], double[])}.
     */
    public Plot theory(String name, double[] x, double[] y) {
        Check.notNull("name", name);
        return add(Kind.THEORY, name, checkX(x), checkY(x, y), modelledBy(name));
    }

    /**
     * Adds the theory curve for the measured series {@code measured}, in its hue: dashed, on top.
     *
     * @param measured the name of a series already added with {@code series}, {@code points} or {@code cdf}
     * @param name     the theory's legend entry, e.g. "LRU, Che's approximation"
     * @throws IllegalArgumentException naming the measured series on this chart if {@code measured} is not one
     */
    public Plot theoryOf(String measured, String name, double[] x, double[] y) {
        Check.notNull("measured", measured);
        List<String> names = specs.stream().filter(Spec::measured).map(Spec::name).toList();
        Check.that(names.contains(measured), "measured", "\"" + measured + "\"",
                "must name a measured series added before it; this chart has " + names);
        return add(Kind.THEORY, name, checkX(x), checkY(x, y), measured);
    }

    /** Adds the empirical CDF of {@code samples} as a line (measured). */
    public Plot cdf(String name, double[] samples) {
        Check.notNull("samples", samples);
        Check.that(samples.length > 0, "samples", "[]", "must not be empty");
        double[][] steps = EmpiricalCdf.of(samples).steps(400);
        double[] x = steps[0], y = steps[1];
        return add(Kind.CDF, name, x, y, null);
    }

    /** Adds one series of bars to a bar chart. */
    public Plot bars(String name, List<String> categories, double[] values) {
        Check.notNull("categories", categories);
        Check.notNull("values", values);
        Check.that(categories.size() == values.length, "values.length", values.length,
                "must equal categories.size() = " + categories.size());
        Check.that(!categories.isEmpty(), "categories", categories, "must not be empty");
        if (!category) throw new IllegalStateException("bars(...) needs a chart made by Plot.bar or Plot.histogram");
        specs.add(new Spec(Kind.BARS, uniqueName(name), null, values.clone(), List.copyOf(categories), null));
        return this;
    }

    /**
     * Adds a horizontal reference line at {@code y} (a target, a limit, a budget), drawn across the
     * whole x range in neutral grey with short dashes, below the data, and named {@code label} in the
     * legend. The y axis grows to include it. Line charts only.
     *
     * @throws IllegalArgumentException if {@code y} is not finite or {@code label} is null or blank
     */
    public Plot hline(double y, String label) {
        return reference(Kind.HLINE, "y", y, label);
    }

    /**
     * Adds a vertical reference line at {@code x} (a deadline, a capacity), drawn across the whole y
     * range in neutral grey with short dashes, below the data, and named {@code label} in the legend.
     * The x axis grows to include it. Line charts only.
     *
     * @throws IllegalArgumentException if {@code x} is not finite or {@code label} is null or blank
     */
    public Plot vline(double x, String label) {
        return reference(Kind.VLINE, "x", x, label);
    }

    private Plot reference(Kind kind, String axis, double at, String label) {
        xyOnly(kind == Kind.HLINE ? "hline(...)" : "vline(...)");
        Check.that(Double.isFinite(at), axis, at, "must be a finite number");
        Check.notNull("label", label);
        Check.that(!label.isBlank(), "label", "\"" + label + "\"", "must not be blank (it names the line in the legend)");
        double[] value = {at};
        specs.add(new Spec(kind, uniqueName(label), kind == Kind.VLINE ? value : null,
                kind == Kind.HLINE ? value : null, null, null));
        return this;
    }

    /** Logarithmic x axis (all x values must be > 0). */
    public Plot logX() {
        xyOnly("logX()");
        logX = true;
        return this;
    }

    /** Logarithmic y axis (all y values must be > 0). */
    public Plot logY() {
        logY = true;
        return this;
    }

    /** Fixes the y range. */
    public Plot yRange(double min, double max) {
        Check.that(max > min, "max", max, "must be > min = " + min);
        yMin = min;
        yMax = max;
        return this;
    }

    /** Fixes the x range (line charts). */
    public Plot xRange(double min, double max) {
        xyOnly("xRange(...)");
        Check.that(max > min, "max", max, "must be > min = " + min);
        xMin = min;
        xMax = max;
        return this;
    }

    /** Number of series added so far. */
    public int seriesCount() {
        return specs.size();
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /**
     * What a screen reader says for this chart: its kind and title, each axis with its range and
     * scale, and every series (theory curves with the measurement they model).
     */
    public String altText() {
        StringBuilder sb = new StringBuilder(category ? "Bar chart: " : "Line chart: ").append(title).append(". ");
        if (category) {
            List<String> cats = specs.isEmpty() ? List.of() : specs.get(0).categories();
            sb.append("Horizontal axis: ").append(xAxis).append(", ").append(cats.size()).append(" categories");
            if (!cats.isEmpty()) sb.append(" from ").append(cats.get(0)).append(" to ").append(cats.get(cats.size() - 1));
            sb.append(". Vertical axis: ").append(yAxis).append(range(allY(), logY)).append(". ");
        } else {
            sb.append("Horizontal axis: ").append(xAxis).append(range(allX(), logX)).append(". ");
            sb.append("Vertical axis: ").append(yAxis).append(range(allY(), logY)).append(". ");
        }
        StringJoiner series = new StringJoiner("; ", "Series: ", ".");
        for (Spec s : specs) {
            String what = switch (s.kind()) {
                case LINE -> "measured, line with markers";
                case POINTS -> "measured, points";
                case CDF -> "measured, cumulative distribution";
                case BARS -> "bars";
                case THEORY -> s.models() == null ? "theory, dashed" : "theory for " + s.models() + ", dashed";
                case HLINE -> "reference line at " + yAxis + " = " + shortNumber(s.y()[0]);
                case VLINE -> "reference line at " + xAxis + " = " + shortNumber(s.x()[0]);
            };
            series.add(s.name() + " (" + what + ")");
        }
        return sb.append(series).toString();
    }

    /**
     * The chart rendered as an image: displays inline in any Jupyter Java kernel. {@link #WIDTH} wide;
     * a legend that does not fit in one row below the plot lists one name per line below it, and the
     * image grows taller by that list, so the plot keeps its size.
     */
    public BufferedImage image() {
        Chart<?, ?> chart = chart();
        int height = chart.getHeight();
        BufferedImage img = new BufferedImage(chart.getWidth(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.paint(g, chart.getWidth(), height);
        g.dispose();
        return img;
    }

    /** The PNG bytes of {@link #image()}. */
    public byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image(), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code <img>} with the PNG inlined and {@link #altText()} as its escaped {@code alt}. */
    @Override
    public String html() {
        return img(png(), altText());
    }

    static String img(byte[] png, String alt) {
        return "<img alt=\"" + Html.escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"/>";
    }

    /** Writes the chart as a PNG file. */
    public Path save(Path file) {
        Check.notNull("file", file);
        try {
            ImageIO.write(image(), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "Plot[" + title + ", " + specs.size() + " series]";
    }

    // ---------------------------------------------------------------- building the XChart chart

    /** The XChart chart, styled, with measured series first and theory on top (package-private for tests). */
    Chart<?, ?> chart() {
        if (specs.stream().allMatch(Spec::reference)) {
            throw new IllegalStateException("chart '" + title + "' has no series yet: add one with series(...)");
        }
        Map<String, Integer> hues = Hues.assign(specs.stream().filter(sp -> !sp.reference()).map(Spec::hueKey).distinct().toList());
        int legendRows = specs.size();
        boolean oneRow = legendFitsInOneRow();
        int height = HEIGHT + (oneRow ? 0 : 18 * legendRows);
        Chart<?, ?> chart = category ? categoryChart(hues, height) : xyChart(hues, height);
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(oneRow ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setMarkerSize(7);
        AxesChartStyler a = (AxesChartStyler) s;
        a.setAxisTickLabelsFont(TICK_FONT);
        a.setPlotGridLinesColor(new Color(0xe6e6e6));
        return chart;
    }

    private XYChart xyChart(Map<String, Integer> hues, int height) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        addReferenceLines(c);
        for (boolean theoryPass : new boolean[] {false, true}) {
            for (Spec spec : specs) {
                if (spec.reference() || spec.measured() == theoryPass) continue;
                int hue = hues.get(spec.hueKey());
                double[][] xy = spec.kind() == Kind.THEORY ? chords(spec.x(), spec.y()) : new double[][] {spec.x(), spec.y()};
                XYSeries s = c.addSeries(spec.name(), xy[0], xy[1]);
                s.setLineColor(PALETTE[hue]);
                s.setMarkerColor(PALETTE[hue]);
                switch (spec.kind()) {
                    case LINE -> {
                        s.setMarker(MARKERS[hue]);
                        s.setLineStyle(DATA_STROKE);
                    }
                    case POINTS -> {
                        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                        s.setMarker(MARKERS[hue]);
                    }
                    case CDF -> {
                        s.setMarker(SeriesMarkers.NONE);
                        s.setLineStyle(DATA_STROKE);
                    }
                    case THEORY -> {
                        s.setMarker(SeriesMarkers.NONE);
                        s.setLineStyle(THEORY_STROKE);

                    }
                    default -> throw new IllegalStateException(spec.kind().toString());
                }
            }
        }
        var st = c.getStyler();
        st.setXAxisLogarithmic(logX);
        st.setYAxisLogarithmic(logY);
        if (xMin != null) {
            st.setXAxisMin(xMin);
            st.setXAxisMax(xMax);
        }
        if (yMin != null) {
            st.setYAxisMin(yMin);
            st.setYAxisMax(yMax);
        }
        axisLabels(st, allX(), xMin, xMax, logX, true);
        axisLabels(st, allY(), yMin, yMax, logY, false);
        addTickBreaker(c);
        return c;
    }

    /**
     * XChart puts the ticks of a linear axis ON the data values when those are equally spaced (a CDF's
     * k/n, a counter 1..600), every so many values: ticks at 0.105, 0.21, ... that the label format
     * rounds to "0.1", "0.2", so a CDF seemed to end above "1.0", and long integer axes got crowded.
     * One invisible point inside the plotted range, off the data's spacing, makes XChart choose round
     * tick steps (1, 2, 2.5 or 5 times a power of ten) that the labels show exactly.
     */
    static final String TICK_SPACER = "\u2063tick spacer";   // an invisible separator first: no learner's name

    private void addTickBreaker(XYChart c) {
        double x = offGrid(allX(), xMin, xMax, logX), y = offGrid(allY(), yMin, yMax, logY);
        if (Double.isNaN(x) || Double.isNaN(y)) return;
        XYSeries s = c.addSeries(TICK_SPACER, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** A value inside the axis range at an odd fraction of it (NaN when the axis has no finite range). */
    private static double offGrid(double[] values, Double min, Double max, boolean log) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).filter(v -> !log || v > 0).toArray();
        if (finite.length == 0) return Double.NaN;
        double lo = min != null ? min : Arrays.stream(finite).min().orElseThrow();
        double hi = max != null ? max : Arrays.stream(finite).max().orElseThrow();
        final double oddFraction = 0.5 + 1 / Math.PI / 100;   // no round number: never on an equal spacing
        return log ? lo * Math.pow(hi / lo, oddFraction) : lo + (hi - lo) * oddFraction;
    }

    /** Reference lines first, so data and theory are drawn over them; each spans the other axis' range. */
    private void addReferenceLines(XYChart c) {
        double[] ax = allX(), ay = allY();
        double x0 = xMin != null ? xMin : Arrays.stream(ax).min().orElseThrow();
        double x1 = xMax != null ? xMax : Arrays.stream(ax).max().orElseThrow();
        double y0 = yMin != null ? yMin : Arrays.stream(ay).min().orElseThrow();
        double y1 = yMax != null ? yMax : Arrays.stream(ay).max().orElseThrow();
        for (Spec spec : specs) {
            if (!spec.reference()) continue;
            boolean h = spec.kind() == Kind.HLINE;
            double at = h ? spec.y()[0] : spec.x()[0];
            if ((h ? logY : logX) && !(at > 0)) {
                throw new IllegalStateException("reference line '" + spec.name() + "' at " + (h ? "y" : "x") + " = " + at
                        + " cannot be drawn on a logarithmic axis: it needs a value > 0");
            }
            XYSeries s = h ? c.addSeries(spec.name(), new double[] {x0, x1}, new double[] {at, at})
                    : c.addSeries(spec.name(), new double[] {at, at}, new double[] {y0, y1});
            s.setLineColor(REFERENCE_COLOR);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(REFERENCE_STROKE);
        }
    }

    private CategoryChart categoryChart(Map<String, Integer> hues, int height) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        List<String> categories = specs.get(0).categories();
        for (Spec spec : specs) {
            CategorySeries s = c.addSeries(spec.name(), spec.categories(), Arrays.stream(spec.y()).boxed().toList());
            s.setFillColor(PALETTE[hues.get(spec.hueKey())]);
        }
        var st = c.getStyler();
        st.setOverlapped(false);
        st.setYAxisLogarithmic(logY);
        if (yMin != null) {
            st.setYAxisMin(yMin);
            st.setYAxisMax(yMax);
        }
        st.setXAxisLabelRotation(categoryRotation(categories));
        axisLabels(st, allY(), yMin, yMax, logY, false);
        return c;
    }

    /**
     * Degrees to turn category labels so they never overlap: flat when each fits its slot, 45° when
     * not, 90° when even that would collide.
     */
    static int categoryRotation(List<String> categories) {
        int longest = categories.stream().mapToInt(String::length).max().orElse(1);
        double slot = (WIDTH - 110.0) / categories.size();
        if (7.0 * longest + 6 <= slot) return 0;
        if (slot >= 16) return 45;
        return 90;
    }

    /**
     * One label format per axis: integers only when every value on it is a whole number (worker lanes,
     * shard numbers), otherwise a fixed number of decimals chosen from the axis span; log axes label
     * 1-2-5 steps when they span few decades, powers of ten otherwise.
     */
    private static void axisLabels(AxesChartStyler st, double[] values, Double min, Double max, boolean log, boolean x) {
        if (values.length == 0) return;
        double lo = min != null ? min : Arrays.stream(values).min().orElseThrow();
        double hi = max != null ? max : Arrays.stream(values).max().orElseThrow();
        if (log) {
            // 1-2-5 labels only while they fit: up to two decades across, about one and a half up the side
            boolean fewDecades = lo > 0 && hi > lo && logLabelsFit(lo, hi, x);
            // A formatting function would switch XChart to linear ticks; a decimal pattern keeps the log ticks
            // and prints 1, 10, 1,000, 10,000 alike (never "1E4" beside "1000").
            if (x) {
                st.setXAxisLogarithmicDecadeOnly(!fewDecades);
                st.setXAxisDecimalPattern("#,##0.######");
            } else {
                st.setYAxisLogarithmicDecadeOnly(!fewDecades);
                st.setYAxisDecimalPattern("#,##0.######");
            }
            return;
        }
        Function<Double, String> format = integral(values) && hi - lo <= 60
                ? v -> Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%,d", Math.round(v)) : ""
                : fixedDecimals(decimals(hi - lo));
        if (x) st.setxAxisTickLabelsFormattingFunction(format);
        else st.setyAxisTickLabelsFormattingFunction(format);
    }

    /** The tick label font (axisLabels and the overlap test measure with it). */
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /**
     * Whether XChart's log-axis labels at every 1..9 multiple of each power of ten over [lo, hi] keep
     * apart on an axis of the plot's size (they crowd towards each power of ten: "80 90 100"); if not,
     * the axis labels powers of ten only.
     */
    static boolean logLabelsFit(double lo, double hi, boolean x) {
        double length = 0.92 * (x ? PLOT_W : PLOT_H);      // XChart draws data over 92% of the axis
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.######",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        java.awt.FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(TICK_FONT);
        double lastAt = Double.NaN, lastHalf = 0;
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) continue;
                double at = length * Math.log(v / lo) / Math.log(hi / lo);
                double half = x ? metrics.stringWidth(format.format(v)) / 2.0 : metrics.getHeight() / 2.0;
                if (!Double.isNaN(lastAt) && at - lastAt < lastHalf + half + 3) return false;
                lastAt = at;
                lastHalf = half;
            }
        }
        return true;
    }

    /**
     * Decimals that show XChart's tick step exactly: the step is at least a twelfth of {@code span},
     * rounded up to 1, 2, 2.5 or 5 times a power of ten.
     */
    static int decimals(double span) {
        if (!(span > 0) || Double.isInfinite(span)) return 0;
        double raw = span / 12;
        int e = (int) Math.floor(Math.log10(raw));
        double m = raw / Math.pow(10, e);
        double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
        int d = -(int) Math.floor(Math.log10(nice * Math.pow(10, e)) + 1e-9) + (nice == 2.5 ? 1 : 0);
        return Math.max(0, Math.min(8, d));
    }

    private static Function<Double, String> fixedDecimals(int decimals) {
        String pattern = "%,." + decimals + "f";
        return v -> {
            String s = String.format(Locale.ROOT, pattern, v);
            return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
        };
    }

    /** Plot area in pixels, roughly (for spacing theory points). */
    private static final double PLOT_W = WIDTH - 110, PLOT_H = HEIGHT - 110, CHORD_PX = 14;

    /**
     * The theory curve thinned so consecutive points lie at least {@link #CHORD_PX} apart on screen.
     * XChart strokes each segment on its own and restarts the dash pattern there, so on a dense curve
     * the dashes vanish; chords this long each show a gap. Smooth theory curves lose nothing visible.
     */
    double[][] chords(double[] x, double[] y) {
        double[] ax = allX(), ay = allY();
        double x0 = xMin != null ? xMin : Arrays.stream(ax).min().orElse(0), x1 = xMax != null ? xMax : Arrays.stream(ax).max().orElse(1);
        double y0 = yMin != null ? yMin : Arrays.stream(ay).min().orElse(0), y1 = yMax != null ? yMax : Arrays.stream(ay).max().orElse(1);
        List<double[]> kept = new ArrayList<>();
        double[] last = null;
        for (int i = 0; i < x.length; i++) {
            double px = PLOT_W * scaled(x[i], x0, x1, logX), py = PLOT_H * scaled(y[i], y0, y1, logY);
            boolean end = i == x.length - 1;
            if (last == null || end || Math.hypot(px - last[2], py - last[3]) >= CHORD_PX
                    || !Double.isFinite(px) || !Double.isFinite(py)) {
                last = new double[] {x[i], y[i], px, py};
                kept.add(last);
            }
        }
        return new double[][] {kept.stream().mapToDouble(p -> p[0]).toArray(), kept.stream().mapToDouble(p -> p[1]).toArray()};
    }

    private static double scaled(double v, double lo, double hi, boolean log) {
        if (log) {
            if (!(v > 0 && lo > 0)) return Double.NaN;
            return hi > lo ? Math.log(v / lo) / Math.log(hi / lo) : 0;
        }
        return hi > lo ? (v - lo) / (hi - lo) : 0;
    }

    private static boolean integral(double[] values) {
        for (double v : values) if (Math.abs(v - Math.rint(v)) > 1e-9) return false;
        return true;
    }

    private boolean legendFitsInOneRow() {
        // XChart spaces a one-row legend by line length, and scatter entries then overlap: list them instead
        if (specs.stream().anyMatch(s -> s.kind() == Kind.POINTS)) return false;
        int row = 0;
        for (Spec s : specs) row += 7 * s.name().length() + 60;
        return row < WIDTH - 40;
    }

    // ---------------------------------------------------------------- helpers

    private Plot add(Kind kind, String name, double[] x, double[] y, String models) {
        xyOnly(kind.name().toLowerCase(Locale.ROOT) + "(...)");
        specs.add(new Spec(kind, uniqueName(name), x.clone(), y.clone(), null, models));
        return this;
    }

    /** The longest measured series name that {@code theoryName} starts with, followed by a non-letter. */
    private String modelledBy(String theoryName) {
        String best = null;
        for (Spec s : specs) {
            if (!s.measured()) continue;
            String n = s.name();
            boolean prefix = theoryName.startsWith(n) && !theoryName.equals(n)
                    && !Character.isLetterOrDigit(theoryName.charAt(n.length()));
            if (prefix && (best == null || n.length() > best.length())) best = n;
        }
        return best;
    }

    private void xyOnly(String call) {
        if (category) throw new IllegalStateException(call + " needs a chart made by Plot.line or Plot.cdf");
    }

    private double[] allX() {
        return specs.stream().filter(s -> s.x() != null).flatMapToDouble(s -> Arrays.stream(s.x())).toArray();
    }

    private double[] allY() {
        return specs.stream().filter(s -> s.y() != null).flatMapToDouble(s -> Arrays.stream(s.y())).toArray();
    }

    private static String range(double[] values, boolean log) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray(); // NaN separates drawn segments
        if (finite.length == 0) return "";
        double lo = Arrays.stream(finite).min().orElseThrow(), hi = Arrays.stream(finite).max().orElseThrow();
        return (log ? ", log scale" : "") + ", from " + shortNumber(lo) + " to " + shortNumber(hi);
    }

    private String uniqueName(String name) {
        Check.notNull("name", name);
        String n = name;
        for (int i = 2; exists(n); i++) n = name + " (" + i + ")";
        return n;
    }

    private boolean exists(String name) {
        return specs.stream().anyMatch(s -> s.name().equals(name));
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

    static String shortNumber(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) return String.valueOf(Math.round(v));
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /**
     * Hues by series name, stable for the session (a kernel runs one notebook): the first chart to use a
     * name fixes its hue; new names take the least-used hue so far. Within one chart two names never
     * share a hue while a free one remains.
     */
    static final class Hues {
        private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();
        private static final int[] USES = new int[PALETTE.length];

        private Hues() {}

        static synchronized Map<String, Integer> assign(List<String> names) {
            Map<String, Integer> chart = new LinkedHashMap<>();
            boolean[] taken = new boolean[PALETTE.length];
            List<String> fresh = new ArrayList<>();
            for (String n : names) {                        // known names first keep their hue if free
                Integer h = BY_NAME.get(n);
                if (h != null && !taken[h]) {
                    chart.put(n, h);
                    taken[h] = true;
                } else {
                    fresh.add(n);
                }
            }
            for (String n : fresh) {
                int h = leastUsed(taken);
                if (h < 0) {                                // more names than hues: share the least used one,
                    h = leastUsed(new boolean[PALETTE.length]); // and remember nothing, so that drawing the
                    chart.put(n, h);                        // same chart again gives the same colours
                    continue;
                }
                chart.put(n, h);
                taken[h] = true;
                if (!BY_NAME.containsKey(n)) {
                    BY_NAME.put(n, h);
                    USES[h]++;
                }
            }
            Map<String, Integer> ordered = new LinkedHashMap<>();
            for (String n : names) ordered.put(n, chart.get(n));
            return ordered;
        }

        /** The free hue used by the fewest names so far (the first such), or -1 if every hue is taken. */
        private static int leastUsed(boolean[] taken) {
            int best = -1;
            for (int h = 0; h < PALETTE.length; h++) {
                if (taken[h]) continue;
                if (best < 0 || USES[h] < USES[best]) best = h;
            }
            return best;
        }

        /** Forgets every assignment (tests). */
        static synchronized void reset() {
            BY_NAME.clear();
            Arrays.fill(USES, 0);
        }
    }
}
