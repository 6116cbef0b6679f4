package sdx.queues.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.queues.Channel;
import sdx.queues.Delivery;
import sdx.queues.ReliableConsumer;
import sdx.queues.Theory;

/** Notebook 19's graders against the solution, plausible wrong answers and the stubs. */
class QueuesExercisesTest {
    /** The notebook's solution: process, then ack; retry while attempts remain; then dead-letter. */
    static final class Solution implements ReliableConsumer {
        private final Handler handler;
        private final int maxAttempts;
        Solution(Handler handler, int maxAttempts) { this.handler = handler; this.maxAttempts = maxAttempts; }

        public void onDelivery(Delivery d, Channel ch) {
            try {
                handler.handle(d);
                ch.ack(d.id());
            } catch (Exception e) {
                if (d.attempt() < maxAttempts) ch.retry(d.id());
                else ch.deadLetter(d.id());
            }
        }
    }

    /** Also correct: gives up without calling the handler once the attempts are used up (after crashes). */
    static ReliableConsumer checksFirst(ReliableConsumer.Handler h, int k) {
        return (d, ch) -> {
            if (d.attempt() > k) {
                ch.deadLetter(d.id());
                return;
            }
            try {
                h.handle(d);
                ch.ack(d.id());
            } catch (Exception e) {
                if (d.attempt() < k) ch.retry(d.id());
                else ch.deadLetter(d.id());
            }
        };
    }

    /** Wrong: never acknowledges. */
    static ReliableConsumer neverAcks(ReliableConsumer.Handler h, int k) {
        return (d, ch) -> {
            try {
                h.handle(d);
            } catch (Exception e) {
                ch.retry(d.id());
            }
        };
    }

    /** Wrong: any failure is final. */
    static ReliableConsumer deadLettersAtOnce(ReliableConsumer.Handler h, int k) {
        return (d, ch) -> {
            try {
                h.handle(d);
                ch.ack(d.id());
            } catch (Exception e) {
                ch.deadLetter(d.id());
            }
        };
    }

    /** Wrong: retries for ever (no dead-letter queue). */
    static ReliableConsumer retriesForever(ReliableConsumer.Handler h, int k) {
        return (d, ch) -> {
            try {
                h.handle(d);
                ch.ack(d.id());
            } catch (Exception e) {
                ch.retry(d.id());
            }
        };
    }

    /** Wrong: off by one, k retries after the first attempt. */
    static ReliableConsumer oneAttemptTooMany(ReliableConsumer.Handler h, int k) {
        return (d, ch) -> {
            try {
                h.handle(d);
                ch.ack(d.id());
            } catch (Exception e) {
                if (d.attempt() <= k) ch.retry(d.id());
                else ch.deadLetter(d.id());
            }
        };
    }

    /** Wrong: counts failures in its own memory, which a crash wipes. */
    static final class CountsInMemory implements ReliableConsumer {
        private final Handler handler;
        private final int maxAttempts;
        private final Map<Long, Integer> failures = new HashMap<>();
        CountsInMemory(Handler handler, int maxAttempts) { this.handler = handler; this.maxAttempts = maxAttempts; }

        public void onDelivery(Delivery d, Channel ch) {
            try {
                handler.handle(d);
                ch.ack(d.id());
            } catch (Exception e) {
                int n = failures.merge(d.id(), 1, Integer::sum);
                if (n < maxAttempts) ch.retry(d.id());
                else ch.deadLetter(d.id());
            }
        }
    }

    /** Wrong: acknowledges first (at most once), then processes. */
    static ReliableConsumer acksFirst(ReliableConsumer.Handler h, int k) {
        return (d, ch) -> {
            ch.ack(d.id());
            try {
                h.handle(d);
            } catch (Exception e) {
                // too late to retry
            }
        };
    }

    @Nested
    class ConsumerGrader extends GraderContract<ReliableConsumer.Factory> {
        @Override protected Report grade(ReliableConsumer.Factory f) { return QueuesExercises.consumer(f); }
        @Override protected ReliableConsumer.Factory reference() { return Solution::new; }
        @Override protected ReliableConsumer.Factory stub() { return (h, k) -> (d, ch) -> Exercise.todo(); }
        @Override protected List<ReliableConsumer.Factory> alsoCorrect() { return List.of(QueuesExercisesTest::checksFirst); }

        @Override
        protected List<Mutant<ReliableConsumer.Factory>> mutants() {
            return List.of(
                    mutant("never acknowledges", "processesAndAcks", QueuesExercisesTest::neverAcks),
                    mutant("dead-letters at the first failure", "transientFailureIsRetried", QueuesExercisesTest::deadLettersAtOnce),
                    mutant("retries for ever", "poisonGoesToDeadLetterAfterK", QueuesExercisesTest::retriesForever),
                    mutant("one attempt too many", "poisonGoesToDeadLetterAfterK", QueuesExercisesTest::oneAttemptTooMany),
                    mutant("counts attempts in memory", "nothingLostUnderCrashes", CountsInMemory::new),
                    mutant("acknowledges before processing", "noAckBeforeProcessing", QueuesExercisesTest::acksFirst));
        }
    }

    @Nested
    class BacklogPrediction extends GraderContract<Double> {
        @Override protected Report grade(Double d) { return QueuesExercises.predictBacklog(d); }
        /** The notebook's solution: the fluid model. */
        @Override protected Double reference() { return Theory.fluidBacklog(1_500, 1_000, 20); }
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }

        @Override
        protected List<Mutant<Double>> mutants() {
            String p = Prediction.CHECK_ID;
            return List.of(
                    mutant("everything that arrived: lambda × T", p, 30_000.0),
                    mutant("half the excess (the average over the burst)", p, 5_000.0),
                    mutant("M/M/1's rho / (1 - rho) at rho = 1.5", p, -3.0),
                    mutant("what the consumers processed: mu × T", p, 20_000.0));
        }
    }

    /** The simulated truth agrees with the fluid model (its spread is about sqrt((1500 + 1000) × 20) ≈ 224; 3 sd). */
    @Test
    void truthAgreesWithTheFluidModel() {
        assertEquals(Theory.fluidBacklog(QueuesExercises.BURST_RATE, QueuesExercises.CONSUMER_RATE,
                QueuesExercises.BURST_SECONDS), QueuesExercises.predictTruth(), 3 * 224);
    }
}
