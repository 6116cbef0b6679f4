package sdx.tls;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Bouncy Castle's certificate builder, used with the JDK's own providers (Ed25519 keys from SunEC), so no
 * security provider is registered. Keys and signatures draw from a SecureRandom seeded from the caller's
 * seed (SHA1PRNG seeded before first use is deterministic), so the same seed gives the same
 * certificates, byte for byte, on the same day. Ed25519 signatures are 64 bytes and its public keys 32,
 * so handshake sizes do not wobble with DER-encoded signature lengths, as ECDSA's do.
 */
final class Certificates {
    private Certificates() {}

    /** The signature algorithm of every certificate here (RFC 8410). */
    static final String ALGORITHM = "Ed25519";

    /** A deterministic SecureRandom for {@code seed} and a purpose (so two keys of one seed differ). */
    static SecureRandom random(long seed, String purpose) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(ByteBuffer.allocate(8).putLong(seed).array());
            r.setSeed(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return r;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA1PRNG", e);
        }
    }

    static KeyPair keyPair(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    /** Midnight UTC today, plus {@code days}: validity periods are whole days relative to today. */
    static Instant today(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A certificate: a CA's (ca true) or a server's (SAN dNSName {@code host}, unless null). */
    static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
            PublicKey issuerPublic, Instant notBefore, Instant notAfter, boolean ca, String host, SecureRandom random) {
        try {
            BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerPublic));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                if (host != null) {
                    b.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
                }
            }
            ContentSigner signer = new JcaContentSignerBuilder(ALGORITHM).setSecureRandom(random).build(issuerKey);
            X509CertificateHolder holder = b.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("could not build the certificate for " + subject, e);
        }
    }

    static X500Name name(String commonName, String organisation) {
        return new X500Name("CN=" + commonName + (organisation == null ? "" : ", O=" + organisation));
    }
}
