package sdx.queues;

import sdx.core.Check;

/** Closed forms the notebook draws beside the simulations (Kleinrock, Queueing Systems vol. 1, 1975, ch. 3). */
public final class Theory {
    private Theory() {}

    /** M/M/1: mean messages in the queue including the one in service, rho / (1 - rho), for rho in [0, 1). */
    public static double mm1InSystem(double rho) {
        Check.inRange("rho", rho, 0, 0.999_999);
        return rho / (1 - rho);
    }

    /** M/M/1: mean messages waiting (not in service), rho² / (1 - rho). */
    public static double mm1Waiting(double rho) {
        Check.inRange("rho", rho, 0, 0.999_999);
        return rho * rho / (1 - rho);
    }

    /** The fluid model: a queue starting empty grows as (lambda - mu) t when lambda > mu, else stays near 0. */
    public static double fluidBacklog(double lambda, double mu, double seconds) {
        Check.atLeast("lambda", lambda, 0);
        Check.positive("mu", mu);
        Check.atLeast("seconds", seconds, 0);
        return Math.max(0, lambda - mu) * seconds;
    }

    /**
     * M/M/1/K: the fraction of arrivals that find the queue full (K messages including the one in service),
     * (1 - rho) rho^K / (1 - rho^(K+1)), and 1 / (K + 1) at rho = 1.
     */
    public static double mm1kRejected(double rho, int capacity) {
        Check.positive("rho", rho);
        Check.positive("capacity", capacity);
        if (Math.abs(rho - 1) < 1e-12) return 1.0 / (capacity + 1);
        return (1 - rho) * Math.pow(rho, capacity) / (1 - Math.pow(rho, capacity + 1));
    }

    /**
     * At-least-once delivery with acknowledgement after processing: each delivery crashes with probability
     * {@code p}, half the crashes before the message's effect and half after; duplicate effects per message,
     * p / (2 (1 - p)) (deliveries until one succeeds are geometric; each failed one applied the effect with
     * probability 1/2).
     */
    public static double duplicatesPerMessage(double p) {
        Check.inRange("p", p, 0, 0.99);
        return p / (2 * (1 - p));
    }

    /** Acknowledging before processing: the fraction of messages lost, p / 2 (a crash before the effect). */
    public static double lostFraction(double p) {
        Check.inRange("p", p, 0, 0.99);
        return p / 2;
    }
}
