package sdx.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One way to add money to a bank account in table {@code accounts(id INT PRIMARY KEY, balance BIGINT)}:
 * given a connection of its own (auto-commit on, as JDBC hands it out), it must add {@code amount} to the
 * balance of account {@code id}, commit, and leave the connection in auto-commit mode. Many threads call it at
 * once, each with its own connection: the question is whether any deposit is lost. See {@link Deposits} for
 * the four the notebook compares.
 */
@FunctionalInterface
public interface Deposit {
    /** Adds {@code amount} to account {@code id}'s balance, committed when it returns. */
    void deposit(Connection connection, int id, long amount) throws SQLException;
}
