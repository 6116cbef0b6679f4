package sdx.dns;

import sdx.core.Check;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 02's real-packet experiments in one call each: start a {@link ZoneServer} for
 * {@code course.test.} on 127.0.0.1, ask it with dnsjava ({@link Dig}), keep the bytes that crossed the
 * socket, and close the server before returning (no thread or port is left open).
 */
public final class Dns {
    private Dns() {}

    /**
     * One question asked over UDP: dnsjava's reading of the reply, and the query and response bytes as
     * the course's server saw them.
     */
    public record Exchange(Dig.Reply reply, ZoneServer.Exchange wire) {
        /** Checks both parts are there. */
        public Exchange {
            Check.notNull("reply", reply);
            Check.notNull("wire", wire);
        }

        /** The query's bytes (a copy). */
        public byte[] query() {
            return wire.query();
        }

        /** The response's bytes (a copy). */
        public byte[] response() {
            return wire.response();
        }

        /** The query decoded field by field (RFC 1035 §4.1). */
        public Table queryTable() {
            return DnsWire.table("The query, " + wire.query().length + " bytes, as dnsjava sent it", wire.query());
        }

        /** The response decoded field by field (RFC 1035 §4.1). */
        public Table responseTable() {
            return DnsWire.table("The response, " + wire.response().length + " bytes, as the course's server sent it", wire.response());
        }
    }

    /** Asks the course's zone for {@code name}'s {@code type} records over real UDP on 127.0.0.1. */
    public static Exchange ask(String name, String type) {
        Check.notNull("name", name);
        RecordType.named(type);
        try (ZoneServer server = ZoneServer.start(Zone.courseTest())) {
            Dig.Reply reply = Dig.ask(server.port(), name, type);
            return new Exchange(reply, server.exchanges().get(server.exchanges().size() - 1));
        }
    }

    /**
     * Asks each question ("www.course.test. A", "web.course.test. A", ...) of the course's zone and tabulates
     * what dnsjava made of each reply.
     */
    public static Table survey(String... questions) {
        Check.notNull("questions", questions);
        Check.that(questions.length > 0, "questions", "none", "give at least one, e.g. \"www.course.test. A\"");
        Table t = Table.create("Questions to the course.test. server on 127.0.0.1 (answers parsed by dnsjava)");
        StringColumn q = StringColumn.create("question"), rcode = StringColumn.create("RCODE"),
                answers = StringColumn.create("answer section"), authority = StringColumn.create("authority section");
        BooleanColumn aa = BooleanColumn.create("AA");
        IntColumn bytes = IntColumn.create("response bytes");
        try (ZoneServer server = ZoneServer.start(Zone.courseTest())) {
            for (String question : questions) {
                String[] parts = Check.notNull("question", question).trim().split("\\s+");
                Check.that(parts.length == 2, "question", question, "must be a name and a type, e.g. \"www.course.test. A\"");
                Dig.Reply r = Dig.ask(server.port(), parts[0], parts[1]);
                ZoneServer.Exchange last = server.exchanges().get(server.exchanges().size() - 1);
                q.append(r.question());
                rcode.append(r.rcode());
                aa.append(r.authoritative());
                answers.append(String.join("\n", r.answers()));
                authority.append(String.join("\n", r.authority()));
                bytes.append(last.response().length);
            }
        }
        return t.addColumns(q, rcode, aa, answers, authority, bytes);
    }
}
