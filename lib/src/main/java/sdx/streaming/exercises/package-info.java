/**
 * Notebook 18's exercises: {@link sdx.streaming.exercises.StreamingExercises} (a long-poll handler graded over
 * real loopback HTTP by {@link sdx.streaming.exercises.LongPollChecks}; a polling interval chosen for a
 * staleness target and a request budget).
 */
package sdx.streaming.exercises;
