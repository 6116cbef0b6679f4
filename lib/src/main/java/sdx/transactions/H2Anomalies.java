package sdx.transactions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The same two anomalies on a real embedded SQL database, H2, in memory: two JDBC connections, their
 * statements interleaved step by step on one thread, at each isolation level H2 offers. What each level
 * allows is measured, not assumed: engines differ in what their "serializable" means. A statement that
 * has to wait for the other transaction's lock cannot proceed on one thread; H2's lock timeout (100 ms)
 * ends the wait and the table says so.
 */
public final class H2Anomalies {
    private H2Anomalies() {}

    /** H2's isolation levels, weakest first, as SQL names them. */
    public static final List<String> LEVELS = List.of("READ COMMITTED", "REPEATABLE READ", "SNAPSHOT", "SERIALIZABLE");

    private static final AtomicLong DATABASES = new AtomicLong();

    /** Two transactions increment one counter from 0: lost update or not, per level. */
    public static Table lostUpdate() {
        Table t = table("Lost update on H2: two transactions each add 1 to a counter that starts at 0");
        for (String level : LEVELS) {
            try (Db db = new Db(level, "create table counter(id int primary key, n int); insert into counter values (1, 0)")) {
                long a = db.one(db.c1, "select n from counter where id = 1");
                long b = db.one(db.c2, "select n from counter where id = 1");
                String first = db.run(db.c1, "update counter set n = " + (a + 1) + " where id = 1; commit");
                String second = db.run(db.c2, "update counter set n = " + (b + 1) + " where id = 1; commit");
                long after = db.one(db.c1, "select n from counter where id = 1");
                long committed = (first.equals("committed") ? 1 : 0) + (second.equals("committed") ? 1 : 0);
                add(t, level, "T1 and T2 read " + a + " and " + b, first, second, "counter = " + after,
                        after == committed ? "no: " + committed + " committed increment(s), counter " + after
                                : "LOST UPDATE: " + committed + " committed increments, counter " + after);
            }
        }
        return t;
    }

    /** Alice and Bob are on call; each goes off call after seeing two on call: write skew or not, per level. */
    public static Table writeSkew() {
        Table t = table("Write skew on H2: Alice and Bob each go off call after seeing two doctors on call");
        for (String level : LEVELS) {
            try (Db db = new Db(level, ROTA)) {
                long a = db.one(db.c1, ON_CALL);
                long b = db.one(db.c2, ON_CALL);
                String first = db.run(db.c1, "update doctors set on_call = false where name = 'alice'; commit");
                String second = db.run(db.c2, "update doctors set on_call = false where name = 'bob'; commit");
                long after = db.one(db.c1, ON_CALL);
                add(t, level, "T1 and T2 count " + a + " and " + b + " on call", first, second, after + " on call",
                        after >= 1 ? "no" : "WRITE SKEW: nobody on call");
            }
        }
        return t;
    }

    /**
     * The fix that works at every level: {@code SELECT ... FOR UPDATE} locks the rows the decision
     * depends on, so the second transaction waits; when it tries again after the first commits, it sees
     * one doctor on call and stays.
     */
    public static Table writeSkewWithLocks() {
        Table t = table("The fix: SELECT ... FOR UPDATE on the rows the decision reads");
        for (String level : LEVELS) {
            try (Db db = new Db(level, ROTA)) {
                long a = db.count(db.c1, LOCK_ROTA);
                String wait = db.tryCount(db.c2, LOCK_ROTA);
                String first = db.run(db.c1, "update doctors set on_call = false where name = 'alice'; commit");
                String retry = db.tryCount(db.c2, LOCK_ROTA);
                String second;
                if (retry.startsWith("counts ")) {
                    long b = Long.parseLong(retry.substring(7));
                    second = b >= 2 ? db.run(db.c2, "update doctors set on_call = false where name = 'bob'; commit")
                            : db.run(db.c2, "commit") + " (stays on call)";
                } else {
                    second = "does not write: " + retry;
                }
                long after = db.one(db.c1, ON_CALL);
                add(t, level, "T1 locks and counts " + a + "; T2 " + wait + ", then " + retry, first, second,
                        after + " on call", after >= 1 ? "no" : "WRITE SKEW: nobody on call");
            }
        }
        return t;
    }

    private static final String ROTA = "create table doctors(name varchar primary key, on_call boolean); "
            + "insert into doctors values ('alice', true), ('bob', true)";
    private static final String ON_CALL = "select count(*) from doctors where on_call";
    private static final String LOCK_ROTA = "select name from doctors where on_call for update";

    private static Table table(String name) {
        return Table.create(name).addColumns(StringColumn.create("isolation level"), StringColumn.create("reads"),
                StringColumn.create("T1 writes and commits"), StringColumn.create("T2 writes and commits"),
                StringColumn.create("after"), StringColumn.create("anomaly?"));
    }

    private static void add(Table t, String... cells) {
        for (int i = 0; i < cells.length; i++) t.stringColumn(i).append(cells[i]);
    }

    /** A fresh in-memory database and two connections at one isolation level; dropped on close. */
    private static final class Db implements AutoCloseable {
        final Connection c1, c2;
        private final List<Connection> all = new ArrayList<>();

        Db(String level, String setup) {
            String url = "jdbc:h2:mem:sdx_txn_" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=100";
            try {
                Connection keeper = open(url);
                try (Statement s = keeper.createStatement()) {
                    for (String sql : setup.split(";")) s.execute(sql);
                }
                c1 = open(url);
                c2 = open(url);
                for (Connection c : List.of(c1, c2)) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + level);
                    }
                }
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("H2 could not start an in-memory database: " + e.getMessage(), e);
            }
        }

        private Connection open(String url) throws SQLException {
            Connection c = DriverManager.getConnection(url);
            all.add(c);
            return c;
        }

        long one(Connection c, String sql) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        long count(Connection c, String sql) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                long n = 0;
                while (r.next()) n++;
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        String tryCount(Connection c, String sql) {
            try {
                return "counts " + count(c, sql);
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof SQLException s && s.getErrorCode() == 50200) {
                    return "waits for T1's lock (gave up after 100 ms)";
                }
                rollback(c);
                return e.getCause() instanceof SQLException s ? aborted(s) : "error: " + e.getMessage();
            }
        }

        /** Runs statements (the last usually "commit"); returns "committed" or what H2 said when it refused. */
        String run(Connection c, String statements) {
            try (Statement s = c.createStatement()) {
                for (String sql : statements.split(";")) {
                    if (sql.strip().equalsIgnoreCase("commit")) c.commit();
                    else s.executeUpdate(sql);
                }
                return "committed";
            } catch (SQLException e) {
                rollback(c);
                return aborted(e);
            }
        }

        private static void rollback(Connection c) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is closed at the end anyway
            }
        }

        private static String aborted(SQLException e) {
            String first = e.getMessage().lines().findFirst().orElse("");
            int cut = first.indexOf(". ");
            return "ABORTED by H2 (SQLState " + e.getSQLState() + ", \"" + (cut > 0 ? first.substring(0, cut) : first) + "\")";
        }

        @Override
        public void close() {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing an in-memory database cannot lose anything
                }
            }
        }
    }
}
