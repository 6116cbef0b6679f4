package sdx.queues;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A work queue with acknowledgements, redelivery and a dead-letter queue, and a consumer process that crashes.
 * Messages 0 .. n-1 are delivered one at a time, in order, to a {@link ReliableConsumer}; a message that is
 * retried, or that was in flight when the consumer crashed, or that the consumer left without an answer, goes
 * to the back of the queue with its attempt count one higher. Faults are seeded: each call of the handler
 * crashes the consumer with probability {@code crash} (half the time before the message's effect, half after
 * it); poison messages always make the handler throw; transient messages make it throw on their first attempt
 * only. Everything is counted: effects per message, deliveries, acknowledgements that came before the effect.
 */
public final class ModelQueue {
    private ModelQueue() {}

    /** What the handler throws for a message it can never process (a poison message): retrying does not help. */
    public static final class PoisonMessage extends RuntimeException {
        PoisonMessage(long id) {
            super("cannot parse message " + id);
        }
    }

    /** The consumer's process dies here. An Error, so {@code catch (Exception e)} does not stop it. */
    public static final class Crash extends Error {
        Crash(String where) {
            super("the consumer crashed " + where, null, false, false);
        }
    }

    /**
     * The faults of a run.
     *
     * @param crash      probability that a handler call crashes the consumer
     * @param poison     ids whose handler always throws
     * @param transients ids whose handler throws on the first attempt only
     * @param seed       seeds the crashes
     */
    public record Faults(double crash, Set<Long> poison, Set<Long> transients, long seed) {
        public Faults {
            Check.inRange("crash", crash, 0, 0.9);
            poison = Set.copyOf(poison);
            transients = Set.copyOf(transients);
        }

        /** Crashes only. */
        public static Faults crashes(double crash, long seed) {
            return new Faults(crash, Set.of(), Set.of(), seed);
        }
    }

    /**
     * What happened.
     *
     * @param messages       messages sent
     * @param deliveries     deliveries made
     * @param effects        how many times each message's effect was applied (index = id)
     * @param acked          ids acknowledged
     * @param deadLettered   id to the attempt at which it was dead-lettered
     * @param earlyAcks      acknowledgements made before the handler had applied that delivery's effect
     * @param crashes        consumer crashes
     * @param crashedDeliveries per message, its deliveries that ended in a crash (index = id)
     * @param gaveUp         true when the run stopped at its delivery limit with messages still queued
     * @param idempotent     effects were idempotent (an upsert by id): a repeat changes nothing
     */
    public record Outcome(int messages, long deliveries, long[] effects, Set<Long> acked, Map<Long, Integer> deadLettered,
            long earlyAcks, long crashes, int[] crashedDeliveries, boolean gaveUp, boolean idempotent) {
        public Outcome {
            effects = effects.clone();
            crashedDeliveries = crashedDeliveries.clone();
            acked = Set.copyOf(acked);
            deadLettered = Map.copyOf(deadLettered);
        }

        @Override public long[] effects() { return effects.clone(); }
        @Override public int[] crashedDeliveries() { return crashedDeliveries.clone(); }

        /** Effects applied beyond the first, over all messages (0 when effects are idempotent). */
        public long duplicates() {
            if (idempotent) return 0;
            long d = 0;
            for (long e : effects) d += Math.max(0, e - 1);
            return d;
        }

        /** Messages whose effect was never applied and that are not in the dead-letter queue. */
        public long lost() {
            long l = 0;
            for (int i = 0; i < effects.length; i++) if (effects[i] == 0 && !deadLettered.containsKey((long) i)) l++;
            return l;
        }
    }

    /** Delivers {@code messages} messages to consumers made by {@code factory}, at most {@code maxDeliveries}. */
    public static Outcome run(ReliableConsumer.Factory factory, int messages, int maxAttempts, Faults faults,
            long maxDeliveries, boolean idempotentEffects) {
        Check.notNull("factory", factory);
        Check.inRange("messages", messages, 1, 1_000_000);
        Check.inRange("maxAttempts", maxAttempts, 1, 100);
        Check.notNull("faults", faults);
        Check.positive("maxDeliveries", maxDeliveries);
        return new Run(factory, messages, maxAttempts, faults, idempotentEffects).until(maxDeliveries);
    }

    /** One run's state; the channel and the handler check every call against the delivery in flight. */
    private static final class Run implements Channel, ReliableConsumer.Handler {
        private final ReliableConsumer.Factory factory;
        private final int maxAttempts;
        private final Faults faults;
        private final boolean idempotent;
        private final UniformRandomProvider rng;
        private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
        private final long[] effects;
        private final int[] crashedDeliveries;
        private final Set<Long> acked = new HashSet<>(), failedOnce = new HashSet<>();
        private final Map<Long, Integer> dead = new HashMap<>();
        private Delivery current;
        private boolean decided, crashed, applied;
        private long deliveries, earlyAcks, crashes;

        Run(ReliableConsumer.Factory factory, int messages, int maxAttempts, Faults faults, boolean idempotent) {
            this.factory = factory;
            this.maxAttempts = maxAttempts;
            this.faults = faults;
            this.idempotent = idempotent;
            this.rng = Rng.of(faults.seed());
            this.effects = new long[messages];
            this.crashedDeliveries = new int[messages];
            for (int i = 0; i < messages; i++) queue.add(new Delivery(i, "message " + i, 1));
        }

