/**
 * Notebook 11's exercises: {@link sdx.kv.exercises.KeyValueExercises} is the one entry point its check cells
 * call; {@link sdx.kv.exercises.TtlChecks} grades a learner's {@link sdx.kv.exercises.TtlStore} and
 * {@link sdx.kv.exercises.AofChecks} a learner's {@link sdx.kv.exercises.AofReplayer}.
 */
package sdx.kv.exercises;
