package sdx.sql.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.sql.Deposit;
import sdx.sql.Deposits;

/** Notebook 10's graders against the notebook's solutions, plausible wrong answers and the stubs. */
class SqlExercisesTest {

    /** Exercise 1: an index for the open-orders query. */
    @Nested
    class IndexGrader extends GraderContract<String> {
        @Override protected Report grade(String answer) { return SqlExercises.chooseIndex(answer); }
        @Override protected String reference() { return "CREATE INDEX orders_open ON orders(customer_id, status, total)"; }
        @Override protected String stub() { return Exercise.unanswered(); }
        @Override protected List<String> alsoCorrect() {
            return List.of("create index o2 on orders (status, customer_id, total);");
        }

        @Override
        protected List<Mutant<String>> mutants() {
            return List.of(
                    mutant("not SQL", "createsAnIndex", "CREATE INDX o ON orders(customer_id)"),
                    mutant("two statements", "createsAnIndex", "CREATE INDEX a ON orders(total); CREATE INDEX b ON orders(status)"),
                    mutant("an index on the column the query returns", "searches", "CREATE INDEX o ON orders(total)"),
                    mutant("the right columns, the wrong one first", "searches", "CREATE INDEX o ON orders(total, customer_id, status)"),
                    mutant("only the customer", "usesBothConditions", "CREATE INDEX o ON orders(customer_id)"),
                    mutant("both conditions, not covering", "covers", "CREATE INDEX o ON orders(customer_id, status)"),
                    mutant("only the status (few distinct values)", "isFast", "CREATE INDEX o ON orders(status)"));
        }
    }

    /** The notebook's solution: one UPDATE. */
    static final Deposit ONE_UPDATE = Deposits.ONE_UPDATE;

    /** Wrong: sets the balance to the amount. */
    static final Deposit SETS = (c, id, amount) -> {
        try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?")) {
            p.setLong(1, amount);
            p.setInt(2, id);
            p.executeUpdate();
        }
    };

    /** Wrong: adds to every account. */
    static final Deposit EVERY_ACCOUNT = (c, id, amount) -> {
        try (PreparedStatement p = c.prepareStatement("UPDATE accounts SET balance = balance + ?")) {
            p.setLong(1, amount);
            p.executeUpdate();
        }
    };

    /** Wrong: a transaction that is never committed. */
    static final Deposit NEVER_COMMITS = (c, id, amount) -> {
        c.setAutoCommit(false);
        Deposits.SELECT_FOR_UPDATE.deposit(c, id, amount);  // commits and restores auto-commit ...
        c.setAutoCommit(false);                           // ... then opens a new transaction and
        ONE_UPDATE.deposit(c, id, 0);                      // leaves it open (adds 0: the amount is committed)
    };

    /** Wrong: commits, but leaves auto-commit off, so the caller's next statements are never committed. */
    static final Deposit LEAVES_AUTOCOMMIT_OFF = (c, id, amount) -> {
        c.setAutoCommit(false);
        ONE_UPDATE.deposit(c, id, amount);
        c.commit();
    };

    /** Wrong: forgets commit entirely. */
    static final Deposit NO_COMMIT = (c, id, amount) -> {
        c.setAutoCommit(false);
        ONE_UPDATE.deposit(c, id, amount);
    };

    /** Exercise 2: a deposit that loses no update. */
    @Nested
    class DepositGrader extends GraderContract<Deposit> {
        @Override protected Report grade(Deposit answer) { return SqlExercises.deposit(answer); }
        @Override protected Deposit reference() { return ONE_UPDATE; }
        @Override protected Deposit stub() { return (c, id, amount) -> Exercise.todo(); }
        @Override protected List<Deposit> alsoCorrect() { return List.of(Deposits.SELECT_FOR_UPDATE); }

        @Override
        protected List<Mutant<Deposit>> mutants() {
            return List.of(
                    mutant("sets the balance to the amount", "addsTheAmount", SETS),
                    mutant("adds to every account", "addsTheAmount", EVERY_ACCOUNT),
                    mutant("never commits", "commits", NO_COMMIT),
                    mutant("leaves auto-commit off", "commits", LEAVES_AUTOCOMMIT_OFF),
                    mutant("leaves a transaction open", "commits", NEVER_COMMITS),
                    mutant("reads, then writes", "losesNothingUnderConcurrency", Deposits.READ_THEN_WRITE),
                    mutant("reads, then writes, in a transaction", "losesNothingUnderConcurrency",
                            Deposits.READ_THEN_WRITE_IN_A_TRANSACTION));
        }
    }

    /** Exercise 3: pages an indexed lookup reads at 10^8 rows. */
    @Nested
    class PagesPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double answer) { return SqlExercises.predictPages(answer); }
        @Override protected Double reference() { return 8.0; }  // the notebook's solution, worked by hand
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("the same as at 10^6 rows", p, 6.0),
                    mutant("one more level in one tree only", p, 7.0),
                    mutant("100 times the pages at 10^6 rows", p, 600.0),
                    mutant("log2 of the rows", p, 27.0));
        }
    }

    /**
     * The truth by hand: SQLite's figures at 10^6 rows (printed by the notebook) give about 94 rows per table
     * leaf with fan-out ~380, and ~130 index entries per leaf with fan-out ~110: at 10^8 rows, 1.06 M table
     * leaves need ⌈log_380 1.06 M⌉ = 3 levels above them and 0.77 M index leaves ⌈log_110 0.77 M⌉ = 3: 4 + 4.
     */
    @Test
    void theTruthIsTheHandCalculation() {
        assertEquals(8, SqlExercises.predictPagesTruth());
    }
}
