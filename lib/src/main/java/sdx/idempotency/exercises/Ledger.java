package sdx.idempotency.exercises;

/** Where money moves. Each call charges once and returns a new charge id: it is not idempotent. */
@FunctionalInterface
public interface Ledger {
    /** Charges {@code amountCents} to {@code account}; returns the charge's id. */
    String charge(String account, long amountCents);
}
