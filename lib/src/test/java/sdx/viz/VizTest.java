package sdx.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
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
    void barsHistogramAndCdf() {
        assertEquals(1, Plot.bar("b", "shard", "load").bars("load", List.of("a", "b"), new double[] {1, 2}).seriesCount());
        assertEquals(1, Plot.histogram("h", "v", "values", new double[] {1, 2, 2, 3, 10}, 4).seriesCount());
        assertNotEquals(null, Plot.cdf("c", "latency").cdf("x", new double[] {3, 1, 2}).image());
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
