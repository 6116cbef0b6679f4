/**
 * Notebook 03 (IP, TCP and UDP). Entry points a notebook calls:
 * <ul>
 *   <li>{@link sdx.transport.Packets}: an IPv4 header and a TCP segment built as real bytes and decoded
 *       field by field (RFC 791, RFC 9293), the Internet checksum (RFC 1071), IPv4 fragmentation;</li>
 *   <li>{@link sdx.transport.Transport}: the facade of simulated experiments: the handshake and teardown
 *       with faults ({@code handshake}), ARQ utilisation vs RTT and loss ({@code arqVsRtt}, {@code arqVsLoss}),
 *       an AIMD sender's window and throughput beside Mathis et al. ({@code aimd}, {@code mathis});</li>
 *   <li>{@link sdx.transport.Loopback}: UDP vs TCP on real sockets on 127.0.0.1;</li>
 *   <li>{@link sdx.transport.Theory}: the closed forms drawn beside the simulations.</li>
 * </ul>
 * The protocol code is the simulator's nodes: {@link sdx.transport.TcpEndpoint} (states, retransmission
 * with back-off, teardown) around a {@link sdx.transport.Handshake} rule ({@link sdx.transport.Rfc9293Handshake}
 * is the reference), {@link sdx.transport.Arq} (Go-Back-N, selective repeat, stop-and-wait as Go-Back-N
 * with a window of 1) and {@link sdx.transport.Aimd}. Exercises: {@link sdx.transport.exercises.TransportExercises}.
 */
package sdx.transport;
