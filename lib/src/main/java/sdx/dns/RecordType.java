package sdx.dns;

import java.util.Locale;
import sdx.core.Check;

/** The record types this course serves, with their RFC 1035 / RFC 3596 type codes. */
public enum RecordType {
    /** An IPv4 address (RFC 1035). */
    A(1),
    /** A name server for a zone (RFC 1035). */
    NS(2),
    /** An alias: the canonical name to look up instead (RFC 1035). */
    CNAME(5),
    /** Start of authority: the zone's serial and timers, also the negative-caching TTL (RFC 2308). */
    SOA(6),
    /** A mail exchanger with its preference (RFC 1035). */
    MX(15),
    /** An IPv6 address (RFC 3596). */
    AAAA(28);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The 16-bit TYPE code on the wire. */
    public int code() {
        return code;
    }

    /** The type with wire code {@code code}, or null if this course does not know it. */
    public static RecordType ofCode(int code) {
        for (RecordType t : values()) if (t.code == code) return t;
        return null;
    }

    /** The type named {@code name} ("A", "aaaa", ...). */
    public static RecordType named(String name) {
        Check.notNull("record type", name);
        for (RecordType t : values()) if (t.name().equals(name.toUpperCase(Locale.ROOT))) return t;
        throw Check.fail("record type is \"" + name + "\"; allowed: A, AAAA, CNAME, NS, MX, SOA");
    }
}
