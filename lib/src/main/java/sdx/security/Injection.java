package sdx.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * SQL injection on a real embedded database (SQLite in memory, a fresh one per {@link #open()}): a login and a
 * product search written twice, by string concatenation and with {@link PreparedStatement} placeholders.
 * The tables: {@code users(name, password, role)} (passwords kept in clear so the rows are readable; a real
 * system stores a slow salted hash) and {@code products(name, price)}.
 */
public final class Injection implements AutoCloseable {
    private final Connection db;

    private Injection(Connection db) {
        this.db = db;
    }

    /** A fresh in-memory database with three users and four products. */
    public static Injection open() {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE users(name TEXT PRIMARY KEY, password TEXT, role TEXT)");
                s.executeUpdate("INSERT INTO users VALUES ('admin','correct horse','admin'),('alice','s3cret','user'),"
                        + "('bob','hunter2','user')");
                s.executeUpdate("CREATE TABLE products(name TEXT, price TEXT)");
                s.executeUpdate("INSERT INTO products VALUES ('blue mug','8.00'),('red mug','9.50'),"
                        + "('tea towel','4.00'),('teapot','21.00')");
            }
            return new Injection(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the in-memory database: " + e.getMessage(), e);
        }
    }

    /** The login query as concatenation builds it. */
    public static String loginSql(String name, String password) {
        return "SELECT name, role FROM users WHERE name = '" + name + "' AND password = '" + password + "'";
    }

    /** The search query as concatenation builds it. */
    public static String searchSql(String term) {
        return "SELECT name, price FROM products WHERE name LIKE '%" + term + "%'";
    }

    /** Login by concatenation: the rows the database returns (a non-empty answer logs the first row in). */
    public List<String> loginUnsafe(String name, String password) {
        Check.notNull("name", name);
        Check.notNull("password", password);
        return query(loginSql(name, password));
    }

    /** Login with placeholders: the input is data, never SQL. */
    public List<String> loginSafe(String name, String password) {
        Check.notNull("name", name);
        Check.notNull("password", password);
        return prepared("SELECT name, role FROM users WHERE name = ? AND password = ?", name, password);
    }

    /** Search by concatenation. */
    public List<String> searchUnsafe(String term) {
        Check.notNull("term", term);
        return query(searchSql(term));
    }

    /** Search with a placeholder. */
    public List<String> searchSafe(String term) {
        Check.notNull("term", term);
        return prepared("SELECT name, price FROM products WHERE name LIKE '%' || ? || '%'", term);
    }

    /** The tables in the database now (to see whether a stacked DROP TABLE ran). */
    public List<String> tables() {
        return query("SELECT name, type FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    private List<String> query(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        } catch (SQLException e) {
            return List.of("error: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private List<String> prepared(String sql, String... args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        } catch (SQLException e) {
            return List.of("error: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        while (rs.next()) rows.add(rs.getString(1) + " | " + rs.getString(2));
        return rows;
    }

    /** The classic payloads against both versions: what each returned, and the SQL concatenation built. */
    public static Table demo() {
        List<String[]> rows = new ArrayList<>();
        try (Injection db = open()) {
            login(db, rows, "an honest login", "alice", "s3cret");
            login(db, rows, "a wrong password", "alice", "guess");
            login(db, rows, "always true: ' OR '1'='1", "alice", "' OR '1'='1");
            login(db, rows, "comment out the rest: admin'--", "admin'--", "anything");
            search(db, rows, "an honest search", "mug");
            search(db, rows, "UNION: read another table", "zzz' UNION SELECT name, password FROM users--");
        }
        try (Injection db = open()) {
            search(db, rows, "stacked: '; DROP TABLE products", "x'; DROP TABLE products;--");
            rows.add(new String[] {"tables after the stacked attempt", "", "", String.join("; ", db.tables()), ""});
        }
        return Table.create("SQL injection on SQLite (in memory)").addColumns(
                StringColumn.create("attempt", rows.stream().map(r -> r[0]).toList()),
                StringColumn.create("input", rows.stream().map(r -> r[1]).toList()),
                StringColumn.create("SQL built by concatenation", rows.stream().map(r -> r[2]).toList()),
                StringColumn.create("rows: concatenation", rows.stream().map(r -> r[3]).toList()),
                StringColumn.create("rows: prepared statement", rows.stream().map(r -> r[4]).toList()));
    }

    private static void login(Injection db, List<String[]> rows, String what, String name, String password) {
        rows.add(new String[] {what, "name=" + name + "  password=" + password, loginSql(name, password),
                show(db.loginUnsafe(name, password)), show(db.loginSafe(name, password))});
    }

    private static void search(Injection db, List<String[]> rows, String what, String term) {
        rows.add(new String[] {what, term, searchSql(term), show(db.searchUnsafe(term)), show(db.searchSafe(term))});
    }

    private static String show(List<String> rows) {
        return rows.isEmpty() ? "(none)" : String.join("; ", rows);
    }

    /** Closes the database (it vanishes: it lived in memory). */
    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // nothing to keep
        }
    }
}
