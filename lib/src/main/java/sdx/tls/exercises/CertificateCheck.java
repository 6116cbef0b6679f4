package sdx.tls.exercises;

/** Exercise 1: judge a presented certificate as a TLS client does, in the JDK's order. */
@FunctionalInterface
public interface CertificateCheck {
    /** The verdict for {@code presented}: {@link Verdict#OK} or the first check that fails. */
    Verdict check(Presented presented) throws Exception;
}
