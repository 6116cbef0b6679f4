package sdx.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record reader against a ServerHello laid out by hand from RFC 8446 section 4.1.3. */
class HandshakesTest {

    /** A TLS 1.3 ServerHello resuming a session: supported_versions(0x0304), key_share(x25519), pre_shared_key(0). */
    static byte[] serverHello() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x03, 0x03});          // legacy_version
        b.writeBytes(new byte[32]);                     // random
        b.write(0);                                     // legacy_session_id_echo: empty
        b.writeBytes(new byte[] {0x13, 0x02});          // cipher_suite TLS_AES_256_GCM_SHA384
        b.write(0);                                     // legacy_compression_method
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        ext.writeBytes(new byte[] {0, 43, 0, 2, 0x03, 0x04});           // supported_versions: TLS 1.3
        ext.writeBytes(new byte[] {0, 51, 0, 36, 0, 29, 0, 32});        // key_share: x25519, 32 bytes
        ext.writeBytes(new byte[32]);
        ext.writeBytes(new byte[] {0, 41, 0, 2, 0, 0});                 // pre_shared_key: identity 0
        b.write(ext.size() >> 8);
        b.write(ext.size() & 0xff);
        b.writeBytes(ext.toByteArray());
        byte[] body = b.toByteArray();
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.writeBytes(new byte[] {2, 0, (byte) (body.length >> 8), (byte) body.length}); // type 2, 3-byte length
        msg.writeBytes(body);
        return msg.toByteArray();
    }

    @Test
    void readsTheExtensionsOfAHandMadeServerHello() {
        byte[] m = serverHello();
        assertEquals(List.of(43, 51, 41), Handshakes.serverHelloExtensions(m, 0, m.length));
        assertEquals("ServerHello (accepts resumption)", Handshakes.describe(m, 0, m.length));
    }

    @Test
    void namesMessagesAndIgnoresWhatIsNotAServerHello() {
        byte[] done = {14, 0, 0, 0};                    // ServerHelloDone: empty body
        assertEquals("ServerHelloDone", Handshakes.describe(done, 0, 4));
        assertNull(Handshakes.serverHelloExtensions(done, 0, 4));
        byte[] two = {11, 0, 0, 1, 0, 14, 0, 0, 0};     // a (truncated) Certificate then ServerHelloDone in one record
        assertEquals("Certificate, ServerHelloDone", Handshakes.describe(two, 0, two.length));
    }

    @Test
    void reasonIsOneLineWithoutInternalClassNames() {
        Exception e = new javax.net.ssl.SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path");
        e.initCause(new IllegalStateException("unable to find valid certification path"));
        String r = Tls.reason(e);
        assertEquals("PKIX path building failed: unable to find valid certification path", r);
        assertTrue(!r.contains("\n"));
    }
}
