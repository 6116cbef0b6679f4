package sdx.queues.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.queues.Backlog;
import sdx.queues.ReliableConsumer;

/** Notebook 19's exercises, one method per check cell: {@link #consumer}, {@link #predictBacklog}. */
public final class QueuesExercises {
    private QueuesExercises() {}

    /** Exercise 2: the producer's rate during the burst, messages per second. */
    public static final double BURST_RATE = 1_500;
    /** Exercise 2: how long the burst lasts, seconds. */
    public static final double BURST_SECONDS = 20;
    /** Exercise 2: the consumers' total rate, messages per second. */
    public static final double CONSUMER_RATE = 1_000;

    /** Exercise 1: grades a consumer with acknowledgements, retries and a dead-letter queue ({@code MyConsumer::new}). */
    public static Report consumer(ReliableConsumer.Factory factory) {
        return Grader.run("a consumer with acks, retries and a dead-letter queue", ConsumerChecks.class, factory);
    }

    /** Exercise 2's truth: the simulated backlog when the burst ends (seed 42). */
    public static double predictTruth() {
        return Backlog.afterBurst(BURST_RATE, BURST_SECONDS, CONSUMER_RATE, 42);
    }

    static final Prediction BACKLOG = Prediction.named("backlog when the burst ends (messages)")
            .truth(QueuesExercises::predictTruth)
            .tolerance(1_000, "10 % of the fluid answer; the run's own spread is about ±230 (sqrt((lambda + mu) T))")
            .tooHigh("the consumers keep working during the burst: only the difference between the two rates piles up")
            .tooLow("the backlog grows by what arrives minus what is processed, every second of the burst");

    /** Exercise 2: grades a predicted backlog ({@code Exercise.TODO_NUMBER}: not attempted). */
    public static Report predictBacklog(double messages) {
        return BACKLOG.grade(messages);
    }
}
