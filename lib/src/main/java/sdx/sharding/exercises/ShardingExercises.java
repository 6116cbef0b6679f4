package sdx.sharding.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.sharding.KeyMovement;
import sdx.sharding.ModHashPartitioner;

/** The sharding notebook's exercises: one method per check cell. */
public final class ShardingExercises {
    private ShardingExercises() {}

    /** Keys hashed in exercise 3's measurement. */
    public static final int MOVED_KEYS = 100_000;

    /**
     * Exercise 3: the fraction of keys that move when {@code hash mod N} goes from 9 to 10 shards, measured
     * on 100,000 keys (exactly 0.9 in the limit: a key stays only when h mod 9 == h mod 10, 9 residues of 90).
     */
    static final Prediction KEYS_MOVED = Prediction.named("keys moved, 9 -> 10 shards")
            .truth(() -> KeyMovement.movedFraction(ModHashPartitioner.of(9), ModHashPartitioner.of(10), MOVED_KEYS))
            .tolerance(0.02, "the measured fraction differs from the exact one by sampling noise, far less than this")
            .tooHigh("not every key moves: a key stays when h mod 9 == h mod 10; how many of the 90 values of h mod 90 "
                    + "give the same remainder?")
            .tooLow("1/10 is what consistent hashing moves; with hash mod N a key stays only when h mod 9 == h mod 10, "
                    + "which is rare");

    /** Exercise 1: grades a consistent-hash ring lookup. */
    public static Report ringLookup(RingLookup lookup) {
        return Grader.run("consistent-hash lookup", RingLookupChecks.class, lookup);
    }

    /** Exercise 2: grades the update step of a bounded-memory heavy-hitter counter. */
    public static Report hotKeys(CounterUpdate update) {
        return Grader.run("bounded-memory hot keys", HotKeyChecks.class, update);
    }

    /** Exercise 3: grades a predicted fraction of keys moved ({@code Exercise.TODO_NUMBER} = not attempted). */
    public static Report predictKeysMoved(double fraction) {
        return KEYS_MOVED.grade(fraction);
    }
}
