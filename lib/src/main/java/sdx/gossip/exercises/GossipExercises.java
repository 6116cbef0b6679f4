package sdx.gossip.exercises;

import java.util.List;
import java.util.Locale;
import sdx.core.Rng;
import sdx.exercise.Grader;
import sdx.exercise.Report;
import sdx.gossip.Epidemic;
import sdx.gossip.Gossip;
import sdx.gossip.Mode;

/** The p2p-gossip notebook's graded exercises: one method per check cell. */
public final class GossipExercises {
    private GossipExercises() {}

    /** Exercise 2: nodes in the network whose push rounds the learner predicts. */
    public static final int PREDICT_NODES = 10_000;
    /** Exercise 2: runs averaged for the measured value. */
    public static final int PREDICT_SEEDS = 20;
    /**
     * Exercise 2: a prediction passes within ±1.5 rounds of the measured mean. Wide enough for the theory
     * (log2 N + ln N, whose O(1) error is about one round here) to pass; narrow enough that log2 N alone
     * (the growth phase only) fails.
     */
    public static final double PREDICT_TOLERANCE = 1.5;

    /** Exercise 1: grades a push-pull gossip node, given as its constructor (e.g. {@code MyNode::new}). */
    public static Report pushPull(GossipNode.Factory factory) {
        return Grader.run("push-pull gossip", PushPullChecks.class, factory);
    }

    /** Exercise 2's truth: mean rounds of push (fanout 1) to reach all {@link #PREDICT_NODES} nodes. */
    public static double predictTruth() {
        return Gossip.meanRounds(Epidemic.of(PREDICT_NODES, Mode.PUSH), PREDICT_SEEDS, Rng.DEFAULT_SEED);
    }

    /**
     * Exercise 2: grades a predicted number of rounds ({@code Exercise.TODO_NUMBER} = not attempted). A miss
     * says whether it is too high or too low, never the measured value.
     */
    public static Report predictRounds(double prediction) {
        String check = String.format(Locale.ROOT, "push rounds to reach all %,d nodes, within ±%.1f", PREDICT_NODES,
                PREDICT_TOLERANCE);
        if (Double.isNaN(prediction)) {
            return new Report("predict push rounds", List.of(new Report.Result(check, Report.Status.NOT_ATTEMPTED, "", "")));
        }
        double truth = predictTruth();
        double error = prediction - truth;
        if (Math.abs(error) <= PREDICT_TOLERANCE) {
            return new Report("predict push rounds", List.of(new Report.Result(check, Report.Status.PASSED, "", "")));
        }
        boolean high = error > 0;
        String message = String.format(Locale.ROOT, "%s is too %s", fmt(prediction), high ? "high" : "low");
        String hint = high
                ? "each informed node tells one peer per round, so the informed set about doubles per round at first"
                : "doubling alone (log2 N rounds) reaches most nodes, but the last few take ln N more rounds: once most "
                        + "nodes know, a round only shrinks the uninformed share by a factor of about e";
        return new Report("predict push rounds", List.of(new Report.Result(check, Report.Status.FAILED, message, hint)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
