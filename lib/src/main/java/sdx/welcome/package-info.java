/**
 * The welcome notebook (00): the learner's first exercise interface ({@link sdx.welcome.TopShare}) and the
 * Zipf law it meets ({@link sdx.welcome.ZipfLaw}). Its check cells call
 * {@link sdx.welcome.exercises.WelcomeExercises}.
 */
package sdx.welcome;
