package sdx.sql;

import java.util.Arrays;
import java.util.Locale;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Point lookups by e-mail on a growing table, without an index (a full scan) and with one (a B-tree
 * search). Pages are counted by SQLite itself and are the same on every run; times are this machine's
 * wall clock (medians). The plans are SQLite's own words for each kind of lookup.
 *
 * @param rows          table sizes
 * @param scanPages     pages a full scan reads (every page of the table's B-tree)
 * @param searchPages   pages an indexed lookup reads: the index's depth plus the table's depth
 * @param indexDepth    levels of the e-mail index
 * @param tableDepth    levels of the table's B-tree (keyed by row id)
 * @param scanMicros    median time of one scan, µs
 * @param searchMicros  median time of one indexed lookup, µs
 * @param scanPlan      SQLite's plan without the index
 * @param searchPlan    SQLite's plan with it
 * @param tableTree     the table's B-tree at the largest size (rows per leaf page, fan-out)
 * @param indexTree     the index's B-tree at the largest size
 */
public record LookupRun(int[] rows, long[] scanPages, long[] searchPages, int[] indexDepth, int[] tableDepth,
                        double[] scanMicros, double[] searchMicros, String scanPlan, String searchPlan,
                        Sqlite.BTree tableTree, Sqlite.BTree indexTree) {
    public LookupRun {
        rows = rows.clone();
        scanPages = scanPages.clone();
        searchPages = searchPages.clone();
        indexDepth = indexDepth.clone();
        tableDepth = tableDepth.clone();
        scanMicros = scanMicros.clone();
        searchMicros = searchMicros.clone();
    }

    @Override public int[] rows() { return rows.clone(); }
    @Override public long[] scanPages() { return scanPages.clone(); }
    @Override public long[] searchPages() { return searchPages.clone(); }
    @Override public int[] indexDepth() { return indexDepth.clone(); }
    @Override public int[] tableDepth() { return tableDepth.clone(); }
    @Override public double[] scanMicros() { return scanMicros.clone(); }
    @Override public double[] searchMicros() { return searchMicros.clone(); }

    /** The B-tree formulas, with rows per page and fan-out measured at the largest size. */
    public double[] scanPagesTheory() {
        return Arrays.stream(rows).mapToDouble(n -> Theory.scanPages(n, tableTree.perLeaf(), tableTree.fanout())).toArray();
    }

    /** Index depth + table depth, predicted by {@link Theory#depth}. */
    public double[] searchPagesTheory() {
        return Arrays.stream(rows).mapToDouble(n -> Theory.depth(n, indexTree.perLeaf(), indexTree.fanout())
                + Theory.depth(n, tableTree.perLeaf(), tableTree.fanout())).toArray();
    }

    /** Pages read per lookup vs table size, log-log, the B-tree formulas dashed. Deterministic. */
    public Plot pagesPlot() {
        double[] x = asDouble(rows);
        return Plot.line("Pages one lookup reads, as the table grows", "rows in the table", "pages read")
                .series("full scan (no index)", x, asDouble(scanPages))
                .theoryOf("full scan (no index)", "scan: rows / rows per page", x, scanPagesTheory())
                .series("index search (B-tree)", x, asDouble(searchPages))
                .theoryOf("index search (B-tree)", "search: index depth + table depth", x, searchPagesTheory())
                .logX().logY();
    }

    /** Median time per lookup vs table size on this machine, log-log; a scan's line proportional to rows. */
    public Plot timePlot() {
        double[] x = asDouble(rows);
        int last = rows.length - 1;
        double perRow = scanMicros[last] / rows[last];
        double[] linear = Arrays.stream(rows).mapToDouble(n -> n * perRow).toArray();
        return Plot.line("Time of one lookup on this machine (median)", "rows in the table", "µs per lookup")
                .series("full scan (no index)", x, scanMicros)
                .theoryOf("full scan (no index)", "proportional to rows (through the largest)", x, linear)
                .series("index search (B-tree)", x, searchMicros)
                .logX().logY();
    }

    /** One row per size: pages (deterministic) and times (this machine). */
    public Table table() {
        return Table.create("Point lookup by e-mail").addColumns(
                IntColumn.create("rows", rows),
                LongColumn.create("scan pages", scanPages),
                IntColumn.create("index depth", indexDepth),
                IntColumn.create("table depth", tableDepth),
                LongColumn.create("search pages", searchPages),
                DoubleColumn.create("scan µs", round(scanMicros)),
                DoubleColumn.create("search µs", round(searchMicros)),
                DoubleColumn.create("scan µs ÷ search µs", ratio()));
    }

    /** How many times faster the indexed lookup is, per size. */
    public double[] ratio() {
        double[] r = new double[rows.length];
        for (int i = 0; i < r.length; i++) r[i] = Math.round(scanMicros[i] / searchMicros[i]);
        return r;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LookupRun(%d sizes up to %,d rows)", rows.length, rows[rows.length - 1]);
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(d -> Math.round(d * 10) / 10.0).toArray();
    }

    static double[] asDouble(int[] v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }

    static double[] asDouble(long[] v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }
}
