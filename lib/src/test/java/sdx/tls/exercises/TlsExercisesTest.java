package sdx.tls.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.tls.HandshakeFlow;
import sdx.tls.Trust;

/** The three graders of notebook 04 against correct answers, a wrong answer per check, and the stubs. */
class TlsExercisesTest {

    /** The notebook's solution to exercise 1: trust path, then dates, then host name. */
    static Verdict reference(Presented p) throws Exception {
        X509Certificate c = p.certificate();
        boolean trusted = false;
        for (X509Certificate root : p.trustedRoots()) {
            if (!root.getSubjectX500Principal().equals(c.getIssuerX500Principal())) continue;
            try {
                c.verify(root.getPublicKey());
                trusted = true;
            } catch (GeneralSecurityException e) {
                // same name, different key: not this root
            }
        }
        if (!trusted) {
            return c.getIssuerX500Principal().equals(c.getSubjectX500Principal()) ? Verdict.SELF_SIGNED : Verdict.UNKNOWN_CA;
        }
        Date now = Date.from(p.now());
        if (now.after(c.getNotAfter())) return Verdict.EXPIRED;
        if (now.before(c.getNotBefore())) return Verdict.NOT_YET_VALID;
        if (!Trust.dnsNames(c).contains(p.host())) return Verdict.WRONG_HOST;
        return Verdict.OK;
    }

    /** A correct variant: checkValidity(Date) throws the two validity exceptions. */
    static Verdict withCheckValidity(Presented p) throws Exception {
        Verdict trust = reference(new Presented(p.certificate(), p.trustedRoots(), p.host(), p.now()));
        if (trust == Verdict.UNKNOWN_CA || trust == Verdict.SELF_SIGNED) return trust;
        try {
            p.certificate().checkValidity(Date.from(p.now()));
        } catch (java.security.cert.CertificateExpiredException e) {
            return Verdict.EXPIRED;
        } catch (java.security.cert.CertificateNotYetValidException e) {
            return Verdict.NOT_YET_VALID;
        }
        return Trust.dnsNames(p.certificate()).contains(p.host()) ? Verdict.OK : Verdict.WRONG_HOST;
    }

    /** The reference with one step changed: the wrong answers below. */
    static Verdict variant(Presented p, String mistake) throws Exception {
        X509Certificate c = p.certificate();
        Date now = Date.from(p.now());
        boolean datesFirst = mistake.equals("dates first");
        if (datesFirst) {
            if (now.after(c.getNotAfter())) return Verdict.EXPIRED;
            if (now.before(c.getNotBefore())) return Verdict.NOT_YET_VALID;
        }
        boolean trusted = false;
        for (X509Certificate root : p.trustedRoots()) {
            if (!root.getSubjectX500Principal().equals(c.getIssuerX500Principal())) continue;
            if (mistake.equals("names only")) {
                trusted = true;
                continue;
            }
            try {
                c.verify(root.getPublicKey());
                trusted = true;
            } catch (GeneralSecurityException e) {
                // not this root
            }
        }
        if (mistake.equals("any issuer")) trusted = !c.getIssuerX500Principal().equals(c.getSubjectX500Principal());
        if (!trusted) {
            boolean self = c.getIssuerX500Principal().equals(c.getSubjectX500Principal());
            return self && !mistake.equals("no self-signed") ? Verdict.SELF_SIGNED : Verdict.UNKNOWN_CA;
        }
        if (mistake.equals("machine clock")) now = new Date();
        if (!datesFirst && !mistake.equals("ignores dates")) {
            if (mistake.equals("reversed dates") ? now.before(c.getNotAfter()) : now.after(c.getNotAfter())) {
                return Verdict.EXPIRED;
            }
            if (!mistake.equals("only notAfter") && now.before(c.getNotBefore())) return Verdict.NOT_YET_VALID;
        }
        if (!mistake.equals("ignores host")) {
            List<String> names = mistake.equals("common name")
                    ? List.of(c.getSubjectX500Principal().getName().replaceFirst("^CN=", "").replaceFirst(",.*", ""))
                    : Trust.dnsNames(c);
            if (!names.contains(p.host())) return Verdict.WRONG_HOST;
        }
        return Verdict.OK;
    }

    private static CertificateCheck wrong(String mistake) {
        return p -> variant(p, mistake);
    }

    @Test
    void theVariantWithNoMistakeIsTheReference() throws Exception {
        for (var id : List.of(Cases.VALID, Cases.EXPIRED, Cases.NOT_YET_VALID, Cases.OTHER_HOST, Cases.UNKNOWN_CA,
                Cases.SELF_SIGNED, Cases.CN_ONLY, Cases.SAN_ONLY, Cases.FORGED, Cases.EXPIRED_UNKNOWN_CA,
                Cases.EXPIRED_OTHER_HOST)) {
            assertEquals(reference(Cases.now(id)), variant(Cases.now(id), "none"), id.toString());
        }
    }

