package sdx.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NioClient;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import sdx.core.Check;

/**
 * Asks a DNS server on 127.0.0.1 a question with a real client library, dnsjava (the stub side of
 * {@code dig}): it builds the query, sends it over UDP, matches the reply's ID and question, and parses
 * the records. Nothing here uses the course's own codec, so the two check each other.
 */
public final class Dig {
    private Dig() {}

    /** What dnsjava made of the reply: the RCODE's name, and the answer and authority records as text. */
    public record Reply(String question, String rcode, boolean authoritative, List<String> answers, List<String> authority) {
        /** Copies the lists. */
        public Reply {
            answers = List.copyOf(answers);
            authority = List.copyOf(authority);
        }
    }

    /**
     * Asks the server at 127.0.0.1:{@code port} for {@code name}'s {@code type} records (recursion not
     * desired: it is an authoritative server). Times out after 2 s. The query's ID is fixed by the question
     * (so the bytes repeat run to run); a resolver on a real network uses a random one.
     */
    public static Reply ask(int port, String name, String type) {
        Check.inRange("port", port, 1, 65_535);
        Check.notNull("name", name);
        int code = Type.value(Check.notNull("type", type));
        Check.that(code > 0, "type", type, "must be a DNS record type such as A, AAAA, CNAME, MX or NS");
        try {
            SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
            resolver.setPort(port);
            resolver.setTimeout(Duration.ofSeconds(2));
            Message query = Message.newQuery(Record.newRecord(Name.fromString(Zone.absolute(name)), code, DClass.IN));
            query.getHeader().unsetFlag(org.xbill.DNS.Flags.RD);
            // dnsjava picks a random ID (as it should on a real network, against spoofing); here a fixed one
            // derived from the question keeps the notebook's bytes the same on every run
            query.getHeader().setID((Zone.absolute(name) + " " + type).toLowerCase(java.util.Locale.ROOT).hashCode() & 0xFFFF);
            Message reply = resolver.send(query);
            return new Reply(Zone.absolute(name) + " " + type, Rcode.string(reply.getRcode()),
                    reply.getHeader().getFlag(org.xbill.DNS.Flags.AA),
                    lines(reply, Section.ANSWER), lines(reply, Section.AUTHORITY));
        } catch (TextParseException e) {
            throw Check.fail("name is \"" + name + "\"; must be a DNS name such as www.course.test. (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from 127.0.0.1:" + port + ": " + e.getMessage(), e);
        } finally {
            NioClient.close(); // dnsjava's selector thread: stop it, so nothing is left running
        }
    }

    private static List<String> lines(Message m, int section) {
        List<String> out = new ArrayList<>();
        for (Record r : m.getSection(section)) out.add(r.toString().replace('\t', ' '));
        return out;
    }
}
