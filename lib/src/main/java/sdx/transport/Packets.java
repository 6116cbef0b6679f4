package sdx.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Real packet bytes, built and decoded field by field: an IPv4 header (RFC 791, 1981) carrying a TCP
 * segment (RFC 9293, 2022), with the Internet checksum (RFC 1071, 1988) computed and verified, and IPv4
 * fragmentation. Java cannot capture raw packets without administrator rights, so the bytes are built
 * here exactly as a kernel would put them on the wire, then decoded as a packet analyser would.
 */
public final class Packets {
    private Packets() {}

    /** IPv4's largest packet: the 16-bit total-length field counts header and payload, in bytes. */
    public static final int IPV4_MAX = 65_535;
    /** A 20-byte IPv4 header without options. */
    public static final int IPV4_HEADER = 20;
    /** A 20-byte TCP header without options. */
    public static final int TCP_HEADER = 20;
    /** Ethernet's usual MTU: the largest IP packet one frame carries. */
    public static final int ETHERNET_MTU = 1_500;

    /** TCP flag bits (RFC 9293 section 3.1). */
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

    /** One decoded field: where it sits (bit offset, width), its value, and what it means. */
    public record Field(String layer, String name, int bitOffset, int bits, long value, String meaning) {}

    /** A decoded packet: every field, plus whether each checksum verified. */
    public record Decoded(List<Field> fields, boolean ipChecksumOk, boolean tcpChecksumOk, byte[] payload) {
        public Decoded {
            fields = List.copyOf(fields);
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        /** The value of field {@code name} (as named in the table). */
        public long value(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> Check.fail("name is " + name + "; allowed: one of the decoded field names")).value();
        }

        /** The fields as a table: layer, name, bit offset, width, value, meaning. */
        public Table table() {
            Table t = Table.create("Decoded IPv4 + TCP (checksums: IP " + (ipChecksumOk ? "ok" : "BAD")
                    + ", TCP " + (tcpChecksumOk ? "ok" : "BAD") + ")");
            t.addColumns(StringColumn.create("layer"), StringColumn.create("field"), IntColumn.create("bit offset"),
                    IntColumn.create("bits"), StringColumn.create("value"), StringColumn.create("meaning"));
            for (Field f : fields) {
                t.stringColumn("layer").append(f.layer());
                t.stringColumn("field").append(f.name());
                t.intColumn("bit offset").append(f.bitOffset());
                t.intColumn("bits").append(f.bits());
                t.stringColumn("value").append(Long.toString(f.value()));
                t.stringColumn("meaning").append(f.meaning());
            }
            return t;
        }
    }

    /**
     * Builds IPv4 + TCP bytes from {@code src}:{@code srcPort} to {@code dst}:{@code dstPort} (dotted
     * IPv4 addresses) with the given sequence and acknowledgement numbers, flags and payload; both
     * checksums are filled in.
     */
    public static byte[] tcpPacket(String src, int srcPort, String dst, int dstPort, long seq, long ack, int flags,
                                   byte[] payload) {
        byte[] s = address("src", src), d = address("dst", dst);
        Check.inRange("srcPort", srcPort, 0, 65_535);
        Check.inRange("dstPort", dstPort, 0, 65_535);
        Check.that(seq >= 0 && seq <= 0xFFFF_FFFFL, "seq", seq, "must be a 32-bit unsigned number (0 to 4294967295)");
        Check.that(ack >= 0 && ack <= 0xFFFF_FFFFL, "ack", ack, "must be a 32-bit unsigned number (0 to 4294967295)");
        Check.inRange("flags", flags, 0, 0x1FF);
        Check.notNull("payload", payload);
        int total = IPV4_HEADER + TCP_HEADER + payload.length;
        Check.that(total <= IPV4_MAX, "payload.length", payload.length,
                "must be at most " + (IPV4_MAX - IPV4_HEADER - TCP_HEADER) + " (the 16-bit total length is at most 65535)");
        ByteBuffer b = ByteBuffer.allocate(total);
        b.put((byte) 0x45).put((byte) 0).putShort((short) total).putShort((short) 0x1c46).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(s).put(d);
        b.putShort(10, (short) checksum(b.array(), 0, IPV4_HEADER));
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                .putShort((short) ((5 << 12) | flags)).putShort((short) 65_535).putShort((short) 0).putShort((short) 0)
                .put(payload);
        b.putShort(IPV4_HEADER + 16, (short) tcpChecksum(b.array(), s, d));
        return b.array();
    }

