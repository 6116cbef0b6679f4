package sdx.idempotency;

import sdx.core.Check;

/**
 * Closed forms for retries over a lossy network. Each message is lost independently with probability p; an
 * attempt gets no receipt when its request or its receipt is lost, q = 1 − (1 − p)²; the client makes at
 * most k attempts. A server without idempotency keys charges every request that arrives.
 */
public final class Theory {
    private Theory() {}

    private static void check(double p, int k) {
        Check.inRange("loss", p, 0, 1);
        Check.inRange("attempts", k, 1, 1_000);
    }

    /** Expected charges per payment: (1 − p) · (1 − q^k) / (1 − q), the requests that arrive. */
    public static double chargesPerPayment(double p, int k) {
        check(p, k);
        double q = 1 - (1 - p) * (1 - p);
        double attempts = q == 1 ? k : (1 - Math.pow(q, k)) / (1 - q);
        return (1 - p) * attempts;
    }

    /** Probability that a payment is charged at all: 1 − p^k (some request arrived). */
    public static double chargedAtAll(double p, int k) {
        check(p, k);
        return 1 - Math.pow(p, k);
    }

    /** Expected duplicate charges per payment without keys: charges − P(charged at all). */
    public static double duplicatesPerPayment(double p, int k) {
        return chargesPerPayment(p, k) - chargedAtAll(p, k);
    }

    /** Probability that the client gives up (no receipt after k attempts): q^k. */
    public static double givenUp(double p, int k) {
        check(p, k);
        double q = 1 - (1 - p) * (1 - p);
        return Math.pow(q, k);
    }
}
