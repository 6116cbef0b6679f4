/**
 * Notebook 07's exercises: {@link sdx.cache.exercises.CachingExercises} is the one entry point its check
 * cells call; {@link sdx.cache.exercises.LruChecks} holds the hidden checks of the learner's
 * {@link sdx.cache.exercises.SimpleCache}.
 */
package sdx.cache.exercises;
