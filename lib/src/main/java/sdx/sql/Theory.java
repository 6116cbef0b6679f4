package sdx.sql;

import sdx.core.Check;

/**
 * The closed forms notebook 10 draws beside its measurements: a full scan reads every page of the table, a
 * B-tree lookup reads one page per level, and a B-tree with fan-out f over L leaf pages has
 * 1 + ⌈log_f L⌉ levels (Bayer and McCreight, "Organization and maintenance of large ordered indexes",
 * 1972; Comer, "The ubiquitous B-tree", 1979). The page and fan-out figures come from the database itself
 * (SQLite's {@code dbstat}), measured on the largest table; the formulas then predict every other size.
 */
public final class Theory {
    private Theory() {}

    /**
     * Pages a full scan reads: the leaf pages holding {@code rows} rows at {@code perLeaf} rows a page, plus
     * the interior pages above them (a geometric series: leaves × f / (f − 1)).
     */
    public static double scanPages(long rows, double perLeaf, double fanout) {
        Check.positive("rows", rows);
        Check.positive("perLeaf", perLeaf);
        Check.atLeast("fanout", fanout, 2);
        double leaves = Math.ceil(rows / perLeaf);
        return leaves <= 1 ? 1 : leaves * fanout / (fanout - 1);
    }

    /** Levels of a B-tree holding {@code entries} at {@code perLeaf} a leaf page and fan-out {@code fanout}. */
    public static int depth(long entries, double perLeaf, double fanout) {
        Check.positive("entries", entries);
        Check.positive("perLeaf", perLeaf);
        Check.atLeast("fanout", fanout, 2);
        double leaves = Math.ceil(entries / perLeaf);
        return leaves <= 1 ? 1 : 1 + (int) Math.ceil(Math.log(leaves) / Math.log(fanout) - 1e-9);
    }
}
