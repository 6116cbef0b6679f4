/**
 * Notebook 14's exercises: {@link sdx.dcache.exercises.DistributedCacheExercises} is the one entry point its
 * check cells call; {@link sdx.dcache.exercises.SingleFlightChecks} holds the hidden checks of the learner's
 * {@link sdx.dcache.exercises.SingleFlight}, run with real threads.
 */
package sdx.dcache.exercises;
