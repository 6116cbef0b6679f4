package sdx.idempotency.exercises;

/**
 * Exercise 1: handles payment requests that may arrive more than once (a client's retry, a duplicated
 * message), in any order, and at the same time on several threads. Each key must be charged once; every
 * request with that key gets the same receipt; a key reused for a different payment gets
 * {@link Receipt#keyReused()}.
 */
@FunctionalInterface
public interface PaymentHandler {
    /** Answers one request. */
    Receipt handle(Payment payment);

    /** How the grader makes a handler: given the ledger it must charge through (e.g. {@code MyHandler::new}). */
    @FunctionalInterface
    interface Factory {
        PaymentHandler create(Ledger ledger);
    }
}