        Outcome until(long maxDeliveries) {
            ReliableConsumer consumer = factory.create(this, maxAttempts);
            while (!queue.isEmpty() && deliveries < maxDeliveries) {
                current = queue.poll();
                deliveries++;
                decided = crashed = applied = false;
                try {
                    consumer.onDelivery(current, this);
                } catch (Crash c) {
                    crashed = true;
                }
                if (crashed) {
                    crashes++;
                    crashedDeliveries[(int) current.id()]++;
                    consumer = factory.create(this, maxAttempts); // a fresh process: in-memory state is gone
                }
                if (!decided) again(current); // in flight at a crash, or left unanswered: redelivered after a timeout
            }
            return new Outcome(effects.length, deliveries, effects, acked, dead, earlyAcks, crashes, crashedDeliveries,
                    !queue.isEmpty(),
                    idempotent);
        }

        private void again(Delivery d) {
            queue.add(new Delivery(d.id(), d.body(), d.attempt() + 1));
        }

        private boolean accepts(long id, String what) {
            if (crashed) throw new Crash("already (a dead process cannot " + what + ")");
            if (current == null || id != current.id()) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s(%d) while delivery %s is in flight", what, id, current == null ? "none" : current.id()));
            }
            if (decided) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s(%d): this delivery was already answered (ack, retry or deadLetter: exactly one)", what, id));
            }
            decided = true;
            return true;
        }

        @Override
        public void ack(long id) {
            accepts(id, "ack");
            if (!applied) earlyAcks++;
            acked.add(id);
        }

        @Override
        public void retry(long id) {
            accepts(id, "retry");
            again(current);
        }

        @Override
        public void deadLetter(long id) {
            accepts(id, "deadLetter");
            dead.put(id, current.attempt());
        }

        @Override
        public void handle(Delivery d) throws Exception {
            Check.notNull("delivery", d);
            if (crashed) throw new Crash("already");
            if (current == null || d.id() != current.id()) {
                throw new IllegalStateException("handle(" + d.id() + ") while delivery "
                        + (current == null ? "none" : current.id()) + " is in flight");
            }
            boolean crash = rng.nextDouble() < faults.crash(), beforeEffect = rng.nextBoolean();
            if (crash && beforeEffect) {
                crashed = true;
                throw new Crash("before applying message " + d.id());
            }
            if (faults.poison().contains(d.id())) throw new PoisonMessage(d.id());
            if (faults.transients().contains(d.id()) && failedOnce.add(d.id())) {
                throw new java.io.IOException("database briefly unavailable for message " + d.id());
            }
            effects[(int) d.id()]++;
            applied = true;
            if (crash) {
                crashed = true;
                throw new Crash("after applying message " + d.id());
            }
        }
    }

    /** Acknowledge first, then process: at most once. */
    public static ReliableConsumer.Factory ackThenProcess() {
        return (handler, k) -> (d, ch) -> {
            ch.ack(d.id());
            try {
                handler.handle(d);
            } catch (Exception e) {
                // already acknowledged: the message is gone
            }
        };
    }

    /** Process, then acknowledge; retry on failure: at least once. */
    public static ReliableConsumer.Factory processThenAck() {
        return (handler, k) -> (d, ch) -> {
            try {
                handler.handle(d);
                ch.ack(d.id());
            } catch (Exception e) {
                ch.retry(d.id());
            }
        };
    }

    /**
     * The three ways side by side on {@code messages} messages with crash probability {@code crash}: deliveries,
     * duplicate effects and lost messages, each beside its formula ({@link Theory}).
     */
    public static Table compare(int messages, double crash, long seed) {
        Check.inRange("crash", crash, 0, 0.9);
        StringColumn way = StringColumn.create("consumer");
        LongColumn deliveries = LongColumn.create("deliveries"), dups = LongColumn.create("duplicate effects"),
                lost = LongColumn.create("lost");
        DoubleColumn dupsTh = DoubleColumn.create("duplicates, formula"), lostTh = DoubleColumn.create("lost, formula");
        Faults f = Faults.crashes(crash, seed);
        Object[][] ways = {
            {"ack, then process (at most once)", ackThenProcess(), false, 0.0, Theory.lostFraction(crash)},
            {"process, then ack (at least once)", processThenAck(), false, Theory.duplicatesPerMessage(crash), 0.0},
            {"process (idempotent upsert), then ack", processThenAck(), true, 0.0, 0.0}};
        for (Object[] w : ways) {
            Outcome o = run((ReliableConsumer.Factory) w[1], messages, 100, f, 100L * messages, (Boolean) w[2]);
            way.append((String) w[0]);
            deliveries.append(o.deliveries());
            dups.append(o.duplicates());
            lost.append(o.lost());
            dupsTh.append(Math.round((Double) w[3] * messages * 10) / 10.0);
            lostTh.append(Math.round((Double) w[4] * messages * 10) / 10.0);
        }
        return Table.create(String.format(Locale.ROOT, "%d messages, the consumer crashes in %.0f%% of handler calls",
                messages, crash * 100)).addColumns(way, deliveries, dups, dupsTh, lost, lostTh);
    }
}
