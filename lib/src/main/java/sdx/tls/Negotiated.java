package sdx.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Real handshakes with one server, one per protocol version: what each negotiated, and the chain the server
 * presented.
 *
 * @param connections one per version, in the order tried
 */
public record Negotiated(List<Connection> connections) {
    public Negotiated {
        connections = List.copyOf(connections);
    }

    /** Version, cipher suite, host name, chain length and the response's status line, per connection. */
    public Table table() {
        Table t = Table.create("Handshakes with a server at 127.0.0.1 presenting a certificate for " + Tls.HOST);
        StringColumn version = StringColumn.create("negotiated version");
        StringColumn suite = StringColumn.create("cipher suite");
        StringColumn host = StringColumn.create("host name checked");
        IntColumn chain = IntColumn.create("certificates sent");
        StringColumn status = StringColumn.create("response");
        for (Connection c : connections) {
            version.append(c.protocol());
            suite.append(c.cipherSuite());
            host.append(c.host());
            chain.append(c.chain().size());
            status.append(c.statusLine());
        }
        return t.addColumns(version, suite, host, chain, status);
    }

    /** The certificate chain of the first connection: who each certificate names, who signed it, for how long. */
    public Table chain() {
        List<X509Certificate> certs = connections.get(0).chain();
        Table t = Table.create("The chain the server presented (leaf first)");
        IntColumn pos = IntColumn.create("#");
        StringColumn subject = StringColumn.create("subject");
        StringColumn issuer = StringColumn.create("issuer (who signed it)");
        StringColumn names = StringColumn.create("host names (SAN)");
        StringColumn key = StringColumn.create("key / signature");
        IntColumn days = IntColumn.create("valid for (days)");
        StringColumn ca = StringColumn.create("may sign certificates");
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate c = certs.get(i);
            pos.append(i);
            subject.append(Tls.summary(c));
            issuer.append(c.getIssuerX500Principal().getName());
            names.append(String.join(", ", Trust.dnsNames(c)));
            key.append(c.getPublicKey().getAlgorithm() + " / " + c.getSigAlgName());
            days.append((int) Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()).toDays());
            ca.append(c.getBasicConstraints() >= 0 ? "yes (a CA)" : "no");
        }
        return t.addColumns(pos, subject, issuer, names, key, days, ca);
    }
}
