package sdx.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Offset vs keyset (cursor) pagination on a real embedded database (SQLite, in memory). A table
 * {@code items(id INTEGER PRIMARY KEY, title TEXT)} holds the rows; a page is
 * <ul>
 *   <li>offset: {@code SELECT ... ORDER BY id LIMIT :limit OFFSET :offset};</li>
 *   <li>keyset: {@code SELECT ... WHERE id > :lastId ORDER BY id LIMIT :limit}.</li>
 * </ul>
 * To count the rows the database steps over, each query's WHERE clause also calls a counting SQL function
 * {@code visit(id)} (registered through sqlite-jdbc's {@code org.sqlite.Function}); SQLite calls it once per
 * row it reads, before OFFSET throws rows away. Close it to drop the database.
 */
public final class Pagination implements AutoCloseable {
    private final Connection db;
    private final long[] visits = new long[1];
    private final int rows;

    private Pagination(int rows) throws SQLException {
        this.rows = rows;
        db = DriverManager.getConnection("jdbc:sqlite::memory:");
        org.sqlite.Function.create(db, "visit", new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                visits[0]++;
                result(1);
            }
        });
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, title TEXT NOT NULL)");
        }
        db.setAutoCommit(false);
        try (PreparedStatement p = db.prepareStatement("INSERT INTO items(id, title) VALUES (?, ?)")) {
            for (int id = 1; id <= rows; id++) {
                p.setInt(1, id);
                p.setString(2, "item " + id);
                p.addBatch();
            }
            p.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** A database of {@code rows} items with ids 1..rows (1..2,000,000). */
    public static Pagination open(int rows) {
        Check.inRange("rows", rows, 1, 2_000_000);
        try {
            return new Pagination(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the SQLite database: " + e.getMessage(), e);
        }
    }

    /**
     * One page.
     *
     * @param ids         the ids on the page, in order
     * @param rowsVisited rows SQLite read to answer (counted by {@code visit(id)})
     */
    public record Page(long[] ids, long rowsVisited) {
        public Page {
            ids = ids.clone();
        }

        @Override
        public long[] ids() {
            return ids.clone();
        }
    }

    /** The page at {@code offset} (>= 0) of {@code limit} (1..1,000) items, by OFFSET. */
    public Page byOffset(int offset, int limit) {
        Check.atLeast("offset", offset, 0);
        Check.inRange("limit", limit, 1, 1_000);
        return page("SELECT id FROM items WHERE visit(id) ORDER BY id LIMIT ? OFFSET ?", limit, offset);
    }

    /** The {@code limit} (1..1,000) items after id {@code lastId} (>= 0), by keyset. */
    public Page byKeyset(long lastId, int limit) {
        Check.that(lastId >= 0, "lastId", lastId, "must be >= 0");
        Check.inRange("limit", limit, 1, 1_000);
        return page("SELECT id FROM items WHERE id > ? AND visit(id) ORDER BY id LIMIT ?", lastId, limit);
    }

    /** SQLite's plan for each kind of page (EXPLAIN QUERY PLAN), as a two-row table. */
    public Table plans() {
        StringColumn kind = StringColumn.create("pagination"), plan = StringColumn.create("SQLite's query plan");
        kind.append("offset");
        plan.append(plan("SELECT id FROM items ORDER BY id LIMIT 20 OFFSET 5000"));
        kind.append("keyset");
        plan.append(plan("SELECT id FROM items WHERE id > 5000 ORDER BY id LIMIT 20"));
        return Table.create("query plans").addColumns(kind, plan);
    }

    private String plan(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            List<String> steps = new ArrayList<>();
            while (rs.next()) steps.add(rs.getString("detail"));
            return String.join("; ", steps);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Page page(String sql, long a, long b) {
        visits[0] = 0;
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, a);
            p.setLong(2, b);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            return new Page(ids.stream().mapToLong(Long::longValue).toArray(), visits[0]);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Rows in the table. */
    public int rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing an in-memory database: nothing to keep
        }
    }

    /**
     * Rows visited per page, measured with the counting function, for pages of {@code limit} at each offset.
     *
     * @param offsets the page offsets, each in 0..rows - limit
     * @param offsetVisits rows visited by the OFFSET query
     * @param keysetVisits rows visited by the keyset query for the same page
     */
    public record Cost(int limit, long[] offsets, long[] offsetVisits, long[] keysetVisits) {
        public Cost {
            offsets = offsets.clone();
            offsetVisits = offsetVisits.clone();
            keysetVisits = keysetVisits.clone();
        }

        /** Theory: OFFSET reads and discards {@code offset} rows, then reads the page: offset + limit. */
        public static long offsetTheory(long offset, int limit) {
            return offset + limit;
        }

        /** Theory: the keyset query seeks the primary key's B-tree to lastId and reads the page: limit. */
        public static long keysetTheory(int limit) {
            return limit;
        }

        /** Rows visited vs offset, both kinds, theory dashed. */
        public Plot plot() {
            double[] x = new double[offsets.length], off = new double[x.length], key = new double[x.length],
                    offT = new double[x.length], keyT = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = offsets[i];
                off[i] = offsetVisits[i];
                key[i] = keysetVisits[i];
                offT[i] = offsetTheory(offsets[i], limit);
                keyT[i] = keysetTheory(limit);
            }
            return Plot.line("rows SQLite reads for one page of " + limit, "position of the page (offset)", "rows read")
                    .points("offset", x, off).theoryOf("offset", "offset + limit", x, offT)
                    .points("keyset", x, key).theoryOf("keyset", "limit", x, keyT);
        }

        /** The measured counts beside the theory. */
        public Table table() {
            LongColumn o = LongColumn.create("offset", offsets), ov = LongColumn.create("offset: rows read", offsetVisits),
                    kv = LongColumn.create("keyset: rows read", keysetVisits);
            LongColumn ot = LongColumn.create("offset + limit"), kt = LongColumn.create("limit");
            for (long off : offsets) {
                ot.append(offsetTheory(off, limit));
                kt.append(keysetTheory(limit));
            }
            return Table.create("rows read per page").addColumns(o, ov, ot, kv, kt);
        }
    }

    /** Counts rows visited for a page of {@code limit} at each offset (each in 0..rows - limit). */
    public Cost cost(int limit, long... offsets) {
        Check.inRange("limit", limit, 1, 1_000);
        Check.that(offsets.length > 0, "offsets", "[]", "must name at least one offset");
        long[] ov = new long[offsets.length], kv = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            long off = offsets[i];
            Check.that(off >= 0 && off <= rows - limit, "offsets", off, "must be in 0.." + (rows - limit));
            Page a = byOffset((int) off, limit);
            Page b = byKeyset(off, limit);          // ids are 1..rows, so the page after id = off is the same page
            Check.that(java.util.Arrays.equals(a.ids(), b.ids()), "offsets", off, "gave different pages (a bug)");
            ov[i] = a.rowsVisited();
            kv[i] = b.rowsVisited();
        }
        return new Cost(limit, offsets, ov, kv);
    }

    /**
     * Wall-clock time per page (median of {@code repeats} runs), microseconds, offset vs keyset, for the plain
     * queries (without the counting function). Timing: the numbers vary from run to run and machine to machine.
     */
    public Table timing(int limit, int repeats, long... offsets) {
        Check.inRange("repeats", repeats, 1, 101);
        Cost cost = cost(limit, offsets);                 // checks the arguments, warms the statements up
        LongColumn o = LongColumn.create("offset", offsets);
        DoubleColumn ot = DoubleColumn.create("offset: µs per page"), kt = DoubleColumn.create("keyset: µs per page");
        for (long off : offsets) {           // the plain queries, without the counting function
            ot.append(median(repeats, () -> page("SELECT id FROM items ORDER BY id LIMIT ? OFFSET ?", limit, off)));
            kt.append(median(repeats, () -> page("SELECT id FROM items WHERE id > ? ORDER BY id LIMIT ?", off, limit)));
        }
        return Table.create("time per page of " + limit + " from " + rows + " rows (wall clock)")
                .addColumns(o, ot, kt, LongColumn.create("offset: rows read", cost.offsetVisits()));
    }

    private static double median(int repeats, Runnable r) {
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1_000.0;
        }
        java.util.Arrays.sort(t);
        return Math.round(t[repeats / 2] * 10) / 10.0;
    }

    /**
     * What a reader sees when the list changes while it pages: counted per kind of pagination.
     *
     * @param kind      "offset" or "keyset"
     * @param pages     pages the reader fetched
     * @param repeated  items the reader got twice or more
     * @param skipped   items that were in the list from the first page to the last and the reader never got
     */
    public record Drift(String kind, int pages, int repeated, int skipped) {}

    /**
     * A feed, newest first (ORDER BY id DESC), of {@code items} rows; a reader pages through it {@code limit} at a
     * time while, before each page after the first, a writer inserts {@code inserts} new items (they go on top)
     * and deletes {@code deletes} random items (seeded). The same seed gives the same writes for both kinds.
     */
    public static Table drift(int items, int limit, int inserts, int deletes, long seed) {
        Check.inRange("items", items, 1, 10_000);
        Check.inRange("limit", limit, 1, 1_000);
        Check.inRange("inserts", inserts, 0, 100);
        Check.inRange("deletes", deletes, 0, 100);
        StringColumn kind = StringColumn.create("pagination");
        IntColumn pages = IntColumn.create("pages"), repeated = IntColumn.create("items repeated"),
                skipped = IntColumn.create("items skipped");
        for (String k : List.of("offset", "keyset")) {
            Drift d = driftOf(k, items, limit, inserts, deletes, seed);
            kind.append(d.kind());
            pages.append(d.pages());
            repeated.append(d.repeated());
            skipped.append(d.skipped());
        }
        return Table.create("a reader pages while the feed changes: " + inserts + " inserts and " + deletes
                        + " deletes before each page (seed " + seed + ")")
                .addColumns(kind, pages, repeated, skipped);
    }

    /** One kind's {@link Drift} (see {@link #drift}). */
    public static Drift driftOf(String kind, int items, int limit, int inserts, int deletes, long seed) {
        Check.that(kind.equals("offset") || kind.equals("keyset"), "kind", kind, "must be \"offset\" or \"keyset\"");
        SplittableRandom random = new SplittableRandom(seed);
        try (Pagination p = open(items)) {
            List<Long> seen = new ArrayList<>();
            java.util.Set<Long> deleted = new java.util.HashSet<>();
            long next = items + 1, lastId = Long.MAX_VALUE;
            int offset = 0, pageCount = 0;
            while (true) {
                if (pageCount > 0) {
                    for (int i = 0; i < inserts; i++) p.exec("INSERT INTO items(id, title) VALUES (" + next++ + ", 'new')");
                    for (int i = 0; i < deletes; i++) {
                        long id = 1 + random.nextLong(next - 1);
                        if (deleted.add(id)) p.exec("DELETE FROM items WHERE id = " + id);
                    }
                }
                long[] page = kind.equals("offset")
                        ? p.ids("SELECT id FROM items ORDER BY id DESC LIMIT " + limit + " OFFSET " + offset)
                        : p.ids("SELECT id FROM items WHERE id < " + lastId + " ORDER BY id DESC LIMIT " + limit);
                pageCount++;
                for (long id : page) seen.add(id);
                offset += page.length;
                if (page.length < limit) break;
                lastId = page[page.length - 1];
            }
            int repeated = seen.size() - (int) seen.stream().distinct().count();
            java.util.Set<Long> got = new java.util.HashSet<>(seen);
            int skipped = 0;
            for (long id = 1; id <= items; id++) if (!deleted.contains(id) && !got.contains(id)) skipped++;
            return new Drift(kind, pageCount, repeated, skipped);
        }
    }

    private void exec(String sql) {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private long[] ids(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) ids.add(rs.getLong(1));
            return ids.stream().mapToLong(Long::longValue).toArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
