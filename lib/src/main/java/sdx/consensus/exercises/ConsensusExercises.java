package sdx.consensus.exercises;

import java.util.List;
import sdx.consensus.Quorums;
import sdx.consensus.VoteHandler;
import sdx.core.Rng;
import sdx.exercise.Grader;
import sdx.exercise.Report;

/**
 * The leader-election notebook's graded exercises: Raft's RequestVote rule, run inside a Raft cluster
 * under loss, crashes and partitions over many seeds (the way MIT 6.5840 grades its Raft lab), and a
 * prediction of how many crashed servers a cluster survives.
 */
public final class ConsensusExercises {
    private ConsensusExercises() {}

    /** Exercise 2's cluster size. */
    public static final int PREDICT_N = 6;

    /** Exercise 1: grades a RequestVote handler (a lambda {@code (request, me) -> ...}). */
    public static Report requestVote(VoteHandler handler) {
        return Grader.run("RequestVote handler", VoteChecks.class, handler);
    }

    /** Exercise 2's truth: measured on the simulator (seed {@link Rng#DEFAULT_SEED}). */
    static int predictTruth() {
        return Quorums.failuresSurvived(PREDICT_N, Rng.DEFAULT_SEED);
    }

    /**
     * Exercise 2: grades a predicted number of crashed servers a cluster of {@link #PREDICT_N}
     * survives ({@code Exercise.TODO_NUMBER} = not attempted). A miss says "too high" or "too low".
     */
    public static Report predictFailures(double prediction) {
        String check = "crashed servers a cluster of " + PREDICT_N + " survives";
        if (Double.isNaN(prediction)) {
            return new Report("predict failures survived", List.of(new Report.Result(check,
                    Report.Status.NOT_ATTEMPTED, "", "")));
        }
        int truth = predictTruth();
        if (prediction == truth) {
            return new Report("predict failures survived", List.of(new Report.Result(check, Report.Status.PASSED, "", "")));
        }
        String message = prediction > truth ? "too high" : "too low";
        String hint = prediction > truth
                ? "the survivors must still be a majority of all " + PREDICT_N + " servers, crashed ones included"
                : "count how many servers a majority of " + PREDICT_N + " needs; every server beyond that may crash";
        return new Report("predict failures survived", List.of(new Report.Result(check, Report.Status.FAILED,
                "your answer is " + message, hint)));
    }
}
