package sdx.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one client connection established: the negotiated version and cipher suite, the certificate chain
 * the server presented (and the client verified), the first line of the response, and wall-clock costs.
 *
 * @param host           the host name the client asked for (sent as SNI and checked against the certificate)
 * @param protocol       the negotiated protocol version ("TLSv1.3")
 * @param cipherSuite    the negotiated cipher suite ("TLS_AES_256_GCM_SHA384")
 * @param chain          the server's certificate chain, leaf first
 * @param statusLine     the response's first line
 * @param connectNanos   the TCP connect's wall-clock time
 * @param handshakeNanos the TLS handshake's wall-clock time, after the TCP connect
 * @param sessionId      the session's identifier, hex (the JDK makes one up for TLS 1.3 too)
 */
public record Connection(String host, String protocol, String cipherSuite, List<X509Certificate> chain,
        String statusLine, long connectNanos, long handshakeNanos, String sessionId) {
    public Connection {
        chain = List.copyOf(chain);
    }
}
