package sdx.tls.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.tls.Connection;
import sdx.tls.ServerIdentity;
import sdx.tls.Tls;
import sdx.tls.TlsServer;

/**
 * Hidden checks for exercise 2 (make a client trust a private CA), graded by real TLS 1.3 handshakes on
 * 127.0.0.1: the private CA's certificate must be accepted, and a certificate from another CA and an
 * expired one from the private CA must still be refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TrustChecks {
    private final TrustingClient client = Grader.submission(TrustingClient.class);

    private SSLContext context() throws Exception {
        SSLContext ctx = client.trusting(Cases.CA.certificate());
        assertNotNull(ctx, "trusting(privateCa) returned null");
        return ctx;
    }

    private static Connection handshake(SSLContext ctx, ServerIdentity id) throws IOException {
        try (TlsServer server = TlsServer.start(id)) {
            return Tls.connect(ctx, server.port(), Cases.HOST, "TLSv1.3");
        }
    }

    private void refused(ServerIdentity id, String what) throws Exception {
        try {
            handshake(context(), id);
            fail("the handshake with " + what + " succeeded: your client trusts it");
        } catch (SSLHandshakeException expected) {
            // refused, as it must be
        }
    }

    @Test
    @Order(1)
    @DisplayName("a server with a certificate from the private CA: the handshake succeeds")
    @Hint("put the CA certificate in a KeyStore, init a TrustManagerFactory with it, and init the SSLContext with its trust managers")
    @Basic
    void trustsThePrivateCa() throws Exception {
        try {
            Connection c = handshake(context(), Cases.VALID);
            assertEquals("TLSv1.3", c.protocol(), "negotiated protocol");
        } catch (SSLHandshakeException e) {
            fail("the handshake failed: " + Tls.reason(e));
        }
    }

    @Test
    @Order(2)
    @DisplayName("a certificate from another CA is still refused")
    @Hint("a trust manager that accepts everything is not trust: let the JDK's PKIX trust manager decide")
    void rejectsAnotherCa() throws Exception {
        refused(Cases.UNKNOWN_CA, "a certificate from another CA");
    }

    @Test
    @Order(3)
    @DisplayName("an expired certificate from the private CA is still refused")
    @Hint("checking the issuer's signature is not enough: validity dates matter too; TrustManagerFactory does both")
    void rejectsExpired() throws Exception {
        refused(Cases.EXPIRED, "an expired certificate");
    }
}
