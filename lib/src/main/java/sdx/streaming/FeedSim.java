package sdx.streaming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdx.sim.Context;
import sdx.sim.Node;

/**
 * The three delivery protocols as nodes of the course's simulator ({@code sdx.sim}): one feed server that
 * publishes events (Poisson arrivals, its own seeded randomness) and clients that follow it by short
 * polling, long polling or a stream. Handlers take no virtual time; the network's delay is the only cost.
 */
public final class FeedSim {
    private FeedSim() {}

    /** The protocol's messages and timers. */
    public sealed interface Msg permits Poll, Wait, Subscribe, Events, Publish, Tick, Expire {}

    /** Short poll: what is newer than {@code cursor}? (answered at once) */
    public record Poll(long cursor) implements Msg {}

    /** Long poll: the same, held until there is something or the timeout passes. */
    public record Wait(long cursor) implements Msg {}

    /** Open a stream from {@code cursor} on. */
    public record Subscribe(long cursor) implements Msg {}

    /** An answer or a pushed event: seqs and publication times (µs), oldest first (lists copied). */
    public record Events(List<Long> seqs, List<Long> published) implements Msg {
        public Events {
            seqs = List.copyOf(seqs);
            published = List.copyOf(published);
        }
    }

    /** Server timer: publish the next event. */
    public record Publish() implements Msg {}

    /** Client timer: poll now. */
    public record Tick() implements Msg {}

    /** Server timer: the long poll of {@code client} numbered {@code request} has timed out. */
    public record Expire(String client, long request) implements Msg {}

    /** The feed server. */
    public static final class Server implements Node<Msg> {
        private final double eventsPerSecond;
        private final long publishUntil;
        private final long timeoutMicros;
        private final List<Long> published = new ArrayList<>();
        private final Map<String, long[]> parked = new HashMap<>();    // client -> {cursor, request number}
        private final Set<String> subscribers = new HashSet<>();
        private long requests;
        private long nextRequest;
        private double heldArea;                                        // ∫ open connections dt, in µs
        private long lastChange;

        /**
         * @param eventsPerSecond Poisson rate of events
         * @param publishUntil    no event is published after this virtual time (µs)
         * @param timeoutMicros   how long a long poll is held
         */
        public Server(double eventsPerSecond, long publishUntil, long timeoutMicros) {
            this.eventsPerSecond = eventsPerSecond;
            this.publishUntil = publishUntil;
            this.timeoutMicros = timeoutMicros;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            scheduleNext(ctx);
        }

        private void scheduleNext(Context<Msg> ctx) {
            double gapMicros = -Math.log(1 - ctx.random().nextDouble()) / eventsPerSecond * 1e6;
            ctx.set(new Publish(), Math.max(1, Math.round(gapMicros)));
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (timer instanceof Publish) {
                if (ctx.now() > publishUntil) return;
                published.add(ctx.now());
                for (var e : List.copyOf(parked.entrySet())) answer(e.getKey(), e.getValue()[0], ctx);
                for (String s : subscribers) ctx.send(s, eventsAfter(published.size() - 1L));
                scheduleNext(ctx);
            } else if (timer instanceof Expire x) {
                long[] p = parked.get(x.client());
                if (p != null && p[1] == x.request()) answer(x.client(), p[0], ctx);
            }
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (ctx.now() <= publishUntil) requests++;          // counted while the feed is live
            if (message instanceof Poll p) {
                ctx.send(from, eventsAfter(p.cursor()));
            } else if (message instanceof Wait w) {
                if (w.cursor() < published.size()) {
                    ctx.send(from, eventsAfter(w.cursor()));
                } else {
                    account(ctx);
                    parked.put(from, new long[] {w.cursor(), ++nextRequest});
                    ctx.set(new Expire(from, nextRequest), timeoutMicros);
                }
            } else if (message instanceof Subscribe s) {
                account(ctx);
                subscribers.add(from);
                if (s.cursor() < published.size()) ctx.send(from, eventsAfter(s.cursor()));
            }
        }

        private void answer(String client, long cursor, Context<Msg> ctx) {
            account(ctx);
            parked.remove(client);
            ctx.send(client, eventsAfter(cursor));
        }

        private void account(Context<Msg> ctx) {
            long now = Math.min(ctx.now(), publishUntil);                 // measured while the feed is live
            heldArea += (double) (parked.size() + subscribers.size()) * (now - lastChange);
            lastChange = now;
        }

        private Events eventsAfter(long cursor) {
            List<Long> seqs = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            for (long s = cursor + 1; s <= published.size(); s++) {
                seqs.add(s);
                times.add(published.get((int) s - 1));
            }
            return new Events(seqs, times);
        }

        /** Requests received while events were being published (polls, long polls, subscriptions). */
        public long requests() {
            return requests;
        }

        /** Events published. */
        public long published() {
            return published.size();
        }

        /**
         * Mean connections held open (parked long polls plus streams) while events were published; read it
         * after the run has passed the end of publishing.
         */
        public double meanOpen() {
            double area = heldArea + (double) (parked.size() + subscribers.size()) * (publishUntil - lastChange);
            return area / publishUntil;
        }
    }

    /** A client following the feed by one protocol, recording each event's staleness once. */
    public static final class Client implements Node<Msg> {
        private final Protocol protocol;
        private final long intervalMicros;
        private final List<Long> staleness = new ArrayList<>();
        private long cursor;
        private long duplicates;
        private long gaps;

        /** @param intervalMicros the polling interval (short polling only) */
        public Client(Protocol protocol, long intervalMicros) {
            this.protocol = protocol;
            this.intervalMicros = intervalMicros;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            switch (protocol) {
                case SHORT_POLL -> ctx.set(new Tick(), ctx.random().nextLong(intervalMicros));   // a random phase
                case LONG_POLL -> ctx.send("server", new Wait(cursor));
                case SSE -> ctx.send("server", new Subscribe(cursor));
            }
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (timer instanceof Tick) {
                ctx.send("server", new Poll(cursor));
                ctx.set(new Tick(), intervalMicros);
            }
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (!(message instanceof Events e)) return;
            for (int i = 0; i < e.seqs().size(); i++) {
                long seq = e.seqs().get(i);
                if (seq <= cursor) {
                    duplicates++;
                    continue;
                }
                if (seq > cursor + 1) gaps += seq - cursor - 1;
                cursor = seq;
                staleness.add(ctx.now() - e.published().get(i));
            }
            if (protocol == Protocol.LONG_POLL) ctx.send("server", new Wait(cursor));
        }

        /** Staleness of each event received, µs. */
        public List<Long> staleness() {
            return List.copyOf(staleness);
        }

        /** The last seq received. */
        public long cursor() {
            return cursor;
        }

        /** Events received twice. */
        public long duplicates() {
            return duplicates;
        }

        /** Events skipped (never received). */
        public long gaps() {
            return gaps;
        }
    }
}
