package sdx.sql.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.sql.Bank;
import sdx.sql.Deposit;
import sdx.sql.RaceRun;
import sdx.sql.SqlIndexes;

/**
 * Hidden checks for exercise 2, a {@link Deposit} that loses no update: one deposit first (the amount, the
 * commit, auto-commit restored), then the fault-injected race of {@link SqlIndexes#race} (4 threads × 20
 * deposits on slow connections).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class DepositChecks {
    private final Deposit deposit = Grader.submission(Deposit.class);

    @Test
    @Order(1)
    @DisplayName("one deposit of 50 into account 1 (balance 100) gives 150, and account 2 keeps 100")
    @Hint("add to the balance that is there (balance = balance + ?), for the account given, not for every account")
    @Basic
    void addsTheAmount() throws SQLException {
        try (Bank bank = Bank.open(2, 100)) {
            Connection c = bank.connect();
            deposit.deposit(c, 1, 50);
            assertEquals(150, read(c, 1), "account 1's balance, read on your connection");
            assertEquals(100, read(c, 2), "account 2's balance");
        }
    }

    @Test
    @Order(2)
    @DisplayName("the deposit is committed: another connection sees it, and auto-commit is back on")
    @Hint("after setAutoCommit(false) nothing is visible to others until commit(); then setAutoCommit(true) again")
    @Basic
    void commits() throws SQLException {
        try (Bank bank = Bank.open(2, 100)) {
            Connection c = bank.connect();
            deposit.deposit(c, 1, 50);
            assertTrue(c.getAutoCommit(), "your connection is still in a transaction (auto-commit off)");
            assertEquals(150, bank.balance(1), "account 1's balance seen by another connection");
        }
    }

    @Test
    @Order(3)
    @DisplayName("4 threads × 20 deposits of 1 on slow connections: balance 80, none lost")
    @Hint("between your read and your write another transaction can write: lock the row when you read it "
            + "(SELECT ... FOR UPDATE, in a transaction), or let one UPDATE do the arithmetic")
    void losesNothingUnderConcurrency() {
        RaceRun r = SqlIndexes.race(deposit, 4, 20);
        assertEquals(0, r.stuck(), "threads still running after 10 s");
        assertEquals(0, r.failed(), "deposits that threw an exception");
        assertEquals(r.expected(), r.balance(), "balance after " + r.expected() + " deposits of 1 (lost " + r.lost() + ")");
    }

    private static long read(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT balance FROM accounts WHERE id = " + id)) {
            r.next();
            return r.getLong(1);
        }
    }
}
