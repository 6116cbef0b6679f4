package sdx.sql.exercises;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Rng;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.sql.Deposit;
import sdx.sql.SqlIndexes;
import sdx.sql.Sqlite;
import sdx.sql.Theory;

/**
 * Notebook 10's exercises, one method per check cell: {@link #chooseIndex}, {@link #deposit},
 * {@link #predictPages}.
 */
public final class SqlExercises {
    private SqlExercises() {}

    /** Exercise 1's table: 100,000 orders of 5,000 customers, a third of them open. */
    public static final String ORDERS = "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INT NOT NULL, "
            + "status TEXT NOT NULL, created_at INT NOT NULL, total INT NOT NULL)";

    /** Exercise 1's query, for a customer given as the parameter. */
    public static final String QUERY = "SELECT total FROM orders WHERE customer_id = ? AND status = 'open'";

    /** The same query for customer 42, as {@code EXPLAIN QUERY PLAN} takes it. */
    public static final String QUERY_EXAMPLE = QUERY.replace("?", "42");

    /** Exercise 1: a fresh SQLite database holding {@link #ORDERS}, to try indexes on. Close it after use. */
    public static Sqlite orders() {
        Sqlite db = Sqlite.inMemory();
        db.execute(ORDERS);
        db.execute("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 100000) "
                + "INSERT INTO orders SELECT x, 1 + (x * 7919) % 5000, "
                + "CASE (x * 31) % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'paid' ELSE 'shipped' END, "
                + "1700000000 + x * 60, (x * 104729) % 100000 FROM r");
        return db;
    }

    /** Exercise 1: grades a {@code CREATE INDEX} statement ({@code null}: not attempted). */
    public static Report chooseIndex(String createIndex) {
        return Grader.run("an index for the open-orders query", IndexChecks.class, createIndex);
    }

    /** Exercise 2: grades a deposit that must lose no update under concurrency ({@code null}: not attempted). */
    public static Report deposit(Deposit deposit) {
        return Grader.run("a deposit that loses no update", DepositChecks.class, deposit);
    }

    /** Exercise 3's table size: 100 million rows. */
    public static final long PREDICT_ROWS = 100_000_000L;

    /**
     * Exercise 3's truth: pages an indexed lookup reads at {@link #PREDICT_ROWS} rows, by the B-tree formula
     * with the rows per page and fan-out SQLite reports for the notebook's table at 10^6 rows (a table of
     * 10^8 rows cannot be built in a notebook cell).
     */
    public static int predictPagesTruth() {
        Sqlite.BTree[] trees = SqlIndexes.trees(1_000_000, Rng.DEFAULT_SEED);
        int pages = 0;
        for (Sqlite.BTree tree : trees) pages += Theory.depth(PREDICT_ROWS, tree.perLeaf(), tree.fanout());
        return pages;
    }

    static final Prediction PAGES = Prediction.named("pages an indexed lookup reads at 10^8 rows")
            .truth(SqlExercises::predictPagesTruth)
            .tolerance(0, "the depth of a B-tree is a whole number: count levels with the fan-out")
            .tooHigh("a B-tree adds one level each time the table grows by a factor of its fan-out (a few hundred), "
                    + "not in proportion to the rows")
            .tooLow("100 times more rows is more than one fan-out's worth of growth for one of the two trees: count "
                    + "leaf pages (rows / rows per leaf) and how many levels of the fan-out sit above them, per tree");

    /** Exercise 3: grades a predicted page count ({@code Exercise.TODO_NUMBER}: not attempted). */
    public static Report predictPages(double pages) {
        return PAGES.grade(pages);
    }

    /** Median µs of {@code sql} (one {@code ?}: a customer id, seeded) over {@code runs} runs. */
    static double medianMicros(Sqlite db, String sql, int runs) {
        UniformRandomProvider rng = Rng.of(Rng.DEFAULT_SEED);
        double[] t = new double[runs];
        try (PreparedStatement p = db.connection().prepareStatement(sql)) {
            for (int i = -3; i < runs; i++) {
                p.setInt(1, 1 + rng.nextInt(5_000));
                long t0 = System.nanoTime();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) r.getLong(1);
                }
                if (i >= 0) t[i] = (System.nanoTime() - t0) / 1_000.0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
