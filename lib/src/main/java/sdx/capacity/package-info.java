/**
 * Notebook 24, capacity planning: back-of-the-envelope estimates in units that cannot be mixed up
 * ({@link sdx.capacity.Quantity}, {@link sdx.capacity.Units}), the outline's photo service worked out
 * ({@link sdx.capacity.Assumptions}, {@link sdx.capacity.PhotoEstimate}), which assumption moves it most
 * ({@link sdx.capacity.Sensitivity}), how uncertain it is ({@link sdx.capacity.Uncertainty} beside
 * {@link sdx.capacity.Theory}'s lognormal product) and which server resource runs out first
 * ({@link sdx.capacity.Limits}). Entry points: {@link sdx.capacity.Capacity} and
 * {@link sdx.capacity.exercises.CapacityExercises}.
 */
package sdx.capacity;
