package sdx.tls.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for exercise 1 (which check fails for this certificate): one certificate per failure
 * first (basic), then the traps: a Common Name that disagrees with the SAN, a look-alike CA with the
 * trusted CA's name, two faults at once (the JDK reports the trust path first, then dates, then the host
 * name: {@code TrustOrderTest} checks that order against real handshakes), and a time other than today.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CertificateChecks {
    private final CertificateCheck check = Grader.submission(CertificateCheck.class);

    private Verdict judge(Presented p) throws Exception {
        return check.check(p);
    }

    @Test
    @Order(1)
    @DisplayName("a valid certificate for shop.example from the trusted CA is OK")
    @Hint("a certificate that passes every check gets Verdict.OK: compare dates with p.now() the right way round")
    @Basic
    void validCertificate() throws Exception {
        assertEquals(Verdict.OK, judge(Cases.now(Cases.VALID)), "verdict for a valid certificate");
    }

    @Test
    @Order(2)
    @DisplayName("a certificate that expired 35 days ago is EXPIRED")
    @Hint("compare p.now() with certificate.getNotAfter() (or call checkValidity with the date of p.now())")
    @Basic
    void expired() throws Exception {
        assertEquals(Verdict.EXPIRED, judge(Cases.now(Cases.EXPIRED)), "verdict for an expired certificate");
    }

    @Test
    @Order(3)
    @DisplayName("a certificate valid only from 30 days ahead is NOT_YET_VALID")
    @Hint("a validity period has two ends: getNotBefore() matters too")
    @Basic
    void notYetValid() throws Exception {
        assertEquals(Verdict.NOT_YET_VALID, judge(Cases.now(Cases.NOT_YET_VALID)), "verdict for a future certificate");
    }

    @Test
    @Order(4)
    @DisplayName("a certificate for other.example, presented for shop.example, is WRONG_HOST")
    @Hint("the host asked for (p.host()) must be one of the certificate's SAN DNS names: Trust.dnsNames(certificate)")
    @Basic
    void wrongHost() throws Exception {
        assertEquals(Verdict.WRONG_HOST, judge(Cases.now(Cases.OTHER_HOST)), "verdict for another host's certificate");
    }

    @Test
    @Order(5)
    @DisplayName("a certificate from a CA the client does not trust is UNKNOWN_CA")
    @Hint("trust means: some root in p.trustedRoots() is the certificate's issuer and its key verifies the signature")
    @Basic
    void unknownCa() throws Exception {
        assertEquals(Verdict.UNKNOWN_CA, judge(Cases.now(Cases.UNKNOWN_CA)), "verdict for an unknown CA's certificate");
    }

    @Test
    @Order(6)
    @DisplayName("an untrusted self-signed certificate is SELF_SIGNED")
    @Hint("a certificate whose issuer is its own subject signed itself: tell that apart from an unknown CA")
    @Basic
    void selfSigned() throws Exception {
        assertEquals(Verdict.SELF_SIGNED, judge(Cases.now(Cases.SELF_SIGNED)), "verdict for a self-signed certificate");
    }

    @Test
    @Order(7)
    @DisplayName("the host name is read from the SAN, never from the Common Name")
    @Hint("RFC 6125 and every browser ignore the Common Name when a SAN is present: read only the SAN DNS names")
    void sanNotCommonName() throws Exception {
        assertEquals(Verdict.WRONG_HOST, judge(Cases.now(Cases.CN_ONLY)),
                "verdict for CN=shop.example with SAN other.example");
        assertEquals(Verdict.OK, judge(Cases.now(Cases.SAN_ONLY)), "verdict for CN=other.example with SAN shop.example");
    }

    @Test
    @Order(8)
    @DisplayName("a look-alike CA with the trusted CA's very name is UNKNOWN_CA")
    @Hint("anyone can put any name in a certificate: verify the signature with the trusted root's public key")
    void forgedIssuer() throws Exception {
        assertEquals(Verdict.UNKNOWN_CA, judge(Cases.now(Cases.FORGED)),
                "verdict for a certificate signed by a different key under the trusted CA's name");
    }

    @Test
    @Order(9)
    @DisplayName("two faults at once: the trust path first, then the dates, then the host (the JDK's order)")
    @Hint("the JDK builds the path to a trusted root first, validates dates along it, and checks the host name last")
    void trustBeforeDates() throws Exception {
        assertEquals(Verdict.UNKNOWN_CA, judge(Cases.now(Cases.EXPIRED_UNKNOWN_CA)),
                "verdict for an expired certificate from an unknown CA");
        assertEquals(Verdict.EXPIRED, judge(Cases.now(Cases.EXPIRED_OTHER_HOST)),
                "verdict for an expired certificate for another host");
    }

    @Test
    @Order(10)
    @DisplayName("validity is judged at p.now(), not at the machine's clock")
    @Hint("checkValidity() with no argument reads the machine's clock; pass java.util.Date.from(p.now())")
    void usesTheGivenTime() throws Exception {
        assertEquals(Verdict.EXPIRED, judge(Cases.at(Cases.VALID, Cases.daysFromNow(2_000))),
                "verdict for a valid certificate judged 2,000 days from now");
        assertEquals(Verdict.NOT_YET_VALID, judge(Cases.at(Cases.VALID, Cases.daysFromNow(-60))),
                "verdict for a valid certificate judged 60 days ago");
    }
}
