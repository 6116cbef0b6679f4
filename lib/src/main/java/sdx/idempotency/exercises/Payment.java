package sdx.idempotency.exercises;

import sdx.core.Check;

/** A payment request: charge {@code amountCents} to {@code account}, sent with an idempotency key. */
public record Payment(String key, String account, long amountCents) {
    public Payment {
        Check.notNull("key", key);
        Check.notNull("account", account);
        Check.positive("amountCents", amountCents);
    }
}
