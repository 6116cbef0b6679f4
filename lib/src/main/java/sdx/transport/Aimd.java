package sdx.transport;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Node;
import sdx.sim.TimerId;

/**
 * A TCP-like congestion-controlled sender for the simulator, after RFC 5681 (2009): slow start (the
 * window grows by one packet per ACK, doubling every round trip) up to {@code ssthresh}, then congestion
 * avoidance (one packet per round trip: additive increase); a loss seen through three later
 * acknowledgements (fast retransmit) halves the window once per round trip (multiplicative decrease); a
 * retransmission timeout drops it to one packet and slow-starts again. The receiver acknowledges every
 * packet selectively (as with SACK, RFC 2018). There is no bottleneck queue: losses come only from the
 * link's random loss, as in Mathis et al.'s model.
 */
public final class Aimd {
    private Aimd() {}

    /** Messages and timers. */
    public sealed interface Msg permits Packet, Sack, Rto {}

    /** A data packet. */
    public record Packet(long seq) implements Msg {}

    /** The receiver got packet {@code seq}. */
    public record Sack(long seq) implements Msg {}

    /** The retransmission timer. */
    public record Rto(long generation) implements Msg {}

    /** The congestion window at one moment (packets). */
    public record Sample(long atMicros, double cwnd) {}

    /** The sender: sends as fast as its window allows, forever (the run's length bounds it). */
    public static final class Sender implements Node<Msg> {
        private final String receiver;
        private final long rtoMicros;
        private final BitSet acked = new BitSet(), lost = new BitSet();
        private final List<Sample> samples = new ArrayList<>();
        private double cwnd = 1, ssthresh;
        private long next, highestAcked = -1, recover = -1, generation, delivered;
        private int lowestUnacked;
        private int retransmissions, halvings, timeouts;
        private TimerId rto;

        /** A sender to {@code receiver} with the initial slow-start threshold and a fixed timeout. */
        public Sender(String receiver, double initialSsthresh, long rtoMicros) {
            this.receiver = Check.notNull("receiver", receiver);
            this.ssthresh = Check.atLeast("initialSsthresh", initialSsthresh, 2.0);
            this.rtoMicros = Check.positive("rtoMicros", rtoMicros);
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            sample(ctx);
            sendWhatFits(ctx);
        }

        private long pipe() {
            long inFlight = next - lowestUnacked;
            for (int s = lowestUnacked; s < next; s++) if (acked.get(s) || lost.get(s)) inFlight--;
            return inFlight;
        }

        private void sendWhatFits(Context<Msg> ctx) {
            for (int s = lost.nextSetBit(lowestUnacked); s >= 0 && pipe() < (long) cwnd; s = lost.nextSetBit(s + 1)) {
                lost.clear(s);
                retransmissions++;
                ctx.send(receiver, new Packet(s));
            }
            while (pipe() < (long) cwnd) ctx.send(receiver, new Packet(next++));
            if (rto == null) rto = ctx.set(new Rto(generation), rtoMicros);
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (!(message instanceof Sack a) || acked.get((int) a.seq())) return;
            int seq = (int) a.seq();
            acked.set(seq);
            lost.clear(seq);
            delivered++;
            highestAcked = Math.max(highestAcked, seq);
            int before = lowestUnacked;
            while (acked.get(lowestUnacked)) lowestUnacked++;
            if (lowestUnacked > before) restartTimer(ctx);
            cwnd += cwnd < ssthresh ? 1 : 1 / cwnd;
            boolean newLoss = false;
            for (int s = lowestUnacked; s <= highestAcked - 3; s++) {
                if (!acked.get(s) && !lost.get(s) && s > recover) {
                    lost.set(s);
                    newLoss = true;
                }
            }
            if (newLoss) {
                ssthresh = Math.max(cwnd / 2, 2);
                cwnd = ssthresh;
                recover = next - 1;
                halvings++;
            }
            sample(ctx);
            sendWhatFits(ctx);
        }

        private void restartTimer(Context<Msg> ctx) {
            if (rto != null) ctx.cancel(rto);
            rto = ctx.set(new Rto(++generation), rtoMicros);
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (!(timer instanceof Rto r) || r.generation() != generation) return;
            rto = null;
            if (lowestUnacked >= next) return;
            timeouts++;
            ssthresh = Math.max(cwnd / 2, 2);
            cwnd = 1;
            recover = next - 1;
            for (int s = lowestUnacked; s < next; s++) if (!acked.get(s)) lost.set(s);
            generation++;
            sample(ctx);
            sendWhatFits(ctx);
        }

        private void sample(Context<Msg> ctx) {
            samples.add(new Sample(ctx.now(), cwnd));
        }

        /** The window after every change. */
        public List<Sample> samples() {
            return List.copyOf(samples);
        }

        /** Packets acknowledged (each counted once). */
        public long delivered() {
            return delivered;
        }

        /** Window halvings (fast retransmits). */
        public int halvings() {
            return halvings;
        }

        /** Retransmission timeouts. */
        public int timeouts() {
            return timeouts;
        }

        /** Packets sent again. */
        public int retransmissions() {
            return retransmissions;
        }
    }

    /** The receiver: acknowledges every packet it gets, by number. */
    public static final class Receiver implements Node<Msg> {
        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Packet p) ctx.send(from, new Sack(p.seq()));
        }
    }
}
