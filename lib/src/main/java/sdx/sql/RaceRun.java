package sdx.sql;

/**
 * One race: {@code threads} threads, each with its own slow connection, each depositing 1 into account 1
 * {@code depositsEach} times.
 *
 * @param expected  the balance if no deposit were lost
 * @param balance   the balance at the end
 * @param failed    deposits that threw (a lock wait that timed out, say)
 * @param stuck     threads still running at the time limit (interrupted and abandoned)
 */
public record RaceRun(int threads, int depositsEach, long expected, long balance, int failed, int stuck) {
    /** Deposits that succeeded but left no trace in the balance. */
    public long lost() {
        return expected - failed - balance;
    }
}
