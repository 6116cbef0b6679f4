/**
 * Graded exercises of notebook 13: the interfaces a learner implements ({@link sdx.sharding.exercises.RingLookup},
 * {@link sdx.sharding.exercises.CounterUpdate}), the hidden checks the grader runs against them, and the entry
 * point {@link sdx.sharding.exercises.ShardingExercises} whose methods the check cells call.
 */
package sdx.sharding.exercises;
