package sdx.sql;

import java.util.Arrays;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The price of an index: the same rows inserted into a table with 0, 1, 2, ... secondary indexes. Each
 * index is one more B-tree to update per row, so the time per row should grow about linearly with the
 * number of indexes: {@code t(k) = a + b·k}, fitted by least squares ({@link #fit()}) and drawn dashed.
 *
 * @param indexes    number of secondary indexes per run
 * @param rows       rows inserted per run
 * @param pages      pages of all B-trees after the insert (deterministic)
 * @param rowsPerSec insert throughput on this machine
 */
public record InsertRun(int[] indexes, int rows, int[] pages, double[] rowsPerSec) {
    public InsertRun {
        indexes = indexes.clone();
        pages = pages.clone();
        rowsPerSec = rowsPerSec.clone();
    }

    @Override public int[] indexes() { return indexes.clone(); }
    @Override public int[] pages() { return pages.clone(); }
    @Override public double[] rowsPerSec() { return rowsPerSec.clone(); }

    /** µs per row, measured. */
    public double[] microsPerRow() {
        return Arrays.stream(rowsPerSec).map(r -> 1e6 / r).toArray();
    }

    /** {a, b} of the least-squares line µs per row = a + b · indexes. */
    public double[] fit() {
        double[] x = LookupRun.asDouble(indexes), y = microsPerRow();
        double mx = Arrays.stream(x).average().orElse(0), my = Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double b = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {my - b * mx, b};
    }

    /** Throughput vs number of indexes, with the fitted "one more B-tree per index" line dashed. */
    public Plot plot() {
        double[] x = LookupRun.asDouble(indexes), ab = fit();
        double[] model = Arrays.stream(x).map(k -> 1e6 / (ab[0] + ab[1] * k)).toArray();
        return Plot.line("Insert throughput vs number of indexes (this machine)", "secondary indexes on the table", "rows inserted per second")
                .series("measured", x, rowsPerSec)
                .theoryOf("measured", "fit: time per row = a + b × indexes", x, model);
    }

    /** One row per run. */
    public Table table() {
        return Table.create("Inserting " + rows + " rows").addColumns(
                IntColumn.create("secondary indexes", indexes),
                IntColumn.create("B-trees written per row", Arrays.stream(indexes).map(k -> k + 1).toArray()),
                IntColumn.create("pages after insert", pages),
                DoubleColumn.create("rows/s", Arrays.stream(rowsPerSec).map(Math::rint).toArray()));
    }
}
