package sdx.sim.examples;

import sdx.sim.Context;
import sdx.sim.Node;

/**
 * The smallest protocol: a pinger sends {@code Ping(n)} every {@code period} µs to a peer that answers
 * {@code Pong(n)}; the pinger counts the pongs. Used by the tests, the benchmark and the docs.
 */
public final class PingPong {
    private PingPong() {}

    /** Every message and timer of the protocol. */
    public sealed interface Msg permits Ping, Pong, Tick {}

    /** A ping with a sequence number. */
    public record Ping(int n) implements Msg {}

    /** The answer to {@code Ping(n)}. */
    public record Pong(int n) implements Msg {}

    /** The pinger's timer. */
    public record Tick() implements Msg {}

    /** Sends a ping to {@code target} every {@code periodMicros}, counts pongs (in memory and on disk). */
    public static final class Pinger implements Node<Msg> {
        private final String target;
        private final long periodMicros;
        private int next;
        private int pongs;

        /** A pinger of {@code target}. */
        public Pinger(String target, long periodMicros) {
            this.target = target;
            this.periodMicros = periodMicros;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            next = ctx.disk().get("next", Integer.class).orElse(0);
            ctx.set(new Tick(), periodMicros);
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Pong) pongs++;
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            ctx.send(target, new Ping(next++));
            ctx.disk().put("next", next);
            ctx.set(new Tick(), periodMicros);
        }

        /** Pongs received since the last (re)start: volatile state. */
        public int pongs() {
            return pongs;
        }

        /** Pings sent over all incarnations: read from the disk on restart. */
        public int sent() {
            return next;
        }
    }

    /** Answers every {@code Ping(n)} with {@code Pong(n)}. */
    public static final class Ponger implements Node<Msg> {
        private int pings;

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Ping p) {
                pings++;
                ctx.send(from, new Pong(p.n()));
            }
        }

        /** Pings received since the last (re)start. */
        public int pings() {
            return pings;
        }
    }
}
