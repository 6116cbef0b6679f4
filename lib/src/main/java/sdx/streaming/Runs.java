package sdx.streaming;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables of delivery runs. */
final class Runs {
    private Runs() {}

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static Table table(String title, List<DeliveryRun> runs) {
        return Table.create(title).addColumns(
                StringColumn.create("protocol", runs.stream().map(r -> r.protocol().label()).toList()),
                IntColumn.create("clients", runs.stream().mapToInt(r -> r.settings().clients()).toArray()),
                StringColumn.create("interval (ms)", runs.stream()
                        .map(r -> r.protocol() == Protocol.SHORT_POLL ? String.valueOf(r.settings().intervalMs()) : "-").toList()),
                LongColumn.create("events", runs.stream().mapToLong(DeliveryRun::events).toArray()),
                DoubleColumn.create("mean staleness (ms)", runs.stream().mapToDouble(r -> round(r.meanStalenessMs(), 2)).toArray()),
                DoubleColumn.create("theory (ms)", runs.stream().mapToDouble(r -> round(r.theoryStaleness(), 2)).toArray()),
                DoubleColumn.create("p99 staleness (ms)", runs.stream().mapToDouble(r -> round(r.p99StalenessMs(), 2)).toArray()),
                DoubleColumn.create("requests/s", runs.stream().mapToDouble(r -> round(r.requestsPerSecond(), 1)).toArray()),
                DoubleColumn.create("theory requests/s", runs.stream().mapToDouble(r -> round(r.theoryRequestsPerSecond(), 1)).toArray()),
                DoubleColumn.create("open connections", runs.stream().mapToDouble(r -> round(r.meanOpen(), 2)).toArray()),
                LongColumn.create("missing", runs.stream().mapToLong(DeliveryRun::missing).toArray()),
                LongColumn.create("duplicates", runs.stream().mapToLong(DeliveryRun::duplicates).toArray()));
    }
}
