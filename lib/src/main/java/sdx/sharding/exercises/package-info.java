/**
 * Graded exercises of notebook 13: the interfaces a learner implements ({@link sdx.sharding.exercises.RingLookup},
 * {@link sdx.sharding.exercises.CounterUpdate}) and the hidden checks the grader runs against them.
 */
package sdx.sharding.exercises;
