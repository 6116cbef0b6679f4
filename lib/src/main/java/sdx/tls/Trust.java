package sdx.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small certificate readers shared by the experiments and the exercises' checks. */
public final class Trust {
    private Trust() {}

    /** The DNS names in a certificate's subject alternative name extension (empty if it has none). */
    public static List<String> dnsNames(X509Certificate c) {
        sdx.core.Check.notNull("certificate", c);
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans == null) return out;
            for (List<?> san : sans) {
                if (((Integer) san.get(0)) == 2) out.add((String) san.get(1)); // 2 = dNSName (RFC 5280)
            }
        } catch (CertificateParsingException e) {
            throw sdx.core.Check.fail("certificate has a malformed SAN extension: " + e.getMessage());
        }
        return out;
    }
}
