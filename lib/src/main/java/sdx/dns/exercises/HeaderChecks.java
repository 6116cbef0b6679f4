package sdx.dns.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.dns.Header;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/** Hidden checks for the header decoder: real headers (a query, answers, an error), then malformed input. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HeaderChecks {
    static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }

    /** A query: ID 0x1a2b, RD set, one question, and the question's first bytes after the header. */
    static final byte[] QUERY = bytes("1a 2b 01 00 00 01 00 00 00 00 00 00 03 77 77 77");
    /** A response: ID 0xbeef, QR AA RD RA, one question, two answers, one authority, three additional. */
    static final byte[] RESPONSE = bytes("be ef 85 80 00 01 00 02 00 01 00 03");
    /** NXDOMAIN: ID 0xfffe, QR AA TC, opcode 2 (STATUS), RCODE 3, counts 0x0100 and 0xff00 (big ones). */
    static final byte[] ODD = bytes("ff fe 96 03 01 00 00 00 ff 00 00 00");

    private Header decode(byte[] message) {
        return Grader.submission(HeaderDecoder.class).decode(message.clone());
    }

    @Test
    @Order(1)
    @DisplayName("ID: the first two bytes, big-endian and unsigned (1a 2b = 6699, be ef = 48879)")
    @Hint("id = (b[0] & 0xFF) << 8 | (b[1] & 0xFF): a Java byte is signed, so mask it, and the high byte comes first")
    @Basic
    void id() {
        assertEquals(0x1a2b, decode(QUERY).id(), "ID of a query starting 1a 2b");
        assertEquals(0xbeef, decode(RESPONSE).id(), "ID of a response starting be ef");
    }

    @Test
    @Order(2)
    @DisplayName("flags: QR, OPCODE, AA, TC, RD, RA and RCODE from bytes 2 and 3")
    @Hint("flags = bytes 2-3 as one 16-bit number; QR is bit 15, OPCODE bits 14-11 (flags >>> 11 & 0xF), AA 10, TC 9, RD 8, RA 7, RCODE bits 3-0")
    void flags() {
        Header q = decode(QUERY);
        assertEquals(false, q.qr(), "QR of flags 01 00");
        assertEquals(true, q.rd(), "RD of flags 01 00");
        assertEquals(false, q.aa(), "AA of flags 01 00");
        Header r = decode(RESPONSE);
        assertEquals(true, r.qr(), "QR of flags 85 80");
        assertEquals(true, r.aa(), "AA of flags 85 80");
        assertEquals(false, r.tc(), "TC of flags 85 80");
        assertEquals(true, r.rd(), "RD of flags 85 80");
        assertEquals(true, r.ra(), "RA of flags 85 80");
        assertEquals(0, r.opcode(), "OPCODE of flags 85 80");
        assertEquals(0, r.rcode(), "RCODE of flags 85 80");
        Header o = decode(ODD);
        assertEquals(2, o.opcode(), "OPCODE of flags 96 03");
        assertEquals(true, o.tc(), "TC of flags 96 03");
        assertEquals(false, o.rd(), "RD of flags 96 03");
        assertEquals(false, o.ra(), "RA of flags 96 03");
        assertEquals(3, o.rcode(), "RCODE of flags 96 03");
    }

    @Test
    @Order(3)
    @DisplayName("counts: QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT, 16-bit unsigned each")
    @Hint("bytes 4-5, 6-7, 8-9 and 10-11, each read like the ID (high byte first, masked with 0xFF)")
    void counts() {
        Header r = decode(RESPONSE);
        assertEquals(1, r.qdcount(), "QDCOUNT of 00 01");
        assertEquals(2, r.ancount(), "ANCOUNT of 00 02");
        assertEquals(1, r.nscount(), "NSCOUNT of 00 01");
        assertEquals(3, r.arcount(), "ARCOUNT of 00 03");
        Header o = decode(ODD);
        assertEquals(0x0100, o.qdcount(), "QDCOUNT of 01 00");
        assertEquals(0xff00, o.nscount(), "NSCOUNT of ff 00");
    }

    @Test
    @Order(4)
    @DisplayName("a message shorter than 12 bytes is refused with an IllegalArgumentException that says why")
    @Hint("check message.length >= 12 first and throw new IllegalArgumentException(\"...\") naming the length")
    void rejectsShort() {
        for (int n : new int[] {0, 5, 11}) {
            byte[] shortOne = java.util.Arrays.copyOf(RESPONSE, n);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decode(shortOne),
                    "decoding a " + n + "-byte message");
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "the exception for a " + n + "-byte message has a message");
        }
    }
}
