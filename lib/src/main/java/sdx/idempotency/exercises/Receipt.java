package sdx.idempotency.exercises;

/**
 * The answer to a payment: status 200 with the ledger's charge id and the amount, or 422 (the key was used
 * before for a different payment) with no charge id.
 */
public record Receipt(int status, String chargeId, long amountCents) {
    /** The 200 answer for a charge. */
    public static Receipt charged(String chargeId, long amountCents) {
        return new Receipt(200, chargeId, amountCents);
    }

    /** The 422 answer: this key belongs to another payment. */
    public static Receipt keyReused() {
        return new Receipt(422, null, 0);
    }
}
