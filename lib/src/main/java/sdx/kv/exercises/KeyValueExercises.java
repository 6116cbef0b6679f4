package sdx.kv.exercises;

import sdx.exercise.Grader;
import sdx.exercise.Report;

/**
 * Notebook 11's exercises, one method per check cell: {@link #ttl} grades a store with Redis's TTL semantics,
 * {@link #aofReplay} the recovery of an append-only log after a crash.
 */
public final class KeyValueExercises {
    private KeyValueExercises() {}

    /** Exercise 1: grades a TTL store, given as its constructor (e.g. {@code MyStore::new}). */
    public static Report ttl(TtlStore.Factory factory) {
        return Grader.run("TTL semantics", TtlChecks.class, factory);
    }

    /** Exercise 2: grades an append-only-log replay (e.g. {@code new MyReplay()}). */
    public static Report aofReplay(AofReplayer replayer) {
        return Grader.run("append-only log replay", AofChecks.class, replayer);
    }
}
