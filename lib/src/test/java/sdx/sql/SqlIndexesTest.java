package sdx.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tech.tablesaw.api.Table;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlIndexesTest {
    /** Small budgets: these tests check pages and plans, which do not depend on timing. */
    private static final LookupSettings QUICK = new LookupSettings(new int[] {1_000, 10_000, 100_000, 1_000_000}, 50, 1, 42);
    private LookupRun run;

    @BeforeAll
    void measure() {
        run = SqlIndexes.lookups(QUICK);
    }

    /**
     * A scan reads every page; the formula uses rows per leaf and fan-out measured at 10^6 rows. Rows differ
     * in length by the digits of their e-mail (u + 1 to 10 digits), so rows per page differ a little from
     * table to table: 3% bounds that at every size.
     */
    @Test
    void scanPagesAreProportionalToRows() {
        double[] theory = run.scanPagesTheory();
        long[] measured = run.scanPages();
        for (int i = 0; i < theory.length; i++) {
            assertEquals(theory[i], measured[i], Math.max(1, 0.03 * theory[i]), "scan pages at " + run.rows()[i] + " rows");
        }
        assertTrue(measured[3] > 900 * measured[0], "a thousand times the rows, about a thousand times the pages");
    }

    /** Depth is a whole number of levels: the formula must give exactly what SQLite built. */
    @Test
    void searchPagesFollowTheBTreeDepth() {
        double[] theory = run.searchPagesTheory();
        long[] measured = run.searchPages();
        for (int i = 0; i < theory.length; i++) assertEquals(theory[i], measured[i], 0, "search pages at " + run.rows()[i] + " rows");
        assertTrue(measured[3] <= measured[0] + 4, "a thousand times the rows adds a level or two, not pages in proportion");
        assertTrue(run.searchMicros()[3] * 10 < run.scanMicros()[3], "at 10^6 rows an index search beats a scan by far");
    }

    @Test
    void plansNameScanAndSearch() {
        assertEquals("SCAN users", run.scanPlan());
        assertEquals("SEARCH users USING INDEX users_email (email=?)", run.searchPlan());
    }

    @Test
    void sameSeedSamePagesOtherSeedOtherTable() {
        LookupRun again = SqlIndexes.lookups(QUICK.withSizes(1_000, 10_000));
        assertArrayEquals(new long[] {run.scanPages()[0], run.scanPages()[1]}, again.scanPages());
        Sqlite.BTree[] a = SqlIndexes.trees(10_000, 42), b = SqlIndexes.trees(10_000, 42), c = SqlIndexes.trees(10_000, 7);
        assertEquals(a[1], b[1]);
        assertEquals(a[0], c[0], "the table holds the same rows (by id) whatever the e-mails");
    }

    @Test
    void depthFormula() {
        assertEquals(1, Theory.depth(50, 100, 300));
        assertEquals(2, Theory.depth(101, 100, 300));
        assertEquals(2, Theory.depth(30_000, 100, 300));
        assertEquals(3, Theory.depth(30_001, 100, 300));
        assertEquals(250.0 * 300 / 299, Theory.scanPages(25_000, 100, 300), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Theory.depth(10, 100, 1));
    }

    @Test
    void moreIndexesMorePages() {
        InsertRun r = SqlIndexes.insertCost(3, 5_000, 42);
        int[] pages = r.pages();
        for (int k = 1; k < pages.length; k++) assertTrue(pages[k] > pages[k - 1], "pages with " + k + " indexes");
        assertArrayEquals(pages, SqlIndexes.insertCost(3, 5_000, 42).pages(), "deterministic");
        assertEquals(2, r.fit().length);
    }

    @Test
    void compositeIndexServesItsLeftmostPrefixOnly() {
        Table t = SqlIndexes.compositeIndex(42);
        List<String> plans = t.stringColumn(1).asList();
        assertTrue(plans.get(0).startsWith("SEARCH people USING INDEX people_country_city (country=?)"), plans.get(0));
        assertTrue(plans.get(1).contains("(country=? AND city=?)"), plans.get(1));
        assertEquals("SCAN people", plans.get(2), "city alone is not a prefix of (country, city)");
        assertTrue(plans.get(3).contains("COVERING INDEX"), plans.get(3));
        assertTrue(!plans.get(5).contains("TEMP B-TREE") && plans.get(6).contains("TEMP B-TREE FOR ORDER BY"));
        assertEquals(t.intColumn(2).get(1), t.intColumn(2).get(2), "the same people, found two ways");
        assertEquals(t.print(), SqlIndexes.compositeIndex(42).print());
    }

    @Test
    void aCopyIsReadWithoutAJoinButWrittenOncePerOrder() {
        Table t = SqlIndexes.joinVsCopy(20, 42);
        assertEquals(List.of(1, 20), t.intColumn(3).asList(), "rows written to rename one customer");
        assertTrue(t.stringColumn(1).get(0).contains("SEARCH c USING INTEGER PRIMARY KEY"), t.stringColumn(1).get(0));
        assertTrue(!t.stringColumn(1).get(1).contains("customers"), t.stringColumn(1).get(1));
    }

    @Test
    void atomicity() {
        Table t = SqlIndexes.transfers();
        assertEquals(List.of(20, 100, 100, 20), t.intColumn(2).asList());
        assertEquals(List.of(0, 0, 0, 80), t.intColumn(3).asList());
        assertEquals(List.of(20, 100, 100, 100), t.intColumn(4).asList(), "only the auto-committed transfer loses money");
    }

    /** With a 1 ms pause between read and write and 4 threads, an unprotected deposit loses updates every time. */
    @Test
    void lostUpdatesOnlyWithoutALock() {
        assertTrue(SqlIndexes.race(Deposits.READ_THEN_WRITE, 4, 20).lost() > 0);
        assertTrue(SqlIndexes.race(Deposits.READ_THEN_WRITE_IN_A_TRANSACTION, 4, 20).lost() > 0);
        RaceRun locked = SqlIndexes.race(Deposits.SELECT_FOR_UPDATE, 4, 20), atomic = SqlIndexes.race(Deposits.ONE_UPDATE, 4, 20);
        assertEquals(80, locked.balance());
        assertEquals(80, atomic.balance());
        assertEquals(0, locked.failed() + locked.stuck() + atomic.failed() + atomic.stuck());
    }

    @Test
    void nothingLeftBehind() throws Exception {
        Connection c;
        try (Bank bank = Bank.open(1, 0)) {
            c = bank.connect();
        }
        assertTrue(c.isClosed());
        SqlIndexes.race(Deposits.ONE_UPDATE, 3, 5);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("sdx-deposit")));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QUICK.withSizes(1_000, 500));
        assertTrue(e.getMessage().contains("sizes[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SqlIndexes.race(Deposits.ONE_UPDATE, 0, 5));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
        try (Sqlite db = Sqlite.inMemory()) {
            e = assertThrows(IllegalArgumentException.class, () -> db.execute("CREATE TABLEE x(a)"));
            assertTrue(e.getMessage().contains("CREATE TABLEE x(a)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> db.btree("nope"));
            assertTrue(e.getMessage().contains("nope"), e.getMessage());
        }
    }
}
