package sdx.tls.exercises;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import sdx.core.Check;

/**
 * What a client has in hand when it judges a server's certificate (exercise 1).
 *
 * @param certificate  the server's certificate (the leaf; in these exercises a root signs it directly)
 * @param trustedRoots the roots the client trusts
 * @param host         the host name the client asked for (lower case)
 * @param now          the time to judge validity at (use this, not the machine's clock)
 */
public record Presented(X509Certificate certificate, List<X509Certificate> trustedRoots, String host, Instant now) {
    public Presented {
        Check.notNull("certificate", certificate);
        trustedRoots = List.copyOf(Check.notNull("trustedRoots", trustedRoots));
        Check.notNull("host", host);
        Check.notNull("now", now);
    }
}
