package sdx.transactions;

/**
 * Isolation levels of {@link MvccStore}, from weakest to strongest. The names follow what databases
 * call them; what each one forbids is measured in notebook 17, not assumed.
 */
public enum Isolation {
    /** Each read sees the latest committed value at the moment of the read; writes never conflict. */
    READ_COMMITTED,
    /**
     * Snapshot isolation: every read sees the database as of the transaction's start; at commit, the
     * first committer wins: a transaction aborts if a key it writes was committed by another
     * transaction after its snapshot (Berenson et al. 1995).
     */
    SNAPSHOT,
    /**
     * Snapshot isolation plus read validation (optimistic concurrency control): a transaction also
     * aborts if a key it <em>read</em> was committed by another transaction after its snapshot. This
     * forbids write skew; it is stricter than needed (Cahill's SSI aborts less), but serializable.
     */
    SERIALIZABLE
}
