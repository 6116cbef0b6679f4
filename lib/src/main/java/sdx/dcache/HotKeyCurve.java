package sdx.dcache;

import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Reads per second on the busiest cache node, measured and modelled, against one setting.
 *
 * @param title    what was varied
 * @param xAxis    the setting's name
 * @param x        the settings
 * @param measured busiest node's reads per second, simulated
 * @param model    the same, expected from the key probabilities
 * @param mean     the mean node's load (total / nodes), the floor no scheme gets below without a near-cache
 */
public record HotKeyCurve(String title, String xAxis, double[] x, double[] measured, double[] model, double mean) {
    /** Copies arrays in and out. */
    public HotKeyCurve {
        x = x.clone();
        measured = measured.clone();
        model = model.clone();
    }

    /** The largest gap between measurement and model, relative to the model. */
    public double maxRelativeError() {
        double m = 0;
        for (int i = 0; i < x.length; i++) m = Math.max(m, Math.abs(measured[i] - model[i]) / model[i]);
        return m;
    }

    /** Measured points with the model dashed in their hue, and the mean node load. */
    public Plot plot() {
        double[] flat = new double[x.length];
        java.util.Arrays.fill(flat, mean);
        return Plot.line(title, xAxis, "reads/s on the busiest node")
                .points("busiest node, measured", x, measured)
                .theoryOf("busiest node, measured", "busiest node, model", x, model)
                .theory("mean node (total / nodes)", x, flat);
    }

    /** One row per setting. */
    public Table table() {
        double[] m = new double[x.length], t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = Math.round(measured[i]);
            t[i] = Math.round(model[i]);
        }
        return Table.create(title).addColumns(DoubleColumn.create(xAxis, x),
                DoubleColumn.create("busiest node reads/s, measured", m), DoubleColumn.create("model", t));
    }
}
