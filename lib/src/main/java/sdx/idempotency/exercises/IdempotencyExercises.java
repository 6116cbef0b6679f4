package sdx.idempotency.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.idempotency.Idempotency;
import sdx.idempotency.Payments;
import sdx.sim.Simulation;

/** Notebook 21's exercises, one method per check cell: {@link #handler}, {@link #predictDuplicates}. */
public final class IdempotencyExercises {
    private IdempotencyExercises() {}

    /** Exercise 2's network: each message lost with this probability. */
    public static final double PREDICT_LOSS = 0.3;
    /** Exercise 2's attempts per payment. */
    public static final int PREDICT_ATTEMPTS = 5;
    /** Exercise 2 asks for duplicates per this many payments (no idempotency keys). */
    public static final int PREDICT_PAYMENTS = 1_000;
    /** Payments the truth is simulated over (then scaled to {@link #PREDICT_PAYMENTS}). */
    static final int SIMULATED_PAYMENTS = 20_000;

    /** Exercise 1: grades a payment handler, given as its constructor ({@code MyHandler::new}). */
    public static Report handler(PaymentHandler.Factory factory) {
        return Grader.run("an idempotent payment handler", HandlerChecks.class, factory);
    }

    /** Exercise 2's truth: duplicate charges per 1,000 payments, simulated over 20,000 payments (seed 42). */
    public static double predictTruth() {
        Simulation sim = Idempotency.payments(PREDICT_LOSS, PREDICT_ATTEMPTS, SIMULATED_PAYMENTS, false, 42);
        return sim.node("server", Payments.Server.class).duplicates() * (double) PREDICT_PAYMENTS / SIMULATED_PAYMENTS;
    }

    static final Prediction DUPLICATES = Prediction.named("duplicate charges for 1,000 payments")
            .truth(IdempotencyExercises::predictTruth)
            .tolerance(25, "the formula's answer passes: over 20,000 payments the simulation's spread is about ±5 per 1,000")
            .tooHigh("a retry happens only when an attempt got no receipt, and it charges only if its own request "
                    + "arrives; the last attempt's loss is not followed by a retry")
            .tooLow("a duplicate comes from every attempt whose request arrived but whose receipt was lost, and the "
                    + "retries after it: count the requests that arrive, minus the payments charged at least once");

    /** Exercise 2: grades a predicted number of duplicate charges ({@code Exercise.TODO_NUMBER}: not attempted). */
    public static Report predictDuplicates(double duplicates) {
        return DUPLICATES.grade(duplicates);
    }
}
