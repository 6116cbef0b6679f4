package sdx.viz;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The tick labels XChart drew on one axis of a painted chart, read through XChart's internals (the
 * only way to see what a reader sees without OCR): each label with its position in pixels along the
 * axis, and where the axis puts a value.
 */
final class Ticks {
    record Tick(String label, double position) {}

    private final Axis<?, ?> axis;
    final List<Tick> ticks;

    private Ticks(Axis<?, ?> axis, List<Tick> ticks) {
        this.axis = axis;
        this.ticks = ticks;
    }

    /** Paints {@code chart} and reads the labelled ticks of its x axis ({@code x}) or y axis. */
    static Ticks of(Chart<?, ?> chart, boolean x) {
        BufferedImage img = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        try {
            Field pairField = Chart.class.getDeclaredField("axisPair");
            pairField.setAccessible(true);
            Object pair = pairField.get(chart);
            Method get = pair.getClass().getDeclaredMethod(x ? "getXAxis" : "getYAxis");
            get.setAccessible(true);
            Axis<?, ?> axis = (Axis<?, ?>) get.invoke(pair);
            var calc = axis.getAxisTickCalculator();
            List<Tick> ticks = new ArrayList<>();
            double length = x ? axis.getBounds().getWidth() : axis.getBounds().getHeight();
            for (int i = 0; i < calc.getTickLabels().size(); i++) {
                String label = calc.getTickLabels().get(i);
                double at = calc.getTickLocations().get(i);
                boolean drawn = at > 0 && at < length;  // XChart computes ticks past the ends but draws only these
                if (drawn && label != null && !label.isBlank()) ticks.add(new Tick(label, at));
            }
            return new Ticks(axis, ticks);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("XChart's internals changed: update this test helper", e);
        }
    }

    /** Where the axis draws {@code value}, in screen pixels. */
    double screen(double value) {
        return axis.getScreenValue(value);
    }

    List<String> labels() {
        return ticks.stream().map(Tick::label).toList();
    }

    static double value(String label) {
        return Double.parseDouble(label.replace(",", ""));
    }

    /** Width in pixels of {@code label} in the chart's tick font. */
    static int width(String label) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics m = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.dispose();
        return m.stringWidth(label);
    }
}
