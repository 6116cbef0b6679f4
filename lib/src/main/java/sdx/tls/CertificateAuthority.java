package sdx.tls;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import sdx.core.Check;

/**
 * A private certificate authority made in memory: an Ed25519 key pair and a self-signed root certificate
 * (valid from 30 days ago for 10 years). It issues server certificates whose subject alternative name is
 * the server's host name, as RFC 6125 and the CA/Browser Forum require (clients ignore the Common Name when
 * a SAN is present). Nothing is written to disk; the keys live as long as this object.
 *
 * <pre>{@code
 * var ca = CertificateAuthority.create("Course Root CA", 42);
 * ServerIdentity shop = ca.issue("shop.example");                 // valid: 30 days ago .. 365 days ahead
 * ServerIdentity old = ca.issue("shop.example", -400, -35);       // expired 35 days ago
 * }</pre>
 */
public final class CertificateAuthority {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 .-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final SecureRandom random;

    private CertificateAuthority(String name, long seed) {
        this.name = name;
        this.random = Certificates.random(seed, "ca:" + name);
        this.keys = Certificates.keyPair(random);
        var x500 = Certificates.name(name, "SDX Course");
        this.certificate = Certificates.build(x500, keys.getPublic(), x500, keys.getPrivate(), keys.getPublic(),
                Certificates.today(-30), Certificates.today(3650), true, null, random);
    }

    /**
     * A new CA named {@code name} (letters, digits, spaces, dots, hyphens; up to 63 characters). The same
     * name and seed give the same keys; two CAs with the same name and different seeds are different CAs
     * that merely look alike (the forged-issuer case).
     */
    public static CertificateAuthority create(String name, long seed) {
        Check.notNull("name", name);
        Check.that(NAME.matcher(name).matches(), "name", name, "must be 1-63 letters, digits, spaces, dots or hyphens");
        return new CertificateAuthority(name, seed);
    }

    /** A certificate for {@code host}, valid from 30 days ago to 365 days ahead. */
    public ServerIdentity issue(String host) {
        return issue(host, -30, 365);
    }

    /**
     * A certificate for {@code host} (Common Name and SAN), valid from {@code fromDay} to {@code untilDay},
     * counted in days from today's midnight UTC (negative: in the past).
     */
    public ServerIdentity issue(String host, int fromDay, int untilDay) {
        return issue(checkHost("host", host), host, fromDay, untilDay);
    }

    /**
     * A certificate whose Common Name is {@code commonName} and whose only SAN is {@code sanHost}; a
     * client checks the SAN (the Common Name is a display name only, RFC 6125 section 6.4.4).
     */
    public ServerIdentity issue(String commonName, String sanHost, int fromDay, int untilDay) {
        checkHost("commonName", commonName);
        checkHost("sanHost", sanHost);
        Check.inRange("fromDay", fromDay, -36_500, 36_500);
        Check.inRange("untilDay", untilDay, -36_500, 36_500);
        Check.that(untilDay > fromDay, "untilDay", untilDay, "must be after fromDay (" + fromDay + ")");
        KeyPair server = Certificates.keyPair(random);
        X509Certificate cert = Certificates.build(Certificates.name(commonName, null), server.getPublic(),
                Certificates.name(name, "SDX Course"), keys.getPrivate(), keys.getPublic(),
                Certificates.today(fromDay), Certificates.today(untilDay), false, sanHost, random);
        return new ServerIdentity(server.getPrivate(), List.of(cert, certificate));
    }

    /** A self-signed server certificate for {@code host}: it vouches for itself, no CA involved. */
    public static ServerIdentity selfSigned(String host, long seed) {
        checkHost("host", host);
        SecureRandom r = Certificates.random(seed, "self:" + host);
        KeyPair kp = Certificates.keyPair(r);
        var x500 = Certificates.name(host, null);
        Instant from = Certificates.today(-30), until = Certificates.today(365);
        // A self-signed end-entity certificate: the SAN is there, the signature is its own.
        X509Certificate cert = Certificates.build(x500, kp.getPublic(), x500, kp.getPrivate(), kp.getPublic(),
                from, until, false, host, r);
        return new ServerIdentity(kp.getPrivate(), List.of(cert));
    }

    static String checkHost(String param, String host) {
        Check.notNull(param, host);
        Check.that(host.length() <= 253 && HOST.matcher(host).matches(), param, host,
                "must be a lower-case DNS name such as shop.example");
        return host;
    }

    /** The CA's name (its certificate's Common Name). */
    public String name() {
        return name;
    }

    /** The root certificate a client must trust. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** An in-memory trust store holding only this CA's root certificate (type PKCS12). */
    public KeyStore trustStore() {
        return Tls.trustStore(certificate);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + name + "]";
    }
}
