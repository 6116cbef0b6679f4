package sdx.tls.exercises;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import sdx.tls.CertificateAuthority;
import sdx.tls.ServerIdentity;
import sdx.tls.Tls;

/**
 * The certificates the hidden checks judge, made once per JVM from a fixed seed: each case has one thing
 * wrong (the basic checks) or a trap (a Common Name that is not the SAN, a look-alike CA, two faults at
 * once, a time that is not today).
 */
final class Cases {
    private Cases() {}

    static final long SEED = 2026;
    static final String HOST = Tls.HOST;

    /** The client's CA, and a stranger, and a look-alike with the very same name. */
    static final CertificateAuthority CA = CertificateAuthority.create("Course Root CA", SEED);
    static final CertificateAuthority STRANGER = CertificateAuthority.create("Unknown Root CA", SEED + 1);
    static final CertificateAuthority LOOKALIKE = CertificateAuthority.create("Course Root CA", SEED + 2);

    static final ServerIdentity VALID = CA.issue(HOST);
    static final ServerIdentity EXPIRED = CA.issue(HOST, -400, -35);
    static final ServerIdentity NOT_YET_VALID = CA.issue(HOST, 30, 400);
    static final ServerIdentity OTHER_HOST = CA.issue("other.example");
    static final ServerIdentity UNKNOWN_CA = STRANGER.issue(HOST);
    static final ServerIdentity SELF_SIGNED = CertificateAuthority.selfSigned(HOST, SEED);
    /** Common Name shop.example, SAN other.example: for other.example only. */
    static final ServerIdentity CN_ONLY = CA.issue(HOST, "other.example", -30, 365);
    /** Common Name other.example, SAN shop.example: for shop.example. */
    static final ServerIdentity SAN_ONLY = CA.issue("other.example", HOST, -30, 365);
    static final ServerIdentity FORGED = LOOKALIKE.issue(HOST);
    static final ServerIdentity EXPIRED_UNKNOWN_CA = STRANGER.issue(HOST, -400, -35);
    static final ServerIdentity EXPIRED_OTHER_HOST = CA.issue("other.example", -400, -35);

    /** {@code id}'s leaf, presented to a client of {@link #HOST} trusting {@link #CA}, judged now. */
    static Presented now(ServerIdentity id) {
        return at(id, Instant.now());
    }

    static Presented at(ServerIdentity id, Instant when) {
        return new Presented(id.leaf(), List.of(CA.certificate()), HOST, when);
    }

    static Instant daysFromNow(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS);
    }
}
