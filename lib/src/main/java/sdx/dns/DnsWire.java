package sdx.dns;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The DNS message format of RFC 1035 §4.1, written out by hand because it is what notebook 02 teaches:
 * the header, a question, resource records, and name compression (§4.1.4: a name may end in a two-byte
 * pointer, top bits 11, to an earlier occurrence of the same suffix). Used by {@link ZoneServer} to read
 * queries and write answers, and by {@link #fields} to decode any message field by field.
 */
public final class DnsWire {
    private DnsWire() {}

    /** The header is always 12 bytes. */
    public static final int HEADER_BYTES = 12;
    /** The largest UDP message without EDNS (RFC 1035 §2.3.4). */
    public static final int UDP_LIMIT = 512;
    /** Class IN (the Internet). */
    public static final int IN = 1;

    /** A question: name (as sent), type code and class code. */
    public record Question(String name, int type, int qclass) {}

    /** One decoded field: where it starts, its bytes in hex, the section, its name and its meaning. */
    public record Field(int offset, String hex, String section, String field, String value) {}

    /**
     * Reads the header of {@code message}.
     *
     * @throws IllegalArgumentException if the message is shorter than 12 bytes
     */
    public static Header header(byte[] message) {
        Check.notNull("message", message);
        Check.that(message.length >= HEADER_BYTES, "message length", message.length + " bytes",
                "a DNS message has a 12-byte header");
        int flags = u16(message, 2);
        return new Header(u16(message, 0), (flags & 0x8000) != 0, flags >>> 11 & 0xF, (flags & 0x0400) != 0,
                (flags & 0x0200) != 0, (flags & 0x0100) != 0, (flags & 0x0080) != 0, flags & 0xF,
                u16(message, 4), u16(message, 6), u16(message, 8), u16(message, 10));
    }

    /**
     * Reads the first question of a query.
     *
     * @throws IllegalArgumentException if the message is truncated or a name is malformed
     */
    public static Question question(byte[] message) {
        Header h = header(message);
        Check.that(h.qdcount() >= 1, "QDCOUNT", h.qdcount(), "a query carries a question");
        Cursor c = new Cursor(message, HEADER_BYTES);
        String name = c.name();
        return new Question(name, c.u16(), c.u16());
    }

    /**
     * Writes the response to {@code query} from {@code result}: the query's ID, opcode, RD bit and question
     * copied, QR and AA set, and names compressed.
     */
    public static byte[] response(Header query, Question q, Zone.Result result) {
        Check.notNull("query", query);
        Check.notNull("question", q);
        Check.notNull("result", result);
        Header h = new Header(query.id(), true, query.opcode(), true, false, query.rd(), false, result.rcode(),
                1, result.answers().size(), result.authority().size(), 0);
        Writer w = new Writer();
        w.raw(h.bytes());
        w.name(q.name());
        w.u16(q.type());
        w.u16(q.qclass());
        for (Rr r : result.answers()) w.record(r);
        for (Rr r : result.authority()) w.record(r);
        return w.bytes();
    }

    /** An error response (FORMERR, NOTIMP, ...) echoing the header's ID, with no sections. */
    public static byte[] error(Header query, int rcode) {
        return new Header(query.id(), true, query.opcode(), false, false, query.rd(), false, rcode, 0, 0, 0, 0).bytes();
    }

    /**
     * Decodes every field of a DNS message: header (with each flag), question, and each resource record of
     * the answer, authority and additional sections, showing compression pointers where they occur.
     *
     * @throws IllegalArgumentException if the message is truncated or malformed
     */
    public static List<Field> fields(byte[] message) {
        Header h = header(message);
        List<Field> out = new ArrayList<>();
        out.add(new Field(0, hex(message, 0, 2), "header", "ID", Integer.toString(h.id())));
        String section = "header";
        out.add(new Field(2, hex(message, 2, 2), section, "flags", String.format(Locale.ROOT, "%16s",
                Integer.toBinaryString(u16(message, 2))).replace(' ', '0')));
        out.add(new Field(2, "", section, "  QR (bit 15)", h.qr() ? "1 = response" : "0 = query"));
        out.add(new Field(2, "", section, "  OPCODE (bits 14-11)", h.opcode() + (h.opcode() == 0 ? " = standard query" : "")));
        out.add(new Field(2, "", section, "  AA (bit 10)", h.aa() ? "1 = authoritative answer" : "0"));
        out.add(new Field(2, "", section, "  TC (bit 9)", h.tc() ? "1 = truncated" : "0 = not truncated"));
        out.add(new Field(2, "", section, "  RD (bit 8)", h.rd() ? "1 = recursion desired" : "0 = no recursion asked"));
        out.add(new Field(2, "", section, "  RA (bit 7)", h.ra() ? "1 = recursion available" : "0 = no recursion offered"));
        out.add(new Field(2, "", section, "  RCODE (bits 3-0)", h.rcode() + " = " + rcodeName(h.rcode())));
        String[] counts = {"QDCOUNT", "ANCOUNT", "NSCOUNT", "ARCOUNT"};
        for (int i = 0; i < 4; i++) {
            out.add(new Field(4 + 2 * i, hex(message, 4 + 2 * i, 2), section, counts[i], Integer.toString(u16(message, 4 + 2 * i))));
        }
        Cursor c = new Cursor(message, HEADER_BYTES);
        for (int i = 0; i < h.qdcount(); i++) {
            nameField(c, out, "question", "QNAME");
            numberField(c, out, "question", "QTYPE", v -> v + " = " + typeName(v));
            numberField(c, out, "question", "QCLASS", v -> v + (v == IN ? " = IN" : ""));
        }
        String[] sections = {"answer", "authority", "additional"};
        int[] n = {h.ancount(), h.nscount(), h.arcount()};
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < n[s]; i++) record(c, out, sections[s] + " " + (i + 1));
        }
        Check.that(c.pos == message.length, "message", (message.length - c.pos) + " bytes after the last record",
                "must end where its last section ends");
        return out;
    }

    /** {@link #fields} as a table: offset, bytes in hex, section, field, value. */
    public static Table table(String title, byte[] message) {
        Table t = Table.create(title);
        IntColumn offset = IntColumn.create("offset");
        StringColumn bytes = StringColumn.create("bytes (hex)"), section = StringColumn.create("section"),
                field = StringColumn.create("field"), value = StringColumn.create("value");
        for (Field f : fields(message)) {
            offset.append(f.offset());
            bytes.append(f.hex());
            section.append(f.section());
            field.append(f.field());
            value.append(f.value());
        }
        return t.addColumns(offset, bytes, section, field, value);
    }

    /** Bytes as hex pairs, 16 to a line. */
    public static String hex(byte[] message) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < message.length; i++) {
            b.append(String.format(Locale.ROOT, "%02x", message[i] & 0xFF)).append(i % 16 == 15 ? "\n" : " ");
        }
        return b.toString().strip();
    }

    /** The name of an RCODE. */
    public static String rcodeName(int rcode) {
        return switch (rcode) {
            case 0 -> "NOERROR";
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 3 -> "NXDOMAIN";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            default -> "code " + rcode;
        };
    }

    static String typeName(int code) {
        RecordType t = RecordType.ofCode(code);
        if (t != null) return t.name();
        return code == 41 ? "OPT (EDNS, RFC 6891)" : "type " + code;
    }

    private static void record(Cursor c, List<Field> out, String section) {
        nameField(c, out, section, "NAME");
        int type = numberField(c, out, section, "TYPE", v -> v + " = " + typeName(v));
        numberField(c, out, section, "CLASS", v -> type == 41 ? v + " = UDP payload size" : v + (v == IN ? " = IN" : ""));
        int at = c.pos;
        long ttl = c.u32();
        out.add(new Field(at, hex(c.b, at, 4), section, "TTL", ttl + " s"));
        int length = numberField(c, out, section, "RDLENGTH", v -> v + " bytes");
        c.need(length);
        int start = c.pos;
        String value = rdata(c, type, length);
        c.pos = start + length;
        out.add(new Field(start, hex(c.b, start, length), section, "RDATA", value));
    }

    private static String rdata(Cursor c, int type, int length) {
        RecordType t = RecordType.ofCode(type);
        if (t == RecordType.A && length == 4 || t == RecordType.AAAA && length == 16) {
            byte[] a = java.util.Arrays.copyOfRange(c.b, c.pos, c.pos + length);
            try {
                return InetAddress.getByAddress(a).getHostAddress();
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        if (t == RecordType.CNAME || t == RecordType.NS) return c.nameWithPointers();
        if (t == RecordType.MX) return "preference " + c.u16() + ", " + c.nameWithPointers();
        if (t == RecordType.SOA) {
            String mname = c.nameWithPointers(), rname = c.nameWithPointers();
            return mname + " " + rname + " serial " + c.u32() + " refresh " + c.u32() + " retry " + c.u32()
                    + " expire " + c.u32() + " minimum " + c.u32();
        }
        return length == 0 ? "(empty)" : "(not decoded)";
    }

    private static void nameField(Cursor c, List<Field> out, String section, String label) {
        int at = c.pos;
        String shown = c.nameWithPointers();
        out.add(new Field(at, hex(c.b, at, c.pos - at), section, label, shown));
    }

    private static int numberField(Cursor c, List<Field> out, String section, String label,
                                   java.util.function.IntFunction<String> meaning) {
        int at = c.pos;
        int v = c.u16();
        out.add(new Field(at, hex(c.b, at, 2), section, label, meaning.apply(v)));
        return v;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static String hex(byte[] b, int from, int length) {
        return HexFormat.ofDelimiter(" ").formatHex(b, from, Math.min(b.length, from + length));
    }

    /** Reads a message front to back; every read is bounds-checked with a clear message. */
    private static final class Cursor {
        final byte[] b;
        int pos;

        Cursor(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        void need(int n) {
            Check.that(pos + n <= b.length, "message", b.length + " bytes",
                    "is truncated: " + n + " more bytes needed at offset " + pos);
        }

        int u8() {
            need(1);
            return b[pos++] & 0xFF;
        }

        int u16() {
            need(2);
            int v = DnsWire.u16(b, pos);
            pos += 2;
            return v;
        }

        long u32() {
            need(4);
            long v = (long) DnsWire.u16(b, pos) << 16 | DnsWire.u16(b, pos + 2);
            pos += 4;
            return v;
        }

        /** A name, dotted, absolute. */
        String name() {
            return nameAt(true);
        }

        /** A name, with "(pointer to offset n)" where compression was used. */
        String nameWithPointers() {
            return nameAt(false);
        }

        private String nameAt(boolean plain) {
            StringBuilder name = new StringBuilder();
            int at = pos, jumps = 0;
            boolean jumped = false;
            while (true) {
                Check.that(at < b.length, "message", b.length + " bytes", "is truncated inside a name at offset " + at);
                int len = b[at] & 0xFF;
                if ((len & 0xC0) == 0xC0) {
                    Check.that(at + 1 < b.length, "message", b.length + " bytes", "is truncated inside a pointer");
                    int target = (len & 0x3F) << 8 | b[at + 1] & 0xFF;
                    Check.that(target < at && ++jumps < 64, "compression pointer", target, "must point backwards (at " + at + ")");
                    if (!jumped) pos = at + 2;
                    if (!plain && !jumped) name.append("[pointer to offset ").append(target).append("] ");
                    jumped = true;
                    at = target;
                    continue;
                }
                Check.that((len & 0xC0) == 0, "label length byte", len, "must be below 64 (or 0xC0 for a pointer)");
                if (len == 0) {
                    if (!jumped) pos = at + 1;
                    break;
                }
                Check.that(at + 1 + len <= b.length, "message", b.length + " bytes", "is truncated inside a label at offset " + at);
                name.append(new String(b, at + 1, len, java.nio.charset.StandardCharsets.US_ASCII)).append('.');
                at += 1 + len;
            }
            String s = name.length() == 0 ? "." : name.toString();
            Check.that(s.length() <= 255, "name", s, "must be at most 255 bytes");
            return s;
        }
    }

    /** Writes a message, compressing names against the suffixes written so far. */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Map<String, Integer> suffixes = new HashMap<>();

        void raw(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void u16(int v) {
            out.write(v >>> 8);
            out.write(v);
        }

        void u32(long v) {
            u16((int) (v >>> 16));
            u16((int) v);
        }

        void name(String name) {
            String rest = Zone.absolute(name);
            while (!rest.isEmpty() && !rest.equals(".")) {
                Integer earlier = suffixes.get(rest.toLowerCase(Locale.ROOT));
                if (earlier != null) {
                    u16(0xC000 | earlier);
                    return;
                }
                if (out.size() < 0x4000) suffixes.put(rest.toLowerCase(Locale.ROOT), out.size());
                int dot = rest.indexOf('.');
                byte[] label = rest.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                Check.that(label.length >= 1 && label.length <= 63, "label", rest.substring(0, dot), "must be 1 to 63 bytes");
                out.write(label.length);
                out.writeBytes(label);
                rest = rest.substring(dot + 1);
            }
            out.write(0);
        }

        void record(Rr r) {
            name(r.name());
            u16(r.type().code());
            u16(IN);
            u32(r.ttl());
            int lengthAt = out.size();
            u16(0);
            int start = out.size();
            rdata(r);
            byte[] sofar = out.toByteArray();
            int length = sofar.length - start;
            sofar[lengthAt] = (byte) (length >>> 8);
            sofar[lengthAt + 1] = (byte) length;
            out.reset();
            out.writeBytes(sofar);
        }

        private void rdata(Rr r) {
            String[] f = r.data().split(" ");
            switch (r.type()) {
                case A, AAAA -> raw(address(r));
                case CNAME, NS -> name(f[0]);
                case MX -> {
                    u16(Integer.parseInt(f[0]));
                    name(f[1]);
                }
                case SOA -> {
                    name(f[0]);
                    name(f[1]);
                    for (int i = 2; i < 7; i++) u32(Long.parseLong(f[i]));
                }
                default -> throw new IllegalStateException("unknown type " + r.type());
            }
        }

        private static byte[] address(Rr r) {
            Check.that(r.data().matches("[0-9A-Fa-f:.]+"), "data of " + r.type(), r.data(), "must be a literal address");
            try {
                byte[] a = InetAddress.getByName(r.data()).getAddress();
                Check.that(a.length == (r.type() == RecordType.A ? 4 : 16), "data of " + r.type(), r.data(),
                        r.type() == RecordType.A ? "must be an IPv4 address" : "must be an IPv6 address");
                return a;
            } catch (UnknownHostException e) {
                throw Check.fail("data of " + r.type() + " is \"" + r.data() + "\"; must be a literal address");
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
