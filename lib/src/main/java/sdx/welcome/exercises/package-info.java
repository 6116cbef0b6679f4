/**
 * The welcome notebook's (00) exercises: {@link sdx.welcome.exercises.WelcomeExercises} is the one entry
 * point its check cells call; {@link sdx.welcome.exercises.TopShareChecks} holds the hidden checks of the
 * learner's {@link sdx.welcome.TopShare}.
 */
package sdx.welcome.exercises;
