package sdx.security;

import java.util.Arrays;
import java.util.List;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The real loopback flood and the model at the same attack rate, one row per protection.
 *
 * @param settings   the server and clients
 * @param attackRate requests/s the attacker offered
 * @param real       outcomes on the real server (wall clock), in {@link Protection} order
 * @param model      outcomes of the model (virtual time), in the same order
 */
public record FloodComparison(FloodSettings settings, double attackRate, List<FloodOutcome> real, List<FloodOutcome> model) {
    public FloodComparison {
        real = List.copyOf(real);
        model = List.copyOf(model);
    }

    /** Protections ordered from the lowest to the highest legitimate goodput, in the real run. */
    public List<Protection> realOrder() {
        return real.stream().sorted((a, b) -> Double.compare(a.goodput(), b.goodput())).map(FloodOutcome::protection).toList();
    }

    /** Protections ordered from the lowest to the highest legitimate goodput, in the model. */
    public List<Protection> modelOrder() {
        return model.stream().sorted((a, b) -> Double.compare(a.goodput(), b.goodput())).map(FloodOutcome::protection).toList();
    }

    /** Legitimate goodput per protection: the real server beside the model. */
    public Plot plot() {
        List<String> names = Arrays.stream(Protection.values()).map(Protection::label).toList();
        return Plot.bar("Legitimate goodput under the same flood: loopback vs model", "protection",
                        "legitimate requests/s within the deadline")
                .bars("real server on 127.0.0.1", names, real.stream().mapToDouble(FloodOutcome::goodput).toArray())
                .bars("model (virtual time)", names, model.stream().mapToDouble(FloodOutcome::goodput).toArray());
    }

    /** One row per protection: goodput per second, share in time and p99 (real and model), rejections per second. */
    public Table table() {
        return Table.create("The same flood on a real server and in the model").addColumns(
                StringColumn.create("protection", real.stream().map(o -> o.protection().label()).toList()),
                DoubleColumn.create("legit goodput/s (real)", real.stream().map(o -> FloodSweep.round(o.goodput())).toList()),
                DoubleColumn.create("legit goodput/s (model)", model.stream().map(o -> FloodSweep.round(o.goodput())).toList()),
                DoubleColumn.create("legit in time % (real)", real.stream().map(o -> FloodSweep.round(100 * o.goodShare())).toList()),
                DoubleColumn.create("legit p99 ms (real)", real.stream().map(o -> FloodSweep.round(o.p99Millis())).toList()),
                DoubleColumn.create("attack served (real)", real.stream().map(o -> (double) o.attackServed()).toList()),
                DoubleColumn.create("rejected (real)", real.stream().map(o -> (double) o.rejected()).toList()));
    }
}
