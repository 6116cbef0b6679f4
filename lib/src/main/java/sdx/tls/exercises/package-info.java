/**
 * Notebook 04's exercises: {@link sdx.tls.exercises.TlsExercises} is the one entry point; the learner
 * writes a {@link sdx.tls.exercises.CertificateCheck} (exercise 1) and a
 * {@link sdx.tls.exercises.TrustingClient} (exercise 2), and predicts a number (exercise 3).
 */
package sdx.tls.exercises;
