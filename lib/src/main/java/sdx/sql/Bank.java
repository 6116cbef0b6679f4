package sdx.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import sdx.core.Check;

/**
 * A bank in a real H2 database in memory (H2 is an MVCC engine with row locks and isolation levels, like
 * PostgreSQL): table {@code accounts(id INT PRIMARY KEY, balance BIGINT NOT NULL CHECK (balance >= 0))}.
 * Hands out connections, all closed with the bank, which then disappears. A <em>slow</em> connection sleeps
 * after each query, as an application server does some work between reading a balance and writing it back:
 * that widens the window in which a concurrent transaction can interleave, so races show in a few
 * dozen deposits instead of a few million.
 */
public final class Bank implements AutoCloseable {
    private static final AtomicLong DATABASES = new AtomicLong();

    private final String url;
    private final List<Connection> connections = new ArrayList<>();

    private Bank(String url) {
        this.url = url;
    }

    /** A bank with accounts 1..{@code accounts}, each holding {@code balance}. */
    public static Bank open(int accounts, long balance) {
        Check.inRange("accounts", accounts, 1, 1_000_000);
        Check.that(balance >= 0, "balance", balance, "at least 0");
        Bank bank = new Bank("jdbc:h2:mem:sdx_bank_" + DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=5000;DB_CLOSE_DELAY=-1");
        try {
            bank.execute("CREATE TABLE accounts(id INT PRIMARY KEY, balance BIGINT NOT NULL CHECK (balance >= 0))");
            bank.execute("INSERT INTO accounts SELECT x, " + balance + " FROM SYSTEM_RANGE(1, " + accounts + ")");
            return bank;
        } catch (RuntimeException e) {
            bank.close();
            throw e;
        }
    }

    /** A new connection (auto-commit on, READ COMMITTED), closed with the bank. */
    public synchronized Connection connect() {
        try {
            Connection c = DriverManager.getConnection(url);
            connections.add(c);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    /** A new connection that sleeps {@code pauseMicros} after every query, before the caller sees its rows. */
    public Connection slowConnect(long pauseMicros) {
        Check.that(pauseMicros >= 0 && pauseMicros <= 1_000_000, "pauseMicros", pauseMicros, "0 to 1,000,000");
        return slow(connect(), pauseMicros);
    }

    /** Runs one statement on a connection of its own. */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw refused(sql, e);
        }
    }

    /** An SQL error as an IllegalArgumentException quoting the statement H2 refused. */
    private static IllegalArgumentException refused(String sql, SQLException e) {
        return new IllegalArgumentException("H2 refused `" + sql + "`: " + e.getMessage(), e);
    }

    /** The committed balance of account {@code id}. */
    public long balance(int id) {
        return number("SELECT balance FROM accounts WHERE id = " + id);
    }

    /** The sum of all committed balances. */
    public long total() {
        return number("SELECT sum(balance) FROM accounts");
    }

    private long number(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) throw new IllegalStateException("no row for " + sql);
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");  // drops the in-memory database even if a caller kept a connection open
        } catch (SQLException ignored) {
            // already gone
        }
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection of a database that was shut down
            }
        }
        connections.clear();
    }

    /** Wraps a connection so that every statement it prepares pauses after executeQuery. */
    static Connection slow(Connection c, long pauseMicros) {
        return (Connection) Proxy.newProxyInstance(Bank.class.getClassLoader(), new Class<?>[] {Connection.class},
                forward(c, (method, result) -> {
                    if (result instanceof Statement s && (method.equals("prepareStatement") || method.equals("createStatement"))) {
                        Class<?> type = s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                        return Proxy.newProxyInstance(Bank.class.getClassLoader(), new Class<?>[] {type},
                                forward(s, (m, r) -> {
                                    if (m.equals("executeQuery")) pause(pauseMicros);
                                    return r;
                                }));
                    }
                    return result;
                }));
    }

    private interface After {
        Object apply(String method, Object result) throws Exception;
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    private static void pause(long micros) {
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
