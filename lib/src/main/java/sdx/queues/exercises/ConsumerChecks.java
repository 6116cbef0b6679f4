package sdx.queues.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.queues.ModelQueue;
import sdx.queues.ModelQueue.Faults;
import sdx.queues.ModelQueue.Outcome;
import sdx.queues.ReliableConsumer;

/**
 * Hidden checks for exercise 1, on the model queue ({@link ModelQueue}): plain messages, one transient failure,
 * one poison message (basic, worked by hand), then 200 seeds of crashes with poison and transient messages mixed
 * in, and the order of acknowledgement and processing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ConsumerChecks {
    /** Attempts before a message goes to the dead-letter queue, in every check. */
    static final int K = 3;

    private final ReliableConsumer.Factory factory = Grader.submission(ReliableConsumer.Factory.class);

    private Outcome run(int messages, Faults faults) {
        return ModelQueue.run(factory, messages, K, faults, 30L * messages, false);
    }

    private static void assertNoneGaveUp(Outcome o, String where) {
        assertFalse(o.gaveUp(), where + ": still redelivering after " + o.deliveries() + " deliveries (a message"
                + " that never succeeds must reach the dead-letter queue, and every delivery needs an answer)");
    }

    @Test
    @Order(1)
    @DisplayName("10 plain messages, no faults: each processed once and acknowledged")
    @Hint("call handler.handle(delivery), then channel.ack(delivery.id())")
    @Basic
    void processesAndAcks() {
        Outcome o = run(10, new Faults(0, Set.of(), Set.of(), 1));
        assertNoneGaveUp(o, "no faults");
        assertEquals("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", java.util.Arrays.toString(o.effects()),
                "times each message was processed");
        assertEquals(10, o.acked().size(), "messages acknowledged");
        assertEquals(Map.of(), o.deadLettered(), "dead-lettered messages");
    }

    @Test
    @Order(2)
    @DisplayName("message 2 fails once (a database hiccup): retried, then processed and acknowledged")
    @Hint("when the handler throws, call channel.retry(id) while attempts remain; a failure is not always permanent")
    @Basic
    void transientFailureIsRetried() {
        Outcome o = run(5, new Faults(0, Set.of(), Set.of(2L), 1));
        assertNoneGaveUp(o, "one transient failure");
        assertEquals(Map.of(), o.deadLettered(), "dead-lettered messages");
        assertEquals(1, o.effects()[2], "times message 2 was processed");
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L), o.acked(), "messages acknowledged");
    }

    @Test
    @Order(3)
    @DisplayName("message 1 always fails (poison): dead-lettered at attempt " + K + ", never acknowledged")
    @Hint("use delivery.attempt() (the queue's count): retry while attempt < maxAttempts, then channel.deadLetter(id)")
    @Basic
    void poisonGoesToDeadLetterAfterK() {
        Outcome o = run(4, new Faults(0, Set.of(1L), Set.of(), 1));
        assertNoneGaveUp(o, "one poison message");
        assertEquals(Map.of(1L, K), o.deadLettered(), "dead-lettered message -> the attempt it happened at");
        assertEquals(Set.of(0L, 2L, 3L), o.acked(), "messages acknowledged");
    }

    @Test
    @Order(4)
    @DisplayName("200 seeds, 30 messages, crashes in 20% of handler calls, 2 poison, 3 transient: nothing lost, "
            + "poison dead-lettered after " + K + " attempts")
    @Hint("count attempts with delivery.attempt(), not in a field: a crash throws the consumer (and its fields) away")
    void nothingLostUnderCrashes() {
        for (int seed = 0; seed < 200; seed++) {
            Set<Long> poison = new HashSet<>(Set.of((long) seed % 30, (long) (seed + 11) % 30));
            Set<Long> transients = new HashSet<>(Set.of((long) (seed + 3) % 30, (long) (seed + 5) % 30,
                    (long) (seed + 7) % 30));
            transients.removeAll(poison);
            Outcome o = run(30, new Faults(0.2, poison, transients, seed));
            assertNoneGaveUp(o, "seed " + seed);
            for (long p : poison) {
                assertTrue(o.deadLettered().containsKey(p), "seed " + seed + ": poison message " + p
                        + " is not in the dead-letter queue; dead-lettered: " + new TreeSet<>(o.deadLettered().keySet()));
            }
            for (long id : o.deadLettered().keySet()) {
                // crashes use up attempts too (as a queue's receive count does): a message whose crashed deliveries,
                // plus its one failure if it is transient, reach K may fairly be dead-lettered
                int used = o.crashedDeliveries()[(int) id] + (transients.contains(id) ? 1 : 0);
                assertTrue(poison.contains(id) || used >= K, "seed " + seed + ": message " + id + " was dead-lettered"
                        + " at attempt " + o.deadLettered().get(id) + " after only " + used
                        + " failed or crashed deliveries (it is not poison)");
            }
            for (long p : poison) {
                // a delivery that crashed did not fail on its own, so it does not count towards the K failures
                int at = o.deadLettered().get(p), crashed = o.crashedDeliveries()[(int) p];
                assertTrue(at >= K && at - crashed <= K, String.format(Locale.ROOT, "seed %d: poison message %d "
                        + "dead-lettered at attempt %d, with %d of its deliveries lost to crashes (allowed: attempt "
                        + "%d to %d)", seed, p, at, crashed, K, K + crashed));
            }
            assertEquals(0, o.lost(), "seed " + seed + ": messages neither processed nor dead-lettered");
        }
    }

    @Test
    @Order(5)
    @DisplayName("200 seeds with crashes: no acknowledgement before the message was processed")
    @Hint("acknowledge only after handler.handle returned: an ack before it loses the message if the consumer "
            + "crashes in between")
    @Basic
    void noAckBeforeProcessing() {
        for (int seed = 0; seed < 200; seed++) {
            Outcome o = run(30, Faults.crashes(0.2, seed));
            assertNoneGaveUp(o, "seed " + seed);
            assertEquals(0, o.earlyAcks(), "seed " + seed + ": acknowledgements made before processing");
        }
    }
}
