package sdx.gossip.exercises;

/** The push-pull exercise's limits, shared by the checks, the notebook text and the tests. */
public final class PushPullExercise {
    private PushPullExercise() {}

    /** Round limit without loss, 1,000 nodes, 3 rumors. */
    public static final int ROUNDS_NO_LOSS = 11;
    /** Round limit with 20% loss, 1,000 nodes, 3 rumors. */
    public static final int ROUNDS_LOSSY = 17;
}