    /** Exercise 1: which check fails for this certificate. */
    @Nested
    class WhichCheckFails extends GraderContract<CertificateCheck> {
        @Override protected Report grade(CertificateCheck a) { return TlsExercises.whichCheckFails(a); }
        @Override protected CertificateCheck reference() { return TlsExercisesTest::reference; }
        @Override protected CertificateCheck stub() { return p -> Exercise.todo(); }
        @Override protected List<CertificateCheck> alsoCorrect() { return List.of(TlsExercisesTest::withCheckValidity); }

        @Override
        protected List<Mutant<CertificateCheck>> mutants() {
            return List.of(
                    mutant("date comparison the wrong way round", "validCertificate", wrong("reversed dates")),
                    mutant("ignores the validity period", "expired", wrong("ignores dates")),
                    mutant("checks only the end of the validity period", "notYetValid", wrong("only notAfter")),
                    mutant("ignores the host name", "wrongHost", wrong("ignores host")),
                    mutant("trusts any issuer that is not itself", "unknownCa", wrong("any issuer")),
                    mutant("calls a self-signed certificate an unknown CA", "selfSigned", wrong("no self-signed")),
                    mutant("reads the host name from the Common Name", "sanNotCommonName", wrong("common name")),
                    mutant("trusts an issuer by its name, never verifying the signature", "forgedIssuer", wrong("names only")),
                    mutant("checks the dates before the trust path", "trustBeforeDates", wrong("dates first")),
                    mutant("judges validity at the machine's clock", "usesTheGivenTime", wrong("machine clock")));
        }
    }

    /** The notebook's solution to exercise 2. */
    static SSLContext trusting(X509Certificate ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("private-ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A trust manager that checks only what {@code check} says (the wrong answers of exercise 2). */
    static SSLContext withTrustManager(X509TrustManager tm) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return ctx;
    }

    interface ServerCheck {
        void check(X509Certificate[] chain) throws java.security.cert.CertificateException;
    }

    static X509TrustManager manager(ServerCheck check) {
        return new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            public void checkServerTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                check.check(chain);
            }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
    }

    /** Exercise 2: make a client trust a private CA. */
    @Nested
    class TrustPrivateCa extends GraderContract<TrustingClient> {
        @Override protected Report grade(TrustingClient a) { return TlsExercises.trustPrivateCa(a); }
        @Override protected TrustingClient reference() { return TlsExercisesTest::trusting; }
        @Override protected TrustingClient stub() { return ca -> Exercise.todo(); }
        @Override protected List<TrustingClient> alsoCorrect() { return List.of(sdx.tls.Tls::clientTrusting); }

        @Override
        protected List<Mutant<TrustingClient>> mutants() {
            return List.of(
                    mutant("the JDK's default context (public CAs only)", "trustsThePrivateCa", ca -> SSLContext.getDefault()),
                    mutant("a trust manager that accepts everything", "rejectsAnotherCa",
                            ca -> withTrustManager(manager(chain -> { }))),
                    mutant("checks the CA's signature but not the dates", "rejectsExpired",
                            ca -> withTrustManager(manager(chain -> {
                                try {
                                    chain[0].verify(ca.getPublicKey());
                                } catch (GeneralSecurityException e) {
                                    throw new java.security.cert.CertificateException("not signed by the private CA");
                                }
                            }))));
        }
    }

    /** Exercise 3: predict when the response arrives. */
    @Nested
    class FirstResponse extends GraderContract<Double> {
        private final double rtt = TlsExercises.PREDICT_RTT_MILLIS;

        @Override protected Report grade(Double a) { return TlsExercises.predictFirstResponse(a); }
        @Override protected Double reference() { return 4 * rtt; } // the notebook's solution: 1 + 2 + 1 round trips
        @Override protected Double stub() { return Exercise.TODO_NUMBER; }
        @Override protected List<Double> alsoCorrect() { return List.of(TlsExercises.firstResponseTruth()); }

        @Override
        protected List<Mutant<Double>> mutants() {
            String id = Prediction.CHECK_ID;
            return List.of(
                    mutant("TLS 1.3's count (one handshake round trip)", id, 3 * rtt),
                    mutant("forgot the TCP handshake", id, 3 * rtt + 1),
                    mutant("the handshake only, no request", id, 2 * rtt),
                    mutant("one-way trips counted as round trips", id, 8 * rtt));
        }
    }

    @Test
    void firstResponseTruthIsFourRoundTrips() {
        // RFC 5246's full handshake is two round trips; TCP one before it, the request one after it. The
        // simulation sends flights' messages 0.3 ms apart, at most 15 of them.
        double truth = TlsExercises.firstResponseTruth();
        assertTrue(truth >= 4 * TlsExercises.PREDICT_RTT_MILLIS && truth <= 4 * TlsExercises.PREDICT_RTT_MILLIS
                + 15 * HandshakeFlow.GAP_MICROS / 1000.0, "truth " + truth);
    }
}
