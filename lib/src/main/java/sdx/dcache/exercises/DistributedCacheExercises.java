package sdx.dcache.exercises;

import sdx.core.Rng;
import sdx.dcache.HotKeys;
import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;

/**
 * Notebook 14's exercises: one method per check cell ({@link #singleFlight}, {@link #copiesForHotKey}).
 */
public final class DistributedCacheExercises {
    private DistributedCacheExercises() {}

    /** Exercise 2: what one cache node can serve, reads per second. */
    public static final double NODE_CAPACITY = 7_200;
    /** Exercise 2: how many of the hottest keys get copies. */
    public static final int HOT_KEYS = 3;

    /** Exercise 2's truth: the smallest copy count of the hottest keys that keeps every node within capacity. */
    public static int copiesTruth() {
        for (int r = 1; r <= HotKeys.NODES; r++) {
            if (HotKeys.busiestNode(HOT_KEYS, r, Rng.DEFAULT_SEED) <= NODE_CAPACITY) return r;
        }
        throw new IllegalStateException("no copy count keeps every node under " + NODE_CAPACITY);
    }

    static final Prediction COPIES = Prediction.named("copies of the 3 hottest keys for nodes of 7,200 reads/s")
            .truth(() -> copiesTruth())
            .tolerance(0, "a whole number of copies: the smallest that is enough")
            .tooHigh("fewer copies already keep every node within capacity: try smaller r with "
                    + "HotKeys.busiestNode(DistributedCacheExercises.HOT_KEYS, r, Rng.DEFAULT_SEED)")
            .tooLow("the busiest node's load does not fall as 1/r: a copy lands on a neighbour that already serves its own "
                    + "keys, and the busiest node keeps the keys that are not copied; compute the load for each r");

    /** Exercise 1: grades a single-flight group, given as its constructor (e.g. {@code MyFlight::new}). */
    public static Report singleFlight(SingleFlight.Factory factory) {
        return Grader.run("single flight", SingleFlightChecks.class, factory);
    }

    /** Exercise 2: grades the chosen number of copies ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report copiesForHotKey(double copies) {
        return COPIES.grade(copies);
    }
}
