package sdx.transport;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Node;
import sdx.sim.TimerId;

/**
 * Reliable delivery over a lossy link (automatic repeat request), as a sender and a receiver node for
 * the simulator. Two families, as in Kurose and Ross (Computer Networking, 8th ed., 2021, section 3.4):
 * <ul>
 *   <li><b>Go-Back-N</b>: up to {@code window} packets in flight, cumulative ACKs, one timer for the
 *       oldest unacknowledged packet; on a timeout the whole window is sent again. With a window of 1 it
 *       is <b>stop-and-wait</b>.</li>
 *   <li><b>Selective repeat</b>: one timer per packet; the receiver buffers out-of-order packets and
 *       acknowledges each; only lost packets are sent again.</li>
 * </ul>
 * The simulator has no bandwidth, so the sender models its own link: a packet takes
 * {@code txMicros} to put on the wire, one after another, and is sent when that is done.
 */
public final class Arq {
    private Arq() {}

    /** Messages and timers of the ARQ protocols. */
    public sealed interface Msg permits Data, Ack, TxDone, Timeout {}

    /** A data packet. */
    public record Data(int seq) implements Msg {}

    /** An acknowledgement: cumulative (Go-Back-N: all up to {@code seq}) or selective (just {@code seq}). */
    public record Ack(int seq) implements Msg {}

    /** The sender's link finished transmitting {@code seq}. */
    public record TxDone(int seq) implements Msg {}

    /** A retransmission timer ({@code seq} for selective repeat, -1 for Go-Back-N's single timer). */
    public record Timeout(int seq, int generation) implements Msg {}

    /** The sender. */
    public static final class Sender implements Node<Msg> {
        private final boolean selective;
        private final int window, count;
        private final long txMicros, timeoutMicros;
        private final String receiver;
        private final ArrayDeque<Integer> queue = new ArrayDeque<>();
        private final BitSet acked = new BitSet();
        private final Map<Integer, TimerId> timers = new HashMap<>();
        private boolean busy;
        private int base, next, generation, transmissions;
        private TimerId gbnTimer;

        /**
         * A sender of {@code count} packets to {@code receiver}: Go-Back-N or selective repeat with the
         * given window, transmission time per packet and retransmission timeout (measured from the end
         * of a packet's transmission).
         */
        public Sender(String receiver, boolean selective, int window, int count, long txMicros, long timeoutMicros) {
            this.receiver = Check.notNull("receiver", receiver);
            this.selective = selective;
            this.window = Check.positive("window", window);
            this.count = Check.positive("count", count);
            this.txMicros = Check.positive("txMicros", txMicros);
            this.timeoutMicros = Check.positive("timeoutMicros", timeoutMicros);
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            fill(ctx);
        }

        private void fill(Context<Msg> ctx) {
            while (next < count && next < base + window) queue.add(next++);
            pump(ctx);
        }

        private void pump(Context<Msg> ctx) {
            if (busy || queue.isEmpty()) return;
            busy = true;
            ctx.set(new TxDone(queue.peek()), txMicros);
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (timer instanceof TxDone t) {
                busy = false;
                int seq = queue.poll();
                transmissions++;
                ctx.send(receiver, new Data(seq));
                if (selective) {
                    timers.put(seq, ctx.set(new Timeout(seq, 0), timeoutMicros));
                } else if (gbnTimer == null) {
                    gbnTimer = ctx.set(new Timeout(-1, generation), timeoutMicros);
                }
                pump(ctx);
            } else if (timer instanceof Timeout t) {
                if (selective) {
                    timers.remove(t.seq());
                    if (!acked.get(t.seq())) {
                        Integer head = busy ? queue.poll() : null;
                        queue.addFirst(t.seq());  // a retransmission goes before new packets
                        if (head != null) queue.addFirst(head);
                        pump(ctx);
                    }
                } else if (t.generation() == generation) {
                    gbnTimer = null;
                    generation++;
                    Integer head = busy ? queue.poll() : null;
                    queue.clear();
                    if (head != null) queue.add(head);
                    for (int s = base; s < next; s++) queue.add(s);
                    pump(ctx);
                }
            }
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (!(message instanceof Ack a)) return;
            if (selective) {
                if (a.seq() < base || acked.get(a.seq())) return;
                acked.set(a.seq());
                TimerId t = timers.remove(a.seq());
                if (t != null) ctx.cancel(t);
                while (acked.get(base)) base++;
                dropBelow(base);
            } else {
                if (a.seq() < base) return;
                base = a.seq() + 1;
                dropBelow(base);
                if (gbnTimer != null) ctx.cancel(gbnTimer);
                gbnTimer = null;
                generation++;
                if (base < next) gbnTimer = ctx.set(new Timeout(-1, generation), timeoutMicros);
            }
            fill(ctx);
        }

        /** Forgets queued packets below {@code seq}, except the one on the wire right now. */
        private void dropBelow(int seq) {
            Integer head = busy ? queue.poll() : null;
            queue.removeIf(s -> s < seq || acked.get(s));
            if (head != null) queue.addFirst(head);
        }

        /** Packets put on the wire, retransmissions included. */
        public int transmissions() {
            return transmissions;
        }
    }

    /** The receiver: delivers packets in order, acknowledging as its protocol says. */
    public static final class Receiver implements Node<Msg> {
        private final boolean selective;
        private final int window;
        private final BitSet buffered = new BitSet();
        private int expected;
        private long lastDeliveryMicros;

        /** A receiver for Go-Back-N or selective repeat with the sender's window. */
        public Receiver(boolean selective, int window) {
            this.selective = selective;
            this.window = Check.positive("window", window);
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (!(message instanceof Data d)) return;
            if (selective) {
                if (d.seq() >= expected + window) return;
                if (d.seq() >= expected) buffered.set(d.seq());
                ctx.send(from, new Ack(d.seq()));
                int before = expected;
                while (buffered.get(expected)) expected++;
                if (expected > before) lastDeliveryMicros = ctx.now();
            } else {
                if (d.seq() == expected) {
                    expected++;
                    lastDeliveryMicros = ctx.now();
                }
                if (expected > 0) ctx.send(from, new Ack(expected - 1));
            }
        }

        /** Packets delivered in order so far. */
        public int delivered() {
            return expected;
        }

        /** When the last in-order delivery happened (virtual µs). */
        public long lastDeliveryMicros() {
            return lastDeliveryMicros;
        }
    }
}
