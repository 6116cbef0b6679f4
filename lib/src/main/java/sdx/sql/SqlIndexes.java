package sdx.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 10's experiments on real embedded databases: SQLite for indexes and plans, H2 for transactions.
 * One static method per question; each returns a result record with {@code plot()}/{@code table()}.
 */
public final class SqlIndexes {
    private SqlIndexes() {}

    /** 2^31 − 1, a prime: {@code (x·a + b) mod P} places row x's e-mail without collisions for x &lt; P. */
    static final long P = 2_147_483_647L;

    /**
     * Point lookups by e-mail as a {@code users} table grows through {@code settings.sizes()}, with an index on
     * {@code email}: each size is measured as a full scan ({@code NOT INDEXED}) and as an index search.
     */
    public static LookupRun lookups(LookupSettings settings) {
        Check.notNull("settings", settings);
        int[] sizes = settings.sizes();
        int k = sizes.length;
        long[] scanPages = new long[k], searchPages = new long[k];
        int[] indexDepth = new int[k], tableDepth = new int[k];
        double[] scanMicros = new double[k], searchMicros = new double[k];
        UniformRandomProvider rng = Rng.of(settings.seed());
        Emails emails = new Emails(rng);
        try (Sqlite db = Sqlite.inMemory()) {
            db.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL)");
            int have = 0;
            Sqlite.BTree table = null, index = null;
            String scanPlan = "", searchPlan = "";
            for (int i = 0; i < k; i++) {
                emails.insert(db, have + 1, sizes[i]);
                have = sizes[i];
                table = db.btree("users");
                scanPlan = db.plan(EXAMPLE);
                scanMicros[i] = medianMicros(db, EXAMPLE, emails, have, 1, 1_000, settings.scanBudgetMillis() * 1_000_000L, rng);
                // Building the index once the rows are in is faster than maintaining it row by row; a
                // lookup reads the same pages either way.
                db.execute("CREATE INDEX users_email ON users(email)");
                index = db.btree("users_email");
                searchPlan = db.plan(EXAMPLE);
                searchMicros[i] = medianMicros(db, EXAMPLE, emails, have, 20, settings.searches(), Long.MAX_VALUE, rng);
                if (i < k - 1) db.execute("DROP INDEX users_email");
                scanPages[i] = table.pages();
                indexDepth[i] = index.depth();
                tableDepth[i] = table.depth();
                searchPages[i] = index.depth() + table.depth();
            }
            return new LookupRun(sizes, scanPages, searchPages, indexDepth, tableDepth, scanMicros, searchMicros,
                    scanPlan, searchPlan, table, index);
        }
    }


    /** The secondary indexes {@link #insertCost} adds, in order. */
    static final String[] INDEXES = {"user_id", "kind", "at", "amount", "user_id, at", "kind, amount"};

    /**
     * Inserts {@code rows} rows twice (the faster run counts; one transaction, a prepared statement in batches, as an application would)
     * into an {@code events} table with 0, 1, ..., {@code maxIndexes} secondary indexes.
     */
    public static InsertRun insertCost(int maxIndexes, int rows, long seed) {
        Check.inRange("maxIndexes", maxIndexes, 0, INDEXES.length);
        Check.inRange("rows", rows, 1, 2_000_000);
        int[] indexes = new int[maxIndexes + 1], pages = new int[maxIndexes + 1];
        double[] rate = new double[maxIndexes + 1];
        try (Sqlite warmUp = Sqlite.inMemory()) {  // the JIT compiles the insert loop before anything is timed
            warmUp.execute("CREATE TABLE events(id INTEGER PRIMARY KEY, user_id INT, kind INT, at INT, amount INT)");
            insertEvents(warmUp, Math.min(rows, 20_000), Rng.of(seed));
        }
        for (int k = 0; k <= maxIndexes; k++) {
            try (Sqlite db = Sqlite.inMemory()) {
                db.execute("CREATE TABLE events(id INTEGER PRIMARY KEY, user_id INT, kind INT, at INT, amount INT)");
                for (int i = 0; i < k; i++) db.execute("CREATE INDEX events_" + i + " ON events(" + INDEXES[i] + ")");
                long best = Long.MAX_VALUE;  // the better of two runs: less noise from the machine
                for (int run = 0; run < 2; run++) {
                    db.execute("DELETE FROM events");
                    long t0 = System.nanoTime();
                    insertEvents(db, rows, Rng.of(seed));
                    best = Math.min(best, System.nanoTime() - t0);
                }
                rate[k] = rows / (best / 1e9);
                indexes[k] = k;
                pages[k] = (int) db.number("SELECT count(*) FROM dbstat");
            }
        }
        return new InsertRun(indexes, rows, pages, rate);
    }

    private static void insertEvents(Sqlite db, int rows, UniformRandomProvider rng) {
        String sql = "INSERT INTO events VALUES (?, ?, ?, ?, ?)";
        var c = db.connection();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int i = 1; i <= rows; i++) {
                p.setInt(1, i);
                p.setInt(2, rng.nextInt(10_000));
                p.setInt(3, rng.nextInt(20));
                p.setInt(4, rng.nextInt(1_000_000_000));
                p.setInt(5, rng.nextInt(100_000));
                p.addBatch();
                if (i % 1_000 == 0) p.executeBatch();
            }
            p.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw Sqlite.error(sql, e);
        }
    }

    /**
     * A composite index on {@code people(country, city)} and the queries it can and cannot serve: SQLite's
     * plan for each, and how many rows each returns (100,000 people, seeded). Deterministic.
     */
    public static Table compositeIndex(long seed) {
        try (Sqlite db = Sqlite.inMemory()) {
            UniformRandomProvider rng = Rng.of(seed);
            db.execute("CREATE TABLE people(id INTEGER PRIMARY KEY, country TEXT, city TEXT, name TEXT, age INT)");
            String sql = "INSERT INTO people VALUES (?, ?, ?, ?, ?)";
            var c = db.connection();
            try (PreparedStatement p = c.prepareStatement(sql)) {
                c.setAutoCommit(false);
                for (int i = 1; i <= 100_000; i++) {
                    int country = rng.nextInt(50);
                    p.setInt(1, i);
                    p.setString(2, "c" + country);
                    p.setString(3, "c" + country + "-city" + rng.nextInt(100));
                    p.setString(4, "person " + i);
                    p.setInt(5, 18 + rng.nextInt(70));
                    p.addBatch();
                }
                p.executeBatch();
                c.commit();
                c.setAutoCommit(true);
            } catch (SQLException e) {
                throw Sqlite.error(sql, e);
            }
            db.execute("CREATE INDEX people_country_city ON people(country, city)");
            Table t = Table.create("One index on people(country, city): which queries can use it?").addColumns(
                    StringColumn.create("query"), StringColumn.create("SQLite's plan"), IntColumn.create("rows returned"));
            for (String q : List.of(
                    "SELECT name FROM people WHERE country = 'c7'",
                    "SELECT name FROM people WHERE country = 'c7' AND city = 'c7-city42'",
                    "SELECT name FROM people WHERE city = 'c7-city42'",
                    "SELECT city FROM people WHERE country = 'c7' AND city = 'c7-city42'",
                    "SELECT count(*) FROM people WHERE country = 'c7'",
                    "SELECT name FROM people WHERE country = 'c7' ORDER BY city",
                    "SELECT name FROM people WHERE country = 'c7' ORDER BY age")) {
                t.stringColumn(0).append(q);
                t.stringColumn(1).append(db.plan(q).replace("\n", "; "));
                t.intColumn(2).append((int) db.number("SELECT count(*) FROM (" + q + ")"));
            }
            return t;
        }
    }


    /** Pause of a slow connection between a query and what the application does next, µs. */
    public static final long PAUSE_MICROS = 1_000;

    /**
     * A race on a real H2 database: {@code threads} threads, each with its own slow connection
     * ({@link Bank#slowConnect}), each calling {@code deposit} to add 1 to account 1, {@code depositsEach}
     * times, all starting together. Threads still running after 10 s are interrupted and reported as stuck. A
     * deposit that throws an SQLException counts as failed; any other exception stops the race and is rethrown.
     */
    public static RaceRun race(Deposit deposit, int threads, int depositsEach) {
        Check.notNull("deposit", deposit);
        Check.inRange("threads", threads, 1, 64);
        Check.inRange("depositsEach", depositsEach, 1, 10_000);
        try (Bank bank = Bank.open(1, 0)) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<RuntimeException> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            List<Thread> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                java.sql.Connection c = bank.slowConnect(PAUSE_MICROS);
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < depositsEach && !Thread.currentThread().isInterrupted(); i++) {
                            try {
                                deposit.deposit(c, 1, 1);
                            } catch (SQLException e) {  // a lock wait that timed out, say: the database refused
                                failed.incrementAndGet();
                            } catch (RuntimeException e) {  // a bug (or a stub) in the deposit: stop, tell the caller
                                thrown.compareAndSet(null, e);
                                return;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "sdx-deposit-" + t);
                w.setDaemon(true);
                workers.add(w);
                w.start();
            }
            start.countDown();
            int stuck = joinAll(workers, 10_000);
            if (thrown.get() != null) throw thrown.get();
            return new RaceRun(threads, depositsEach, (long) threads * depositsEach, bank.balance(1), failed.get(), stuck);
        }
    }

    /** Joins every thread within {@code millis} in total; interrupts the rest and returns how many. */
    static int joinAll(List<Thread> threads, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        int stuck = 0;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                t.interrupt();
                stuck++;
            }
        }
        return stuck;
    }

    /** The four {@link Deposits}, each raced by {@code threads} threads × {@code depositsEach} deposits. */
    public static Table lostUpdates(int threads, int depositsEach) {
        Table t = Table.create("Deposits of 1 into one account from " + threads + " threads at once (H2, READ COMMITTED)")
                .addColumns(StringColumn.create("how the deposit is written"), IntColumn.create("deposits"),
                        IntColumn.create("balance"), IntColumn.create("lost"), StringColumn.create("any lost?"));
        for (var e : Deposits.all().entrySet()) {
            RaceRun r = race(e.getValue(), threads, depositsEach);
            t.stringColumn(0).append(e.getKey());
            t.intColumn(1).append((int) r.expected());
            t.intColumn(2).append((int) r.balance());
            t.intColumn(3).append((int) r.lost());
            t.stringColumn(4).append(r.lost() > 0 ? "yes" : r.failed() + r.stuck() > 0 ? "failed" : "no");
        }
        return t;
    }

    /**
     * Atomicity on H2: move 80 from account 1 (100) to account 2 (0) with two UPDATEs, the application
     * crashing between them; then the same in one transaction; then 150 in one transaction, which the CHECK
     * constraint (balance &gt;= 0) refuses. Deterministic.
     */
    public static Table transfers() {
        Table t = Table.create("Transfer from account 1 (balance 100) to account 2 (balance 0)").addColumns(
                StringColumn.create("how"), StringColumn.create("what happens"), IntColumn.create("account 1"),
                IntColumn.create("account 2"), IntColumn.create("total"));
        transfer(t, "two auto-committed UPDATEs", 80, false, true);
        transfer(t, "one transaction", 80, true, true);
        transfer(t, "one transaction", 150, true, false);
        transfer(t, "one transaction", 80, true, false);
        return t;
    }

    private static void transfer(Table t, String how, long amount, boolean inTransaction, boolean crash) {
        try (Bank bank = Bank.open(2, 0)) {
            bank.execute("UPDATE accounts SET balance = 100 WHERE id = 1");
            java.sql.Connection c = bank.connect();
            String outcome;
            try {
                Deposits.Work move = () -> {
                    update(c, "UPDATE accounts SET balance = balance - " + amount + " WHERE id = 1");
                    if (crash) throw new IllegalStateException("the application crashed");
                    update(c, "UPDATE accounts SET balance = balance + " + amount + " WHERE id = 2");
                };
                if (inTransaction) Deposits.inTransaction(c, move);
                else move.run();
                outcome = "moves " + amount + ": committed";
            } catch (IllegalStateException e) {
                outcome = "moves " + amount + ", crashes between the two UPDATEs" + (inTransaction ? ": rolled back" : "");
            } catch (SQLException e) {
                outcome = "moves " + amount + ": CHECK (balance >= 0) fails, rolled back";
            }
            t.stringColumn(0).append(how);
            t.stringColumn(1).append(outcome);
            t.intColumn(2).append((int) bank.balance(1));
            t.intColumn(3).append((int) bank.balance(2));
            t.intColumn(4).append((int) bank.total());
        }
    }

    private static void update(java.sql.Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /**
     * The B-trees of the {@link #lookups} table at {@code rows} rows, without timing anything: the table's
     * (by row id) and the e-mail index's, as SQLite's {@code dbstat} reports them.
     */
    public static Sqlite.BTree[] trees(int rows, long seed) {
        Check.inRange("rows", rows, 1, 2_000_000);
        try (Sqlite db = Sqlite.inMemory()) {
            db.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL)");
            new Emails(Rng.of(seed)).insert(db, 1, rows);
            db.execute("CREATE INDEX users_email ON users(email)");
            return new Sqlite.BTree[] {db.btree("users"), db.btree("users_email")};
        }
    }


    /**
     * Normalised vs denormalised on SQLite, 10,000 customers with {@code ordersPerCustomer} orders each: reading a
     * customer's orders with the customer's name takes a join in the first design and one table in the second
     * (median time of each on this machine); renaming a customer writes one row in the first and one per order in
     * the second (counted). Deterministic apart from the times.
     */
    public static Table joinVsCopy(int ordersPerCustomer, long seed) {
        Check.inRange("ordersPerCustomer", ordersPerCustomer, 1, 100);
        int customers = 10_000, orders = customers * ordersPerCustomer;
        UniformRandomProvider rng = Rng.of(seed);
        try (Sqlite db = Sqlite.inMemory()) {
            db.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
                    + "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers(id), total INT NOT NULL);"
                    + "CREATE TABLE orders_wide(id INTEGER PRIMARY KEY, customer_id INT NOT NULL, customer_name TEXT NOT NULL, total INT NOT NULL);"
                    + "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < " + customers + ") "
                    + "INSERT INTO customers SELECT x, printf('customer %05d', x) FROM r;"
                    + "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < " + orders + ") "
                    + "INSERT INTO orders SELECT x, 1 + (x * 7919) % " + customers + ", (x * 104729) % 100000 FROM r;"
                    + "INSERT INTO orders_wide SELECT o.id, o.customer_id, c.name, o.total FROM orders o JOIN customers c ON c.id = o.customer_id;"
                    + "CREATE INDEX orders_customer ON orders(customer_id);"
                    + "CREATE INDEX orders_wide_customer ON orders_wide(customer_id)");
            String join = "SELECT c.name, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.customer_id = ?";
            String wide = "SELECT customer_name, total FROM orders_wide WHERE customer_id = ?";
            Table t = Table.create("A customer's orders with the customer's name: join or copy?").addColumns(
                    StringColumn.create("design"), StringColumn.create("SQLite's plan for the read"),
                    DoubleColumn.create("read µs (median)"), IntColumn.create("rows written to rename a customer"));
            long renameSeed = rng.nextLong();
            addDesign(db, t, "normalised: orders + customers, joined", join, rng, customers,
                    "UPDATE customers SET name = 'renamed' WHERE id = ?", renameSeed);
            addDesign(db, t, "denormalised: the name copied into every order", wide, rng, customers,
                    "UPDATE orders_wide SET customer_name = 'renamed' WHERE customer_id = ?", renameSeed);
            return t;
        }
    }

    private static void addDesign(Sqlite db, Table t, String design, String read, UniformRandomProvider rng, int customers,
                                  String rename, long renameSeed) {
        double[] micros = new double[401];
        try (PreparedStatement p = db.connection().prepareStatement(read);
             PreparedStatement u = db.connection().prepareStatement(rename)) {
            for (int i = -20; i < micros.length; i++) {
                p.setInt(1, 1 + rng.nextInt(customers));
                long t0 = System.nanoTime();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) r.getString(1);
                }
                if (i >= 0) micros[i] = (System.nanoTime() - t0) / 1_000.0;
            }
            u.setInt(1, 1 + Rng.of(renameSeed).nextInt(customers));
            int written = u.executeUpdate();
            Arrays.sort(micros);
            t.stringColumn(0).append(design);
            t.stringColumn(1).append(db.plan(read.replace("?", "1")).replace("\n", "; "));
            t.doubleColumn(2).append(Math.round(micros[micros.length / 2] * 10) / 10.0);
            t.intColumn(3).append(written);
        } catch (SQLException e) {
            throw Sqlite.error(read, e);
        }
    }

    /** The lookup: one user's name by e-mail. */
    static final String EXAMPLE = "SELECT name FROM users WHERE email = ?";


    /**
     * Median µs of {@code sql} over random existing e-mails, after {@code warmUps} untimed runs: {@code count}
     * runs, or fewer (at least 3) within the budget.
     */
    private static double medianMicros(Sqlite db, String sql, Emails emails, int rows, int warmUps, int count, long budgetNanos,
                                       UniformRandomProvider rng) {
        double[] t = new double[count];
        int done = 0;
        long start = System.nanoTime();
        try (PreparedStatement p = db.connection().prepareStatement(sql)) {
            for (int w = 0; w < warmUps; w++) run(p, emails.of(1 + rng.nextInt(rows)));
            while (done < count && (done < 3 || System.nanoTime() - start < budgetNanos)) {
                String email = emails.of(1 + rng.nextInt(rows));
                long t0 = System.nanoTime();
                int found = run(p, email);
                t[done++] = (System.nanoTime() - t0) / 1_000.0;
                if (found != 1) throw new IllegalStateException("expected one row for " + email + ", found " + found);
            }
        } catch (SQLException e) {
            throw Sqlite.error(sql, e);
        }
        double[] d = Arrays.copyOf(t, done);
        Arrays.sort(d);
        return d[done / 2];
    }

    private static int run(PreparedStatement p, String email) throws SQLException {
        p.setString(1, email);
        int n = 0;
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) n++;
        }
        return n;
    }

    /**
     * Row x's e-mail is {@code u<(x·a + b) mod P, 10 digits>@example.com}: unique, in no particular order,
     * seeded, all of one length (so that rows per page do not change with the table's size).
     */
    static final class Emails {
        final long a, b;

        Emails(UniformRandomProvider rng) {
            a = 1 + rng.nextLong(P - 1);
            b = rng.nextLong(P);
        }

        String of(long x) {
            return String.format(Locale.ROOT, "u%010d@example.com", Math.floorMod(x * a + b, P));
        }

        void insert(Sqlite db, int from, int to) {
            String sql = "WITH RECURSIVE r(x) AS (SELECT " + from + " UNION ALL SELECT x + 1 FROM r WHERE x < " + to + ") "
                    + "INSERT INTO users SELECT x, printf('u%010d@example.com', (x * " + a + " + " + b + ") % " + P + "), "
                    + "printf('user %07d', x) FROM r";
            db.execute(sql);
        }
    }
}
