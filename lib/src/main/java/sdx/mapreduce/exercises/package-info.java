/**
 * Notebook 22's exercises: {@link sdx.mapreduce.exercises.MapReduceExercises} is the one entry point its
 * check cells call; the hidden checks are {@link sdx.mapreduce.exercises.InvertedIndexChecks} and
 * {@link sdx.mapreduce.exercises.StatusCodeChecks}.
 */
package sdx.mapreduce.exercises;
