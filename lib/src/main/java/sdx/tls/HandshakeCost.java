package sdx.tls;

import java.util.List;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Wall-clock costs of connections on loopback, measured: the TCP connect and the TLS handshakes (full and
 * resumed, TLS 1.3 and 1.2), with resumption checked on the wire. Loopback has no round-trip time worth
 * the name, so these are the CPU and scheduling costs of the handshakes (key agreement, signatures,
 * certificate checks), with client and server on the same machine.
 *
 * @param rows   one per kind of connection
 * @param rounds measured connections per kind (after warm-up)
 */
public record HandshakeCost(List<Row> rows, int rounds) {

    /**
     * One kind of connection.
     *
     * @param name         "TLS 1.3 full", ...
     * @param medianMillis the median time
     * @param p90Millis    the 90th percentile
     * @param resumed      how many of the checked connections the server resumed, e.g. "5 of 5" ("" for TCP)
     */
    public record Row(String name, double medianMillis, double p90Millis, String resumed) {}

    public HandshakeCost {
        rows = List.copyOf(rows);
    }

    /** The row named {@code name}. */
    public Row get(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> sdx.core.Check.fail("name must be one of " + rows.stream().map(Row::name).toList()
                        + ", was " + name));
    }

    /** Median and p90 per kind, and the resumption check. */
    public Table table() {
        Table t = Table.create("Connection costs on loopback, " + rounds + " connections each (wall clock)");
        StringColumn name = StringColumn.create("connection");
        DoubleColumn median = DoubleColumn.create("median ms");
        DoubleColumn p90 = DoubleColumn.create("p90 ms");
        StringColumn resumed = StringColumn.create("resumed (checked on the wire)");
        for (Row r : rows) {
            name.append(r.name());
            median.append(Math.round(r.medianMillis() * 1000) / 1000.0);
            p90.append(Math.round(r.p90Millis() * 1000) / 1000.0);
            resumed.append(r.resumed());
        }
        return t.addColumns(name, median, p90, resumed);
    }

    /** The medians as bars. */
    public Plot plot() {
        double[] v = rows.stream().mapToDouble(Row::medianMillis).toArray();
        return Plot.bar("Median time to connect on loopback", "connection", "ms")
                .bars("median", rows.stream().map(Row::name).toList(), v);
    }
}
