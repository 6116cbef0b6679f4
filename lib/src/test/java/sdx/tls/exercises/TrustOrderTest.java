package sdx.tls.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import sdx.tls.ServerIdentity;
import sdx.tls.Tls;
import sdx.tls.TlsServer;

/**
 * Exercise 1's expected verdicts are what the JDK itself concludes: every case is presented by a real
 * server to the JDK's client (PKIX trust manager, HTTPS host-name checking), and the JDK's reason is mapped
 * to a verdict. The JDK does not tell a self-signed certificate from an unknown CA (both: no path to a
 * trusted root), so for those the verdict's family is compared.
 */
class TrustOrderTest {

    static Verdict jdk(ServerIdentity id) throws IOException {
        SSLContext client = Tls.clientTrusting(Cases.CA.certificate());
        try (TlsServer server = TlsServer.start(id)) {
            Tls.connect(client, server.port(), Cases.HOST, "TLSv1.3");
            return Verdict.OK;
        } catch (SSLHandshakeException e) {
            String r = Tls.reason(e);
            if (r.contains("NotAfter")) return Verdict.EXPIRED;
            if (r.contains("NotBefore")) return Verdict.NOT_YET_VALID;
            if (r.contains("No subject alternative DNS name")) return Verdict.WRONG_HOST;
            if (r.contains("unable to find valid certification path")) return Verdict.UNKNOWN_CA;
            if (r.contains("does not chain with any of the trust anchors")) return Verdict.UNKNOWN_CA; // a look-alike
            throw new AssertionError("unexpected reason: " + r);
        }
    }

    @Test
    void referenceVerdictsAreTheJdks() throws Exception {
        Map<String, ServerIdentity> cases = Map.ofEntries(Map.entry("valid", Cases.VALID), Map.entry("expired", Cases.EXPIRED),
                Map.entry("not yet valid", Cases.NOT_YET_VALID), Map.entry("other host", Cases.OTHER_HOST),
                Map.entry("unknown CA", Cases.UNKNOWN_CA), Map.entry("self-signed", Cases.SELF_SIGNED),
                Map.entry("CN only", Cases.CN_ONLY), Map.entry("SAN only", Cases.SAN_ONLY), Map.entry("forged", Cases.FORGED),
                Map.entry("expired, unknown CA", Cases.EXPIRED_UNKNOWN_CA),
                Map.entry("expired, other host", Cases.EXPIRED_OTHER_HOST));
        for (var e : cases.entrySet()) {
            Verdict mine = TlsExercisesTest.reference(Cases.now(e.getValue()));
            Verdict family = mine == Verdict.SELF_SIGNED ? Verdict.UNKNOWN_CA : mine;
            assertEquals(jdk(e.getValue()), family, e.getKey());
        }
    }
}
