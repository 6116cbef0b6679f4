package sdx.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;

/**
 * A real SQLite database in memory, through JDBC (xerial's sqlite-jdbc, which bundles SQLite itself): gone
 * when closed, nothing written to disk. Adds the three questions the notebook asks of it: what is the plan
 * ({@link #plan}), how many pages does a B-tree have and how deep is it ({@link #btree}, from SQLite's
 * {@code dbstat} table), and a number from a query ({@link #number}). SQL errors come back as
 * {@link IllegalArgumentException}s that quote the statement.
 */
public final class Sqlite implements AutoCloseable {
    private final Connection connection;

    private Sqlite(Connection connection) {
        this.connection = connection;
    }

    /** A new, empty, private in-memory database. */
    public static Sqlite inMemory() {
        try {
            return new Sqlite(DriverManager.getConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory SQLite database: " + e.getMessage(), e);
        }
    }

    /** The JDBC connection, for prepared statements in a timing loop. */
    public Connection connection() {
        return connection;
    }

    /** Runs one or more statements separated by {@code ;}. */
    public Sqlite execute(String sql) {
        Check.notNull("sql", sql);
        for (String one : sql.split(";")) {
            if (one.isBlank()) continue;
            try (Statement s = connection.createStatement()) {
                s.execute(one);
            } catch (SQLException e) {
                throw error(one, e);
            }
        }
        return this;
    }

    /** The first column of the first row of a query, as a number. */
    public long number(String sql) {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(Check.notNull("sql", sql))) {
            if (!r.next()) throw Check.fail("the query returned no row: " + sql);
            return r.getLong(1);
        } catch (SQLException e) {
            throw error(sql, e);
        }
    }

    /**
     * SQLite's plan for a query ({@code EXPLAIN QUERY PLAN}), one step per line: {@code SCAN t} reads the
     * whole table, {@code SEARCH t USING INDEX i (k=?)} descends a B-tree, {@code USING COVERING INDEX}
     * answers from the index alone.
     */
    public String plan(String sql) {
        List<String> steps = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + Check.notNull("sql", sql))) {
            while (r.next()) steps.add(r.getString("detail"));
        } catch (SQLException e) {
            throw error(sql, e);
        }
        return String.join("\n", steps);
    }

    /** The shape of one B-tree (a table or an index) as SQLite stores it, read from {@code dbstat}. */
    public BTree btree(String name) {
        Check.notNull("name", name);
        String sql = "SELECT count(*), max(length(path) - length(replace(path, '/', ''))), "
                + "sum(CASE WHEN pagetype = 'leaf' THEN 1 ELSE 0 END), "
                + "sum(CASE WHEN pagetype = 'leaf' THEN ncell ELSE 0 END), "
                + "sum(CASE WHEN pagetype = 'internal' THEN ncell + 1 ELSE 0 END), "
                + "sum(CASE WHEN pagetype = 'internal' THEN 1 ELSE 0 END) FROM dbstat WHERE name = ?";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                int pages = r.getInt(1);
                if (pages == 0) throw Check.fail("name is '" + name + "': no table or index of that name");
                return new BTree(name, pages, r.getInt(2), r.getInt(3), r.getLong(4), r.getLong(5), r.getInt(6));
            }
        } catch (SQLException e) {
            throw error(sql, e);
        }
    }

    /**
     * A B-tree's shape. {@code depth} is the number of pages a lookup reads from the root to a leaf (1 when
     * the root is the only page); {@code children} counts the child pointers of all interior pages.
     */
    public record BTree(String name, int pages, int depth, int leafPages, long leafCells, long children,
                        int interiorPages) {
        /** Entries per leaf page, on average. */
        public double perLeaf() {
            return leafPages == 0 ? 0 : (double) leafCells / leafPages;
        }

        /** Children per interior page, on average: the tree's fan-out (0 for a one-page tree). */
        public double fanout() {
            return interiorPages == 0 ? 0 : (double) children / interiorPages;
        }
    }

    static IllegalArgumentException error(String sql, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replace("[SQLITE_ERROR] SQL error or missing database ", "");
        return new IllegalArgumentException("SQLite refused `" + sql.strip() + "`: " + message, e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing SQLite: " + e.getMessage(), e);
        }
    }
}
