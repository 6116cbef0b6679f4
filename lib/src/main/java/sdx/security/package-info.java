/**
 * Security (notebook 23): denial of service on a real server on 127.0.0.1 ({@link sdx.security.FloodServer},
 * flooded by {@link sdx.security.FloodRun}) and in a seeded queueing model ({@link sdx.security.FloodModel}) beside
 * queueing theory ({@link sdx.security.FloodTheory}), under four {@link sdx.security.Protection}s; amplification
 * measured and compared with published reflection factors ({@link sdx.security.Amplification}); cross-site
 * scripting on a comment board rendered by concatenation and with the OWASP Java Encoder, with and without a
 * Content-Security-Policy ({@link sdx.security.CommentBoard}, {@link sdx.security.BoardMain} for the browser
 * test); SQL injection on SQLite ({@link sdx.security.Injection}).
 *
 * <p>Entry points: the facade {@link sdx.security.Security} and the exercises in
 * {@link sdx.security.exercises.SecurityExercises}.
 */
package sdx.security;
