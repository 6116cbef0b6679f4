package sdx.dns;

/**
 * The 12-byte header of a DNS message (RFC 1035 §4.1.1): a 16-bit ID, the flags (QR, OPCODE, AA, TC, RD,
 * RA, Z, RCODE) and four 16-bit counts of the entries in the question, answer, authority and additional
 * sections. Numbers are unsigned; multi-byte fields are big-endian ("network order").
 */
public record Header(int id, boolean qr, int opcode, boolean aa, boolean tc, boolean rd, boolean ra, int rcode,
                     int qdcount, int ancount, int nscount, int arcount) {

    /** Validates that every field fits its width on the wire. */
    public Header {
        sdx.core.Check.inRange("id", id, 0, 0xFFFF);
        sdx.core.Check.inRange("opcode", opcode, 0, 15);
        sdx.core.Check.inRange("rcode", rcode, 0, 15);
        sdx.core.Check.inRange("qdcount", qdcount, 0, 0xFFFF);
        sdx.core.Check.inRange("ancount", ancount, 0, 0xFFFF);
        sdx.core.Check.inRange("nscount", nscount, 0, 0xFFFF);
        sdx.core.Check.inRange("arcount", arcount, 0, 0xFFFF);
    }

    /** The header as 12 bytes on the wire (Z left 0). */
    public byte[] bytes() {
        int flags = (qr ? 0x8000 : 0) | (opcode & 0xF) << 11 | (aa ? 0x0400 : 0) | (tc ? 0x0200 : 0)
                | (rd ? 0x0100 : 0) | (ra ? 0x0080 : 0) | (rcode & 0xF);
        int[] words = {id, flags, qdcount, ancount, nscount, arcount};
        byte[] b = new byte[12];
        for (int i = 0; i < 6; i++) {
            b[2 * i] = (byte) (words[i] >>> 8);
            b[2 * i + 1] = (byte) words[i];
        }
        return b;
    }
}