    /** Decodes bytes built by {@link #tcpPacket} (or any IPv4 packet carrying TCP), verifying both checksums. */
    public static Decoded decode(byte[] packet) {
        Check.notNull("packet", packet);
        Check.that(packet.length >= IPV4_HEADER, "packet.length", packet.length, "must be at least 20 (an IPv4 header)");
        ByteBuffer b = ByteBuffer.wrap(packet);
        int version = (packet[0] & 0xFF) >> 4, ihl = packet[0] & 0x0F;
        Check.that(version == 4, "version", version, "must be 4 (IPv4)");
        int hl = ihl * 4, total = b.getShort(2) & 0xFFFF, proto = packet[9] & 0xFF;
        Check.that(total == packet.length, "total length", total, "must equal the number of bytes, " + packet.length);
        List<Field> f = new ArrayList<>();
        f.add(new Field("IPv4", "version", 0, 4, version, "4 = IPv4"));
        f.add(new Field("IPv4", "IHL", 4, 4, ihl, "header length in 32-bit words: " + hl + " bytes"));
        f.add(new Field("IPv4", "DSCP/ECN", 8, 8, packet[1] & 0xFF, "priority and congestion marks"));
        f.add(new Field("IPv4", "total length", 16, 16, total, "header + data in bytes (at most 65535)"));
        f.add(new Field("IPv4", "identification", 32, 16, b.getShort(4) & 0xFFFF, "shared by all fragments of one datagram"));
        int flagsFrag = b.getShort(6) & 0xFFFF;
        f.add(new Field("IPv4", "flags", 48, 3, flagsFrag >> 13, ((flagsFrag & 0x4000) != 0 ? "DF (don't fragment)" : "")
                + ((flagsFrag & 0x2000) != 0 ? " MF (more fragments)" : "")));
        f.add(new Field("IPv4", "fragment offset", 51, 13, flagsFrag & 0x1FFF, "in units of 8 bytes"));
        f.add(new Field("IPv4", "TTL", 64, 8, packet[8] & 0xFF, "hops left before a router drops it"));
        f.add(new Field("IPv4", "protocol", 72, 8, proto, proto == 6 ? "6 = TCP" : proto == 17 ? "17 = UDP" : "other"));
        f.add(new Field("IPv4", "header checksum", 80, 16, b.getShort(10) & 0xFFFF, "ones' complement sum of the header"));
        f.add(new Field("IPv4", "source", 96, 32, b.getInt(12) & 0xFFFF_FFFFL, dotted(packet, 12)));
        f.add(new Field("IPv4", "destination", 128, 32, b.getInt(16) & 0xFFFF_FFFFL, dotted(packet, 16)));
        boolean ipOk = checksum(packet, 0, hl) == 0;
        boolean tcpOk = false;
        byte[] payload = new byte[0];
        if (proto == 6) {
            Check.that(packet.length >= hl + TCP_HEADER, "packet.length", packet.length, "must hold a 20-byte TCP header");
            int o = hl;
            int offFlags = b.getShort(o + 12) & 0xFFFF, dataOffset = offFlags >> 12, flags = offFlags & 0x1FF;
            f.add(new Field("TCP", "source port", 0, 16, b.getShort(o) & 0xFFFF, "the sender's port"));
            f.add(new Field("TCP", "destination port", 16, 16, b.getShort(o + 2) & 0xFFFF, "the receiver's port"));
            f.add(new Field("TCP", "sequence number", 32, 32, b.getInt(o + 4) & 0xFFFF_FFFFL, "number of the first byte (or the ISN on a SYN)"));
            f.add(new Field("TCP", "acknowledgment number", 64, 32, b.getInt(o + 8) & 0xFFFF_FFFFL, "next byte expected (valid if ACK)"));
            f.add(new Field("TCP", "data offset", 96, 4, dataOffset, "header length in 32-bit words: " + dataOffset * 4 + " bytes"));
            f.add(new Field("TCP", "flags", 103, 9, flags, flagNames(flags)));
            f.add(new Field("TCP", "window", 112, 16, b.getShort(o + 14) & 0xFFFF, "bytes the sender can still receive"));
            f.add(new Field("TCP", "checksum", 128, 16, b.getShort(o + 16) & 0xFFFF, "over a pseudo-header + segment"));
            f.add(new Field("TCP", "urgent pointer", 144, 16, b.getShort(o + 18) & 0xFFFF, "unused unless URG"));
            byte[] s = java.util.Arrays.copyOfRange(packet, 12, 16), d = java.util.Arrays.copyOfRange(packet, 16, 20);
            byte[] seg = java.util.Arrays.copyOfRange(packet, hl, packet.length);
            tcpOk = pseudoSum(seg, s, d) == 0;
            payload = java.util.Arrays.copyOfRange(packet, hl + dataOffset * 4, packet.length);
        }
        return new Decoded(f, ipOk, tcpOk, payload);
    }

