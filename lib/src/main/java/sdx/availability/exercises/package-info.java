/**
 * Graded exercises of notebook 06: the function a learner writes ({@link sdx.availability.exercises.ArchitectureModel}),
 * its hidden checks ({@link sdx.availability.exercises.ArchitectureChecks}), and the entry point
 * {@link sdx.availability.exercises.AvailabilityExercises} whose methods the check cells call.
 */
package sdx.availability.exercises;
