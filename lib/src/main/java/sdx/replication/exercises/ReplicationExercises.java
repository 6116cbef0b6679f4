package sdx.replication.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.replication.Cluster;
import sdx.replication.Mode;
import sdx.replication.QuorumRead;
import sdx.sim.Delay;
import sdx.sim.Time;

/**
 * Notebook 12's check cells, one method per exercise: {@link #quorumRead} and {@link #predictLostWrites}.
 * The prediction's scenario is constants here, so the notebook's text and the grader use the same numbers.
 */
public final class ReplicationExercises {
    private ReplicationExercises() {}

    /** Exercise 2: one client writes every 5 ms... */
    public static final long WRITE_PERIOD = Time.ms(5);
    /** ...to a leader replicating asynchronously to one follower 30 ms away (constant delay)... */
    public static final long REPLICATION_DELAY = Time.ms(30);
    /** ...and the leader dies, with its link, at 502.5 ms (failover 50 ms later). */
    public static final long CRASH = Time.ms(502.5);

    static final Prediction LOST = Prediction.named("acknowledged writes lost at the failover")
            .truth(ReplicationExercises::lostWritesTruth)
            .tolerance(0.5, "a count of writes: the exact number")
            .tooHigh("only writes still on their way to the follower are lost: the ack to the client does not wait for them, but the follower's copy is only 30 ms behind")
            .tooLow("asynchronous: the leader says OK at once, so every write of the last 30 ms before the crash was acknowledged and is not on the follower yet");

    /** Exercise 1: grades a quorum read (e.g. {@code MyRead::read} or a lambda). */
    public static Report quorumRead(QuorumRead read) {
        return Grader.run("Exercise 1: a quorum read that returns the newest version", QuorumReadChecks.class, read);
    }

    /** Exercise 2: grades the predicted number of lost writes ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictLostWrites(double prediction) {
        return LOST.grade(prediction);
    }

    /** Exercise 2's scenario, run on the simulator. */
    public static Cluster lostWritesScenario() {
        Cluster.Settings s = new Cluster.Settings(Mode.ASYNC, 1, Delay.constant(REPLICATION_DELAY), false, 1);
        Cluster c = Cluster.start(12, s).writes(WRITE_PERIOD, 150);
        c.crashLeaderAt(CRASH);
        c.sim().runFor(Time.ms(800));
        return c;
    }

    /** Exercise 2's truth: what the simulator loses. */
    public static double lostWritesTruth() {
        return lostWritesScenario().lostWrites();
    }
}
