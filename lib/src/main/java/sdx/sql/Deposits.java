package sdx.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Four ways to write a deposit, as application code does: two lose updates under concurrency, two do not.
 * Read them with {@code Source.of(Deposits.class)}.
 */
public final class Deposits {
    private Deposits() {}

    /** Read the balance, add in Java, write it back: two statements, each its own transaction. */
    public static final Deposit READ_THEN_WRITE = (c, id, amount) -> {
        long balance = balance(c, id, "SELECT balance FROM accounts WHERE id = ?");
        setBalance(c, id, balance + amount);
    };

    /**
     * The same inside one transaction at READ COMMITTED: still lost, because reading takes no lock, so two
     * transactions can read the same balance before either writes.
     */
    public static final Deposit READ_THEN_WRITE_IN_A_TRANSACTION = (c, id, amount) -> inTransaction(c, () -> {
        long balance = balance(c, id, "SELECT balance FROM accounts WHERE id = ?");
        setBalance(c, id, balance + amount);
    });

    /** Read with {@code SELECT ... FOR UPDATE}: the row is locked until commit, so the next reader waits. */
    public static final Deposit SELECT_FOR_UPDATE = (c, id, amount) -> inTransaction(c, () -> {
        long balance = balance(c, id, "SELECT balance FROM accounts WHERE id = ? FOR UPDATE");
        setBalance(c, id, balance + amount);
    });

    /** Let the database do the arithmetic: one {@code UPDATE ... SET balance = balance + ?}, atomic by itself. */
    public static final Deposit ONE_UPDATE = (c, id, amount) -> {
        try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?")) {
            p.setLong(1, amount);
            p.setInt(2, id);
            p.executeUpdate();
        }
    };

    /** The four, by name, in the order the notebook shows them. */
    public static Map<String, Deposit> all() {
        Map<String, Deposit> m = new LinkedHashMap<>();
        m.put("read, then write", READ_THEN_WRITE);
        m.put("read, then write, in one transaction", READ_THEN_WRITE_IN_A_TRANSACTION);
        m.put("SELECT ... FOR UPDATE, then write", SELECT_FOR_UPDATE);
        m.put("one UPDATE balance = balance + ?", ONE_UPDATE);
        return m;
    }

    private static long balance(Connection c, int id, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) throw new SQLException("no account " + id);
                return r.getLong(1);
            }
        }
    }

    private static void setBalance(Connection c, int id, long balance) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?")) {
            p.setLong(1, balance);
            p.setInt(2, id);
            p.executeUpdate();
        }
    }

    /** Work that may throw SQLException. */
    interface Work {
        void run() throws SQLException;
    }

    /** Runs work in one transaction: commit on success, roll back on failure; auto-commit restored. */
    static void inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
