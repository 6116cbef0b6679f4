package sdx.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import sdx.capacity.Assumptions.Knob;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How much one figure moves when each assumption is divided or multiplied by {@code factor}, the others
 * kept: a "tornado" chart, biggest swing first. A figure proportional to a knob doubles with it (+100%)
 * and halves without it (-50%); a knob it does not depend on moves nothing.
 *
 * @param output  the figure followed
 * @param factor  each knob divided and multiplied by this
 * @param base    the figure with the assumptions as given
 * @param knobs   the knobs, biggest swing first
 * @param lower   the figure with each knob divided by {@code factor}
 * @param higher  the figure with each knob multiplied by {@code factor}
 */
public record Sensitivity(Output output, double factor, Quantity base, List<Knob> knobs, List<Quantity> lower,
        List<Quantity> higher) {

    public Sensitivity {
        knobs = List.copyOf(knobs);
        lower = List.copyOf(lower);
        higher = List.copyOf(higher);
    }

    static Sensitivity of(Assumptions a, Output output, double factor) {
        Quantity base = output.of(PhotoEstimate.of(a));
        record Swing(Knob knob, Quantity low, Quantity high) {}
        List<Swing> swings = new ArrayList<>();
        for (Knob k : Knob.values()) {
            double v = a.get(k);
            Quantity low = output.of(PhotoEstimate.of(a.with(k, clamp(k, v / factor))));
            Quantity high = output.of(PhotoEstimate.of(a.with(k, clamp(k, v * factor))));
            swings.add(new Swing(k, low, high));
        }
        swings.sort(Comparator.comparingDouble((Swing s) -> -Math.abs(s.high.value() - s.low.value()))
                .thenComparing(s -> s.knob().ordinal()));
        return new Sensitivity(output, factor, base, swings.stream().map(Swing::knob).toList(),
                swings.stream().map(Swing::low).toList(), swings.stream().map(Swing::high).toList());
    }

    /** Keeps knobs with natural bounds inside them (a fraction at most 1; at least 1 replica; a peak at least the average). */
    private static double clamp(Knob k, double v) {
        return switch (k) {
            case HOT_FRACTION -> Math.min(1, v);
            case REPLICAS, PEAK_TO_AVERAGE -> Math.max(1, v);
            default -> v;
        };
    }

    /** The change, in percent of {@link #base()}, when {@code knob} is divided ({@code higher = false}) or multiplied. */
    public double percentChange(Knob knob, boolean higher) {
        int i = knobs.indexOf(knob);
        Quantity q = (higher ? this.higher : lower).get(i);
        return 100 * (q.value() / base.value() - 1);
    }

    /** The tornado chart: percent change of the figure per knob, divided and multiplied. */
    public Plot plot() {
        List<Knob> moving = knobs.stream()
                .filter(k -> percentChange(k, false) != 0 || percentChange(k, true) != 0).toList();
        if (moving.isEmpty()) moving = knobs;
        List<String> labels = moving.stream().map(Knob::label).toList();
        double[] down = moving.stream().mapToDouble(k -> percentChange(k, false)).toArray();
        double[] up = moving.stream().mapToDouble(k -> percentChange(k, true)).toArray();
        String f = factorText();
        return Plot.bar("Which assumption moves " + output.label() + " most?", "assumption",
                        "change in " + output.label() + " (%)")
                .bars("assumption ÷ " + f, labels, down)
                .bars("assumption × " + f, labels, up);
    }

    /** The same numbers as a table. */
    public Table table() {
        String f = factorText();
        Table t = Table.create("Sensitivity of " + output.label() + " (base " + base + ")");
        t.addColumns(StringColumn.create("assumption"), StringColumn.create("assumption ÷ " + f),
                StringColumn.create("assumption × " + f), DoubleColumn.create("swing (% of base)"));
        for (int i = 0; i < knobs.size(); i++) {
            t.stringColumn(1).append(lower.get(i).toString());
            t.stringColumn(0).append(knobs.get(i).label());
            t.stringColumn(2).append(higher.get(i).toString());
            t.doubleColumn(3).append(Math.round(Math.abs(higher.get(i).value() - lower.get(i).value()) / base.value() * 100));
        }
        return t;
    }

    private String factorText() {
        return factor == Math.rint(factor) ? String.valueOf((long) factor) : String.format(Locale.ROOT, "%.3g", factor);
    }

    @Override
    public String toString() {
        return "Sensitivity of " + output.label() + ": " + Arrays.toString(knobs.toArray());
    }
}
