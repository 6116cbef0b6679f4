package sdx.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class VizTest {
    private final double[] x = {1, 2, 3, 4}, y = {1, 4, 9, 16};

    @Test
    void lineChartRendersAtTheDefaultSizeWithData() {
        BufferedImage img = Plot.line("squares", "x", "y").series("measured", x, y).theory("x²", x, y).image();
        assertEquals(Plot.WIDTH, img.getWidth());
        assertEquals(Plot.HEIGHT, img.getHeight());
        assertTrue(colours(img) > 3, "the chart has drawn something besides background");
    }

    @Test
    void sameInputsSamePixels() {
        BufferedImage a = Plot.line("t", "x", "y").series("s", x, y).image();
        BufferedImage b = Plot.line("t", "x", "y").series("s", x, y).image();
        for (int i = 0; i < a.getWidth(); i += 7) {
            for (int j = 0; j < a.getHeight(); j += 7) assertEquals(a.getRGB(i, j), b.getRGB(i, j));
        }
        BufferedImage c = Plot.line("t", "x", "y").series("s", x, new double[] {16, 9, 4, 1}).image();
        boolean differs = false;
        for (int i = 0; i < a.getWidth() && !differs; i++) {
            for (int j = 0; j < a.getHeight() && !differs; j++) differs = a.getRGB(i, j) != c.getRGB(i, j);
        }
        assertTrue(differs);
    }

    @Test
    void histogramCountsEachValueInItsBinAndTheMaximumInTheLast() {
        // values 1, 2, 2, 3, 10 in 4 bins of width (10 - 1) / 4 = 2.25: [1, 3.25) holds 1, 2, 2, 3;
        // the two middle bins are empty; 10, the maximum, falls in the last bin.
        CategoryChart c = (CategoryChart) Plot.histogram("h", "v", "values", new double[] {1, 2, 2, 3, 10}, 4).chart();
        CategorySeries s = c.getSeriesMap().get("values");
        assertEquals(List.of(4.0, 0.0, 0.0, 1.0), s.getYData().stream().map(Number::doubleValue).toList());
        // labels are the bin centres, one format for all: 2.125 -> "2.1", 8.875 -> "8.9"
        assertEquals(List.of("2.1", "4.4", "6.6", "8.9"), s.getXData());
    }

    @Test
    void cdfRisesFromTheSmallestSampleToOne() {
        XYChart c = (XYChart) Plot.cdf("c", "latency").cdf("x", new double[] {3, 1, 2}).chart();
        XYSeries s = c.getSeriesMap().get("x");
        assertArrayEquals(new double[] {1, 2, 3}, s.getXData());
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 1}, s.getYData(), 1e-12);
    }

    @Test
    void seriesTakeOkabeItoHuesAndDistinctMarkers() {
        Set<Color> okabeIto = Set.of(new Color(0x000000), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
                new Color(0xF0E442), new Color(0x0072B2), new Color(0xD55E00), new Color(0xCC79A7));
        Plot p = Plot.line("t", "x", "y");
        for (int i = 0; i < Plot.PALETTE.length; i++) p.series("distinct series " + i, x, y);
        XYChart c = (XYChart) p.chart();
        Set<Color> colours = new HashSet<>();
        Set<Object> markers = new HashSet<>();
        for (XYSeries s : c.getSeriesMap().values()) {
            if (!s.isShowInLegend()) continue;             // the invisible tick-spacing point
            assertTrue(okabeIto.contains(s.getLineColor()), s.getName() + " has " + s.getLineColor());
            colours.add(s.getLineColor());
            markers.add(s.getMarker().getClass());
        }
        assertEquals(Plot.PALETTE.length, colours.size(), "no two series share a hue while free hues remain");
        assertEquals(Plot.PALETTE.length, markers.size(), "each series has its own marker shape");
        assertFalse(colours.contains(new Color(0xF0E442)), "yellow is unreadable as a line on white");
    }

    @Test
    void aChartWithMoreNamesThanHuesGetsTheSameColoursEveryTimeItIsDrawn() {
        Plot p = Plot.line("t", "x", "y");
        for (int i = 0; i <= Plot.PALETTE.length; i++) p.series("overflowing series " + i, x, y);
        p.theory("overflowing limit", x, y);
        List<Color> first = colours((XYChart) p.chart()), second = colours((XYChart) p.chart());
        assertEquals(first, second, "drawing a chart again must not change its colours (it once did for the overflow)");
        assertEquals(colours((XYChart) p.chart()), second);
    }

    private static List<Color> colours(XYChart c) {
        return c.getSeriesMap().values().stream().map(XYSeries::getLineColor).toList();
    }

    @Test
    void theoryTakesItsMeasurementsHueIsDashedAndDrawnOnTop() {
        XYChart c = (XYChart) Plot.line("t", "x", "y")
                .series("pairing A", x, y)
                .theoryOf("pairing A", "pairing A, model", x, y)
                .series("pairing B", x, y).chart();
        XYSeries a = c.getSeriesMap().get("pairing A"), b = c.getSeriesMap().get("pairing B");
        XYSeries model = c.getSeriesMap().get("pairing A, model");
        assertEquals(a.getLineColor(), model.getLineColor());
        assertNotEquals(b.getLineColor(), model.getLineColor());
        assertTrue(model.getLineStyle().getDashArray() != null, "theory is dashed");
        assertTrue(model.getLineStyle().getLineWidth() > a.getLineStyle().getLineWidth(), "and thicker than the data");
        assertEquals(SeriesMarkers.NONE, model.getMarker());
        // XChart paints in map order: the theory comes after every measured series, whatever the call order
        assertEquals(List.of("pairing A", "pairing B", "pairing A, model"), drawn(c));
    }
    @Test
    void aDenseTheoryIsDrawnInChordsLongEnoughToShowItsDashes() {
        double[] fx = new double[1000], fy = new double[1000];
        for (int i = 0; i < fx.length; i++) {
            fx[i] = i;
            fy[i] = Math.sqrt(i);
        }
        XYChart c = (XYChart) Plot.line("t", "x", "y").series("dense m", new double[] {0, 999}, new double[] {0, 31.6})
                .theory("dense m theory", fx, fy).chart();
        XYSeries t = c.getSeriesMap().get("dense m theory");
        double[] tx = t.getXData(), ty = t.getYData();
        assertTrue(tx.length < 100 && tx.length > 20, tx.length + " points kept");
        assertEquals(0, tx[0]);
        assertEquals(999, tx[tx.length - 1], "the curve still ends where it ended");
        for (int i = 1; i < tx.length - 1; i++) assertEquals(Math.sqrt(tx[i]), ty[i], 1e-12, "kept points are on the curve");
    }

    @Test
    void theoryNamedAfterAMeasurementPairsWithItOtherwiseStandsAlone() {
        XYChart c = (XYChart) Plot.line("t", "x", "y")
                .series("LRU prefix", x, y).series("LRU prefix-2", x, y)
                .theory("LRU prefix-2 theory", x, y).theory("ideal bound", x, y).theory("LRU prefixes", x, y).chart();
        var m = c.getSeriesMap();
        assertEquals(m.get("LRU prefix-2").getLineColor(), m.get("LRU prefix-2 theory").getLineColor(), "longest prefix wins");
        Set<Color> others = Set.of(m.get("LRU prefix").getLineColor(), m.get("LRU prefix-2").getLineColor());
        assertFalse(others.contains(m.get("ideal bound").getLineColor()), "a theory of nothing here has its own hue");
        assertFalse(others.contains(m.get("LRU prefixes").getLineColor()), "a prefix must end at a word boundary");
    }

    @Test
    void theoryOfAnUnknownMeasurementNamesWhatIsThere() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plot.line("t", "x", "y").series("LRU", x, y).theoryOf("LFU", "LFU model", x, y));
        assertTrue(e.getMessage().contains("\"LFU\"") && e.getMessage().contains("[LRU]"), e.getMessage());
    }

    @Test
    void aNameKeepsItsHueAcrossCharts() {
        XYChart first = (XYChart) Plot.line("one", "x", "y").series("kept A", x, y).series("kept B", x, y).chart();
        XYChart second = (XYChart) Plot.line("two", "x", "y").series("kept B", x, y).series("other C", x, y)
                .series("kept A", x, y).chart();
        for (String n : List.of("kept A", "kept B")) {
            assertEquals(first.getSeriesMap().get(n).getLineColor(), second.getSeriesMap().get(n).getLineColor(), n);
        }
        CategoryChart bars = (CategoryChart) Plot.bar("three", "c", "v").bars("kept B", List.of("a"), new double[] {1}).chart();
        assertEquals(first.getSeriesMap().get("kept B").getLineColor(), bars.getSeriesMap().get("kept B").getFillColor());
    }

    @Test
    void wholeNumberAxesLabelOnlyIntegersAndOtherAxesUseOneFormat() {
        XYChart lanes = (XYChart) Plot.line("lanes", "time", "worker").series("w", new double[] {0, 5}, new double[] {0, 2}).chart();
        var yLabel = lanes.getStyler().getyAxisTickLabelsFormattingFunction();
        assertEquals("", yLabel.apply(0.6));
        assertEquals("2", yLabel.apply(2.0));
        XYChart ratio = (XYChart) Plot.line("r", "x", "hit ratio").series("s", x, new double[] {0.1, 0.25, 0.5, 0.95}).chart();
        var format = ratio.getStyler().getyAxisTickLabelsFormattingFunction();
        assertEquals(List.of("0.0", "0.2", "1.0"), List.of(format.apply(0.0), format.apply(0.2), format.apply(1.0)));
        assertEquals(2, Plot.decimals(0.5), "span 0.5: steps of 0.05");
        assertEquals(0, Plot.decimals(100_000));
    }

    @Test
    void crowdedCategoryLabelsTurnAndShortOnesStayFlat() {
        List<String> shards = IntStream.range(0, 16).mapToObj(i -> "shard" + i).toList();
        CategoryChart c = (CategoryChart) Plot.bar("b", "shard", "load").bars("l", shards, new double[16]).chart();
        assertTrue(c.getStyler().getXAxisLabelRotation() >= 45);
        assertEquals(0, Plot.categoryRotation(List.of("a", "b", "c")));
        assertEquals(90, Plot.categoryRotation(IntStream.range(0, 60).mapToObj(i -> "bin " + i).toList()));
    }

    @Test
    void logAxesOverFewDecadesLabelMoreThanPowersOfTen() {
        double[] n = {1, 2, 5, 10, 20, 50};
        assertFalse(((XYChart) Plot.line("t", "n", "y").series("s", n, n).logX().chart()).getStyler().isXAxisLogarithmicDecadeOnly());
        double[] wide = {1, 1e6};
        assertTrue(((XYChart) Plot.line("t", "n", "y").series("s", wide, wide).logX().chart()).getStyler().isXAxisLogarithmicDecadeOnly());
    }

    @Test
    void aLongLegendGoesBelowAndTheChartStaysNarrow() {
        String longName = "a theory with a very long legend entry: 1 / (f + (1 - f) / min(W, cores))";
        BufferedImage img = Plot.line("t", "x", "y").series("measured", x, y).theory(longName, x, y)
                .series("another measured series", x, y).image();
        assertTrue(img.getWidth() <= Plot.MAX_WIDTH, "width " + img.getWidth());
        assertTrue(img.getHeight() > Plot.HEIGHT, "the legend adds rows below");
    }

    @Test
    void altTextSaysWhatIsPlottedAndTheHtmlCarriesIt() {
        Plot p = Plot.line("Hit <ratio>", "cache size", "hit ratio").series("LRU alt", x, y).theory("LRU alt, Che", x, y).logX();
        String alt = p.altText();
        for (String part : List.of("Line chart: Hit <ratio>", "cache size, log scale, from 1 to 4", "hit ratio",
                "LRU alt (measured", "LRU alt, Che (theory for LRU alt, dashed)")) {
            assertTrue(alt.contains(part), part + " missing from: " + alt);
        }
        String html = p.html();
        assertTrue(html.startsWith("<img alt=\"Line chart: Hit &lt;ratio&gt;"), html.substring(0, 60));
        assertTrue(html.contains("src=\"data:image/png;base64,"));
        assertTrue(Plot.bar("b", "shard", "load").bars("l", List.of("s0", "s1"), new double[] {1, 2}).altText()
                .contains("shard, 2 categories from s0 to s1"));
    }

    @Test
    void referenceLinesAreGreyDashedLabelledSpanTheChartAndWidenTheAxis() {
        XYChart c = (XYChart) Plot.line("t", "x", "y").series("s", x, y).hline(20, "target").vline(0.5, "start").chart();
        XYSeries target = c.getSeriesMap().get("target"), start = c.getSeriesMap().get("start");
        assertArrayEquals(new double[] {0.5, 4}, target.getXData(), "across the whole x range, the vline included");
        assertArrayEquals(new double[] {20, 20}, target.getYData());
        assertArrayEquals(new double[] {0.5, 0.5}, start.getXData());
        assertArrayEquals(new double[] {1, 20}, start.getYData(), "across the whole y range, the hline included");
        for (XYSeries ref : List.of(target, start)) {
            assertEquals(Plot.REFERENCE_COLOR, ref.getLineColor());
            assertEquals(SeriesMarkers.NONE, ref.getMarker());
            assertTrue(ref.getLineStyle().getDashArray() != null, "dashed");
        }
        assertEquals(List.of("target", "start", "s"), drawn(c), "drawn below the data");
        assertNotEquals(Plot.REFERENCE_COLOR, c.getSeriesMap().get("s").getLineColor());
        String alt = Plot.line("t", "x", "latency").series("s", x, y).hline(20, "target").altText();
        assertTrue(alt.contains("target (reference line at latency = 20)"), alt);
        assertEquals("label must not be blank (it names the line in the legend), was \" \"", assertThrows(
                IllegalArgumentException.class, () -> Plot.line("t", "x", "y").hline(1, " ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plot.line("t", "x", "y").vline(Double.NaN, "v"));
        assertThrows(IllegalStateException.class, () -> Plot.bar("t", "x", "y").hline(1, "target"));
        assertThrows(IllegalStateException.class, () -> Plot.line("t", "x", "y").hline(1, "only a line").image());
        assertThrows(IllegalStateException.class, () -> Plot.line("t", "x", "y").series("s", x, y).hline(0, "zero").logY().image());
    }

    @Test
    void everyTickLabelIsTheValueAtItsTickAndACdfEndsAtOne() {
        // Equally spaced data (a CDF's k/n, a counter 0..199) used to get ticks ON data values, every
        // so many: 0.105 labelled "0.1", and the curve seemed to rise above "1.0".
        double[] samples = IntStream.range(0, 200).asDoubleStream().toArray();
        for (double[] s : List.of(samples, new double[] {1, 2, 3})) {
            XYChart c = (XYChart) Plot.cdf("c", "latency").cdf("d", s).chart();
            for (boolean xAxis : new boolean[] {true, false}) {
                Ticks t = Ticks.of(c, xAxis);
                assertTrue(t.ticks.size() >= 2, "labels " + t.labels());
                Ticks.Tick first = t.ticks.get(0);
                for (Ticks.Tick tick : t.ticks) {
                    // the distance between two labels on screen is the distance between their values
                    double drawn = tick.position() - first.position();
                    double meant = t.screen(Ticks.value(tick.label())) - t.screen(Ticks.value(first.label()));
                    assertEquals(Math.abs(meant), Math.abs(drawn), 0.5, (xAxis ? "x" : "y") + " label " + tick.label()
                            + " is not at its value; labels " + t.labels());
                }
                if (!xAxis) assertEquals("1.0", t.labels().get(t.labels().size() - 1), "the CDF axis ends at 1: " + t.labels());
            }
        }
    }

    @Test
    void tickLabelsNeverOverlap() {
        double[] counter = IntStream.rangeClosed(1, 600).asDoubleStream().toArray();
        List<Plot> plots = List.of(
                Plot.line("versions", "writes", "versions").series("measured", counter, counter),
                Plot.line("log", "n", "y").series("a", new double[] {1, 2, 5, 10, 20, 50, 100}, new double[] {1, 2, 5, 10, 20, 50, 100}).logX(),
                Plot.line("log", "n", "y").series("a", new double[] {1, 3, 10, 30}, new double[] {1, 3, 10, 30}).logX().logY(),
                Plot.line("log", "n", "y").series("a", new double[] {0.5, 2, 8}, new double[] {1, 2, 3}).logX());
        for (Plot p : plots) {
            Ticks x = Ticks.of(p.chart(), true);
            for (int i = 1; i < x.ticks.size(); i++) {
                Ticks.Tick a = x.ticks.get(i - 1), b = x.ticks.get(i);
                double room = Math.abs(b.position() - a.position()), needed = (Ticks.width(a.label()) + Ticks.width(b.label())) / 2.0 + 3;
                assertTrue(room >= needed, p.title() + ": x labels " + a.label() + " and " + b.label() + " overlap: " + x.labels());
            }
            Ticks y = Ticks.of(p.chart(), false);
            for (int i = 1; i < y.ticks.size(); i++) {
                Ticks.Tick a = y.ticks.get(i - 1), b = y.ticks.get(i);
                assertTrue(Math.abs(b.position() - a.position()) >= 14, p.title() + ": y labels " + a.label() + " and "
                        + b.label() + " overlap: " + y.labels());
            }
        }
    }

    /** The visible series in paint order (the invisible tick-spacing point is left out). */
    private static List<String> drawn(XYChart c) {
        return c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
    }

    @Test
    void misuseIsAClearError() {
        assertEquals("y.length must equal x.length = 4, was 3", assertThrows(IllegalArgumentException.class,
                () -> Plot.line("t", "x", "y").series("s", x, new double[] {1, 2, 3})).getMessage());
        assertThrows(IllegalStateException.class, () -> Plot.line("t", "x", "y").image());
        assertThrows(IllegalStateException.class, () -> Plot.line("t", "x", "y").bars("b", List.of("a"), new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Plot.bar("t", "x", "y").bars("b", List.of("a"), new double[] {1, 2}));
    }

    @Test
    void tableCellsAndNamesAreEscaped() {
        Table t = Table.create("<script>").addColumns(StringColumn.create("a&b", new String[] {"<img src=x onerror=alert(1)>"}));
        String html = Tables.html(t).html();
        assertFalse(html.contains("<script>") || html.contains("<img"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;") && html.contains("a&amp;b"));
    }

    @Test
    void longTablesAreCut() {
        String[] values = new String[Tables.MAX_ROWS + 5];
        java.util.Arrays.fill(values, "v");
        String html = Tables.html(Table.create("t").addColumns(StringColumn.create("c", values))).html();
        assertTrue(html.contains("5 more rows"));
    }

    private static int colours(BufferedImage img) {
        var set = new java.util.HashSet<Integer>();
        for (int i = 0; i < img.getWidth(); i += 3) for (int j = 0; j < img.getHeight(); j += 3) set.add(img.getRGB(i, j));
        return set.size();
    }
}
