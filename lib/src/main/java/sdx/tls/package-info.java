/**
 * Notebook 04 (TLS): how HTTPS connections are secured, with the JDK's real TLS stack on 127.0.0.1.
 *
 * <ul>
 *   <li>{@link sdx.tls.CertificateAuthority} and {@link sdx.tls.ServerIdentity}: a private CA and server
 *       certificates made in memory with Bouncy Castle's certificate builder (Ed25519 keys; nothing on
 *       disk).</li>
 *   <li>{@link sdx.tls.TlsServer}: a real TLS server (SunJSSE) on an ephemeral loopback port;
 *       {@link sdx.tls.Tls#connect} the client; {@link sdx.tls.WireTap} a relay that sees every record.</li>
 *   <li>{@link sdx.tls.Tls}: the facade of experiments ({@code handshakes}, {@code trustFailures},
 *       {@code cost}, {@code wire}), each returning a result record with {@code table()}.</li>
 *   <li>{@link sdx.tls.HandshakeFlow}: the message flows of RFC 8446 and RFC 5246 on the simulator, with a
 *       round-trip time loopback does not have, drawn as a ladder diagram.</li>
 *   <li>{@link sdx.tls.exercises.TlsExercises}: the exercises' entry point.</li>
 * </ul>
 */
package sdx.tls;
