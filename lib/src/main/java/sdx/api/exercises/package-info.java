/**
 * Notebook 25's exercises: a paginated {@code /v1/items} endpoint ({@link sdx.api.exercises.ItemsEndpoint} over an
 * {@link sdx.api.exercises.ItemStore}) graded by contract tests over real HTTP ({@code ItemsChecks}), and a
 * prediction of the rows an OFFSET page reads. Entry point: {@link sdx.api.exercises.ApiExercises}.
 */
package sdx.api.exercises;
