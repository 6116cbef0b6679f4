package sdx.tls;

import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Each trust failure made on purpose: a server presenting a bad certificate, a client that trusts the
 * course's CA and checks the host name (as HTTPS does), and what the JDK said.
 *
 * @param cases one per certificate, the valid control first
 */
public record TrustFailures(List<Case> cases) {

    /**
     * One attempt.
     *
     * @param name        the case ("expired")
     * @param certificate what is wrong with it, in words
     * @param outcome     "connected" or the exception's class ("SSLHandshakeException")
     * @param reason      the JDK's reason, condensed to one line ({@link Tls#reason})
     */
    public record Case(String name, String certificate, String outcome, String reason) {}

    public TrustFailures {
        cases = List.copyOf(cases);
    }

    /** The case with this name. */
    public Case get(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> sdx.core.Check.fail("name must be one of " + cases.stream().map(Case::name).toList()
                        + ", was " + name));
    }

    /** Case, certificate, outcome and the JDK's reason. */
    public Table table() {
        Table t = Table.create("A client trusting only the course CA, connecting to " + Tls.HOST);
        StringColumn name = StringColumn.create("case");
        StringColumn cert = StringColumn.create("the server's certificate");
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn reason = StringColumn.create("the JDK's reason");
        for (Case c : cases) {
            name.append(c.name());
            cert.append(c.certificate());
            outcome.append(c.outcome());
            reason.append(c.reason());
        }
        return t.addColumns(name, cert, outcome, reason);
    }
}
