/**
 * Notebook 09's exercises: a least-outstanding-requests picker graded with real threads
 * ({@link sdx.proxy.exercises.BackendPicker}, {@link sdx.proxy.exercises.PickerChecks}) and a prediction of
 * the busiest backend's load; {@link sdx.proxy.exercises.ProxyExercises} is the entry point.
 */
package sdx.proxy.exercises;
