package sdx.tls;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import sdx.core.Check;

/**
 * What a TLS server presents: its private key (never sent) and its certificate chain, leaf first (the
 * root may be included, though a client must already hold it to trust it).
 *
 * @param key   the server's private key
 * @param chain the certificate chain, leaf first
 */
public record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {
    /** The key password of the in-memory key store; it protects nothing, the store never leaves memory. */
    static final char[] PASSWORD = "in-memory".toCharArray();

    public ServerIdentity {
        Check.notNull("key", key);
        chain = List.copyOf(Check.notEmpty("chain", chain));
    }

    /** The server's own certificate (the chain's first). */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** An in-memory key store (PKCS12) holding the key and chain under alias "server". */
    public KeyStore keyStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PASSWORD, chain.toArray(new X509Certificate[0]));
            return ks;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not build an in-memory key store", e);
        }
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + leaf().getSubjectX500Principal().getName() + ", chain of " + chain.size() + "]";
    }
}
