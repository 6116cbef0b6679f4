package sdx.idempotency;

import java.util.HashMap;
import java.util.Map;
import sdx.sim.Context;
import sdx.sim.Node;

/**
 * A payment protocol on the simulator: a client that retries on a timeout, and a server that charges, with
 * or without idempotency keys. The network may lose any message, in either direction; the client cannot
 * tell a lost request from a lost receipt, so it sends the charge again.
 */
public final class Payments {
    private Payments() {}

    /** Every message and timer of the protocol. */
    public sealed interface Msg permits Charge, Receipt, Timeout {}

    /**
     * Charge payment {@code payment}; {@code key} is its idempotency key, or null when the client sends none.
     */
    public record Charge(int payment, int attempt, String key) implements Msg {}

    /** The server's answer: payment {@code payment} was charged, as charge number {@code chargeId}. */
    public record Receipt(int payment, int chargeId) implements Msg {}

    /** The client's timer for one attempt. */
    public record Timeout(int payment, int attempt) implements Msg {}

    /**
     * Sends payments 1..{@code payments} one after another to {@code server}: each attempt waits
     * {@code timeoutMicros} for a receipt, then tries again, at most {@code attempts} times in all.
     */
    public static final class Client implements Node<Msg> {
        private final String server;
        private final int payments, attempts;
        private final long timeoutMicros;
        private final boolean keys;
        private int current, attempt, receipts, givenUp;

        public Client(String server, int payments, int attempts, long timeoutMicros, boolean keys) {
            this.server = server;
            this.payments = payments;
            this.attempts = attempts;
            this.timeoutMicros = timeoutMicros;
            this.keys = keys;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            next(ctx);
        }

        private void next(Context<Msg> ctx) {
            if (current == payments) return;
            current++;
            attempt = 0;
            send(ctx);
        }

        private void send(Context<Msg> ctx) {
            attempt++;
            ctx.send(server, new Charge(current, attempt, keys ? "pay-" + current : null));
            ctx.set(new Timeout(current, attempt), timeoutMicros);
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Receipt r && r.payment() == current && attempt > 0) {
                receipts++;
                attempt = 0;  // done: later timers and receipts for this payment are ignored
                next(ctx);
            }
        }

        @Override
        public void onTimer(Msg t, Context<Msg> ctx) {
            if (t instanceof Timeout to && to.payment() == current && to.attempt() == attempt) {
                if (attempt < attempts) send(ctx);
                else {
                    givenUp++;
                    attempt = 0;
                    next(ctx);
                }
            }
        }

        /** Payments whose receipt arrived. */
        public int receipts() { return receipts; }

        /** Payments abandoned after the last attempt timed out (charged or not: the client cannot know). */
        public int givenUp() { return givenUp; }

        /** True when every payment has been receipted or given up. */
        public boolean done() { return current == payments && attempt == 0; }
    }

    /** Charges every Charge it receives, unless it carries a key it has seen: then it repeats the receipt. */
    public static final class Server implements Node<Msg> {
        private final Map<Integer, Integer> charges = new HashMap<>();
        private final Map<String, Receipt> byKey = new HashMap<>();
        private int nextCharge;

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (!(m instanceof Charge c)) return;
            Receipt seen = c.key() == null ? null : byKey.get(c.key());
            if (seen == null) {
                seen = new Receipt(c.payment(), ++nextCharge);
                charges.merge(c.payment(), 1, Integer::sum);
                if (c.key() != null) byKey.put(c.key(), seen);
            }
            ctx.send(from, seen);
        }

        /** Payments charged at least once. */
        public int charged() { return charges.size(); }

        /** Charges beyond the first, summed over payments. */
        public int duplicates() { return charges.values().stream().mapToInt(n -> n - 1).sum(); }
    }
}
