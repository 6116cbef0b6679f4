package sdx.tls.exercises;

import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;

/** Exercise 2: a client context that trusts a private CA. */
@FunctionalInterface
public interface TrustingClient {
    /** An SSLContext whose clients trust certificates issued by {@code privateCa} (and check them fully). */
    SSLContext trusting(X509Certificate privateCa) throws Exception;
}
