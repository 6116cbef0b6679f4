package sdx.tls;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import sdx.viz.Plot;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Bytes on the wire for one request and its response, counted by a {@link WireTap} (TCP payload: TCP/IP
 * headers are not counted), per kind of connection, beside the same request and response without TLS.
 *
 * @param rows    one per kind of connection, the plain-TCP baseline first
 * @param records each TLS kind's records, as seen by the tap
 */
public record WireBytes(List<Row> rows, Map<String, List<TlsRecord>> records) {

    /**
     * One kind of connection.
     *
     * @param name       "TLS 1.3 full", ...
     * @param toServer   bytes client to server
     * @param toClient   bytes server to client
     * @param recordCount TLS records (0 for plain TCP)
     */
    public record Row(String name, long toServer, long toClient, int recordCount) {}

    public WireBytes {
        rows = List.copyOf(rows);
        records = Map.copyOf(records);
    }

    /** The row named {@code name}. */
    public Row get(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> sdx.core.Check.fail("name must be one of " + rows.stream().map(Row::name).toList()
                        + ", was " + name));
    }

    /** Bytes each way, total, and records, per kind. */
    public Table table() {
        Table t = Table.create("Bytes for one request and its response (TCP payload)");
        StringColumn name = StringColumn.create("connection");
        LongColumn up = LongColumn.create("client → server");
        LongColumn down = LongColumn.create("server → client");
        LongColumn total = LongColumn.create("total");
        IntColumn recs = IntColumn.create("TLS records");
        for (Row r : rows) {
            name.append(r.name());
            up.append(r.toServer());
            down.append(r.toClient());
            total.append(r.toServer() + r.toClient());
            recs.append(r.recordCount());
        }
        return t.addColumns(name, up, down, total, recs);
    }

    /** The records of one kind ("TLS 1.3 full"), client's first, then the server's, each in order sent. */
    public Table records(String kind) {
        List<TlsRecord> list = records.get(kind);
        if (list == null) throw sdx.core.Check.fail("kind must be one of " + records.keySet().stream().sorted().toList()
                + ", was " + kind);
        Table t = Table.create("Records of one connection, " + kind + ", as an observer on the path sees them");
        StringColumn dir = StringColumn.create("direction");
        IntColumn n = IntColumn.create("#");
        StringColumn type = StringColumn.create("record type (in the clear)");
        IntColumn bytes = IntColumn.create("bytes");
        StringColumn content = StringColumn.create("what an observer can read");
        int i = 0;
        for (TlsRecord r : list.stream().sorted(Comparator.comparing((TlsRecord r) -> !r.fromClient())).toList()) {
            i = (dir.size() > 0 && !dir.get(dir.size() - 1).equals(r.direction())) ? 1 : i + 1;
            dir.append(r.direction());
            n.append(i);
            type.append(r.type());
            bytes.append(r.wireBytes());
            content.append(r.content());
        }
        return t.addColumns(dir, n, type, bytes, content);
    }

    /** Bytes each way per kind, as grouped bars. */
    public Plot plot() {
        List<String> names = rows.stream().map(Row::name).toList();
        return Plot.bar("Bytes on the wire for one request and response", "connection", "bytes")
                .bars("client → server", names, rows.stream().mapToDouble(Row::toServer).toArray())
                .bars("server → client", names, rows.stream().mapToDouble(Row::toClient).toArray());
    }
}
