package sdx.dns;

import java.util.Locale;
import sdx.core.Check;

/**
 * One resource record, in presentation form: owner name (absolute, ending in a dot), type, TTL in seconds
 * and data ("192.0.2.10", "2001:db8::10", "www.course.test.", "10 mail.course.test.", or an SOA's seven
 * fields separated by spaces).
 */
public record Rr(String name, RecordType type, long ttl, String data) {
    /** Validates the fields; names are kept as given (DNS compares them without regard to case). */
    public Rr {
        Check.notNull("name", name);
        Check.that(name.endsWith("."), "name", name, "must be absolute (end with a dot)");
        Check.notNull("type", type);
        Check.that(ttl >= 0 && ttl <= 0x7FFF_FFFFL, "ttl", ttl, "must be in [0, 2^31 - 1] seconds (RFC 2181)");
        Check.notNull("data", data);
    }

    /** A record, e.g. {@code Rr.of("www.course.test.", "A", 300, "192.0.2.10")}. */
    public static Rr of(String name, String type, long ttl, String data) {
        return new Rr(name, RecordType.named(type), ttl, data);
    }

    /** The owner name in lower case, for comparisons. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name + " " + ttl + " IN " + type + " " + data;
    }
}
