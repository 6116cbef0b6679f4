/**
 * Graded exercises of notebook 03 (IP, TCP and UDP): {@link sdx.transport.exercises.TransportExercises} is
 * the entry point ({@code handshake(rule)}, {@code predictThroughput(number)}); {@link
 * sdx.transport.exercises.HandshakeChecks} holds the hidden checks.
 */
package sdx.transport.exercises;
