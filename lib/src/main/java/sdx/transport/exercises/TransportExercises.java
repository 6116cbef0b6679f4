package sdx.transport.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.transport.Handshake;
import sdx.transport.Theory;
import sdx.transport.Transport;

/**
 * Notebook 03's graded exercises: the three-way handshake as a state machine (graded on the simulator
 * under loss and duplication over many seeds), and a prediction of an AIMD sender's throughput from its
 * loss rate and round-trip time.
 */
public final class TransportExercises {
    private TransportExercises() {}

    /** Exercise 2's link: loss rate of data packets. */
    public static final double PREDICT_LOSS = 0.01;
    /** Exercise 2's link: round-trip time in milliseconds. */
    public static final double PREDICT_RTT_MS = 50;
    /** Exercise 2's run: simulated seconds. */
    public static final double PREDICT_SECONDS = 300;

    /** Exercise 1: grades a handshake rule (a class implementing {@link Handshake}, or a lambda). */
    public static Report handshake(Handshake rule) {
        return Grader.run("three-way handshake", HandshakeChecks.class, rule);
    }

    static final Prediction THROUGHPUT = Prediction.named("AIMD throughput, loss 1%, RTT 50 ms (packets per second)")
            .truth(() -> Transport.aimd(PREDICT_LOSS, PREDICT_RTT_MS, PREDICT_SECONDS, sdx.core.Rng.DEFAULT_SEED).packetsPerSecond())
            .tolerance(25, "Mathis et al.'s constant depends on the loss pattern; the simulated sender lands within 10% of it")
            .tooHigh("a lost packet halves the window: the window averages about 1.22 / sqrt(p) packets, sent once per RTT")
            .tooLow("throughput is window / RTT; the window averages about 1.22 / sqrt(p) packets, not 1 / p");

    /** Exercise 2: grades a predicted throughput in packets per second ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictThroughput(double packetsPerSecond) {
        return THROUGHPUT.grade(packetsPerSecond);
    }

    /** Mathis et al.'s estimate for exercise 2's link (for the solution and tests). */
    static double mathisEstimate() {
        return Theory.mathisPacketsPerSecond(PREDICT_LOSS, PREDICT_RTT_MS / 1000);
    }
}
