package sdx.sql.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.sql.Sqlite;

/**
 * Hidden checks for exercise 1: the learner's {@code CREATE INDEX} statement, run on a fresh copy of
 * {@link SqlExercises#ORDERS}, must make {@link SqlExercises#QUERY} a covering index search over both
 * conditions, and fast. Graded by SQLite's own plan and by timing against a full scan (a factor of 20, where
 * the right index gives about a thousand).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class IndexChecks {
    private final String statement = Grader.submission(String.class);

    private Sqlite withIndex() {
        Sqlite db = SqlExercises.orders();
        try {
            long before = db.number("SELECT count(*) FROM sqlite_master WHERE type = 'index'");
            String sql = statement.strip();
            if (sql.endsWith(";")) sql = sql.substring(0, sql.length() - 1);
            if (sql.contains(";")) fail("write one statement (no ';' inside): " + statement);
            try {
                db.execute(sql);
            } catch (IllegalArgumentException e) {
                fail(e.getMessage());
            }
            long after = db.number("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'");
            assertEquals(before + 1, after, "indexes on orders after your statement");
            return db;
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    @Test
    @Order(1)
    @DisplayName("one CREATE INDEX statement on orders that SQLite accepts")
    @Hint("CREATE INDEX some_name ON orders(column, column, ...)")
    @Basic
    void createsAnIndex() {
        withIndex().close();
    }

    @Test
    @Order(2)
    @DisplayName("the plan searches the index instead of scanning the table")
    @Hint("an index helps only if its FIRST column is one the WHERE clause fixes with =")
    void searches() {
        try (Sqlite db = withIndex()) {
            String plan = db.plan(SqlExercises.QUERY_EXAMPLE);
            assertTrue(plan.contains("SEARCH orders USING"), "SQLite's plan: " + plan);
        }
    }

    @Test
    @Order(3)
    @DisplayName("the search uses both conditions (customer_id and status)")
    @Hint("put both columns the WHERE clause fixes first in the index; then the B-tree descends straight to the matching rows")
    void usesBothConditions() {
        try (Sqlite db = withIndex()) {
            String plan = db.plan(SqlExercises.QUERY_EXAMPLE);
            assertTrue(plan.contains("customer_id=?") && plan.contains("status=?"), "SQLite's plan: " + plan);
        }
    }

    @Test
    @Order(4)
    @DisplayName("the index covers the query: no table lookup")
    @Hint("the query also reads total: an index that holds every column the query touches answers it alone")
    void covers() {
        try (Sqlite db = withIndex()) {
            String plan = db.plan(SqlExercises.QUERY_EXAMPLE);
            assertTrue(plan.contains("COVERING INDEX"), "SQLite's plan: " + plan);
        }
    }

    @Test
    @Order(5)
    @DisplayName("the query runs at least 20× faster than a full scan")
    @Hint("an index on a column with few distinct values (like status) still reads a third of the table, row by row")
    void isFast() {
        try (Sqlite db = withIndex()) {
            double scan = SqlExercises.medianMicros(db, SqlExercises.QUERY.replace("FROM orders", "FROM orders NOT INDEXED"), 7);
            double mine = SqlExercises.medianMicros(db, SqlExercises.QUERY, 201);
            assertTrue(mine * 20 <= scan, String.format(java.util.Locale.ROOT,
                    "your query took %.0f µs (median), a full scan %.0f µs: only %.1f× faster", mine, scan, scan / mine));
        }
    }
}
