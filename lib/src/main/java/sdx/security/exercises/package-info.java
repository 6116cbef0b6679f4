/**
 * Notebook 23's exercises: an HTML encoder for two contexts, graded over a corpus of payloads
 * ({@link sdx.security.exercises.HtmlEncoder}), and a defence picked for each attack
 * ({@link sdx.security.exercises.DefencePicker}). Entry point: {@link sdx.security.exercises.SecurityExercises}.
 */
package sdx.security.exercises;