    /** The packet as hexadecimal, 16 bytes a line (the way Wireshark shows it). */
    public static String hex(byte[] packet) {
        Check.notNull("packet", packet);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < packet.length; i++) {
            if (i % 16 == 0) sb.append(i == 0 ? "" : "\n").append(String.format(Locale.ROOT, "%04x  ", i));
            sb.append(String.format(Locale.ROOT, "%02x ", packet[i] & 0xFF));
        }
        return sb.toString();
    }

    /**
     * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words.
     * Computed over bytes that include a correct checksum it gives 0, which is how a receiver verifies.
     */
    public static int checksum(byte[] bytes, int from, int length) {
        Check.notNull("bytes", bytes);
        Check.that(from >= 0 && length >= 0 && from + length <= bytes.length, "from/length", from + "/" + length,
                "must lie inside the " + bytes.length + " bytes");
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int hi = bytes[from + i] & 0xFF, lo = i + 1 < length ? bytes[from + i + 1] & 0xFF : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (int) (~sum & 0xFFFF);
    }

    /** One fragment of a datagram: its offset (in 8-byte units), payload bytes, and more-fragments flag. */
    public record Fragment(int index, int offsetUnits, int offsetBytes, int payloadBytes, int totalLength, boolean moreFragments) {}

    /**
     * How an IPv4 router splits a datagram carrying {@code payloadBytes} of data (a 20-byte header each)
     * onto a link with the given {@code mtu}: every fragment but the last carries a multiple of 8 bytes.
     */
    public static List<Fragment> fragment(int payloadBytes, int mtu) {
        Check.inRange("payloadBytes", payloadBytes, 1, IPV4_MAX - IPV4_HEADER);
        Check.inRange("mtu", mtu, 68, IPV4_MAX);
        int per = (mtu - IPV4_HEADER) / 8 * 8;
        List<Fragment> out = new ArrayList<>();
        for (int off = 0, i = 0; off < payloadBytes; off += per, i++) {
            int n = Math.min(per, payloadBytes - off);
            out.add(new Fragment(i, off / 8, off, n, n + IPV4_HEADER, off + n < payloadBytes));
        }
        return out;
    }

    /** {@link #fragment} as a table. */
    public static Table fragmentTable(int payloadBytes, int mtu) {
        List<Fragment> fs = fragment(payloadBytes, mtu);
        Table t = Table.create(String.format(Locale.ROOT, "A datagram with %d bytes of data on a link of MTU %d: %d fragments",
                payloadBytes, mtu, fs.size()));
        t.addColumns(IntColumn.create("fragment"), IntColumn.create("offset field (x 8 bytes)"),
                IntColumn.create("first data byte"), IntColumn.create("data bytes"), IntColumn.create("total length"),
                StringColumn.create("MF flag"));
        for (Fragment x : fs) {
            t.intColumn(0).append(x.index());
            t.intColumn(1).append(x.offsetUnits());
            t.intColumn(2).append(x.offsetBytes());
            t.intColumn(3).append(x.payloadBytes());
            t.intColumn(4).append(x.totalLength());
            t.stringColumn(5).append(x.moreFragments() ? "1 (more follow)" : "0 (last)");
        }
        return t;
    }

    private static int tcpChecksum(byte[] packet, byte[] s, byte[] d) {
        return pseudoSum(java.util.Arrays.copyOfRange(packet, IPV4_HEADER, packet.length), s, d);
    }

    /** RFC 9293 3.1: the checksum covers a pseudo-header (addresses, protocol, TCP length) and the segment. */
    private static int pseudoSum(byte[] segment, byte[] s, byte[] d) {
        ByteBuffer p = ByteBuffer.allocate(12 + segment.length);
        p.put(s).put(d).put((byte) 0).put((byte) 6).putShort((short) segment.length).put(segment);
        return checksum(p.array(), 0, p.capacity());
    }

    private static byte[] address(String name, String dotted) {
        Check.notNull(name, dotted);
        String[] parts = dotted.split("\\.");
        Check.that(parts.length == 4, name, dotted, "must be a dotted IPv4 address such as 127.0.0.1");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v;
            try {
                v = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw Check.fail(name + " is " + dotted + "; allowed: four numbers 0 to 255 separated by dots");
            }
            Check.that(v >= 0 && v <= 255, name, dotted, "must have four numbers 0 to 255");
            out[i] = (byte) v;
        }
        return out;
    }

    private static String dotted(byte[] p, int at) {
        return (p[at] & 0xFF) + "." + (p[at + 1] & 0xFF) + "." + (p[at + 2] & 0xFF) + "." + (p[at + 3] & 0xFF);
    }

    static String flagNames(int flags) {
        List<String> n = new ArrayList<>();
        if ((flags & SYN) != 0) n.add("SYN");
        if ((flags & ACK) != 0) n.add("ACK");
        if ((flags & FIN) != 0) n.add("FIN");
        if ((flags & RST) != 0) n.add("RST");
        if ((flags & PSH) != 0) n.add("PSH");
        return n.isEmpty() ? "none" : String.join("+", n);
    }
}
