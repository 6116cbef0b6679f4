package sdx.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;

/**
 * An authoritative zone: the records for one domain (here the made-up {@code course.test.}; the
 * {@code .test} TLD is reserved for testing by RFC 6761, and the addresses come from the documentation
 * ranges of RFC 5737 and RFC 3849, so none of this can leak onto the Internet).
 */
public final class Zone {
    /** Response codes (RCODE) this server uses. */
    public static final int NOERROR = 0, FORMERR = 1, SERVFAIL = 2, NXDOMAIN = 3, NOTIMP = 4, REFUSED = 5;

    /** What the zone says about one question: RCODE, answer records and authority records. */
    public record Result(int rcode, List<Rr> answers, List<Rr> authority) {
        /** Copies the lists. */
        public Result {
            answers = List.copyOf(answers);
            authority = List.copyOf(authority);
        }
    }

    private final String origin;
    private final List<Rr> records;

    /** A zone for {@code origin} (absolute) holding {@code records}; exactly one SOA at the origin is required. */
    public Zone(String origin, List<Rr> records) {
        Check.notNull("origin", origin);
        Check.that(origin.endsWith("."), "origin", origin, "must be absolute (end with a dot)");
        this.origin = origin.toLowerCase(Locale.ROOT);
        this.records = List.copyOf(Check.notNull("records", records));
        for (Rr r : this.records) {
            Check.that(inZone(r.key()), "record", r, "must be at or below " + origin);
        }
        long soas = this.records.stream().filter(r -> r.type() == RecordType.SOA && r.key().equals(this.origin)).count();
        Check.that(soas == 1, "records", soas + " SOA records at " + origin, "need exactly one");
    }

    /** The course's example zone {@code course.test.}. */
    public static Zone courseTest() {
        return new Zone("course.test.", List.of(
                Rr.of("course.test.", "SOA", 3600, "ns1.course.test. hostmaster.course.test. 2026112601 7200 3600 1209600 300"),
                Rr.of("course.test.", "NS", 86400, "ns1.course.test."),
                Rr.of("course.test.", "MX", 3600, "10 mail.course.test."),
                Rr.of("ns1.course.test.", "A", 86400, "192.0.2.53"),
                Rr.of("www.course.test.", "A", 300, "192.0.2.10"),
                Rr.of("www.course.test.", "AAAA", 300, "2001:db8::10"),
                Rr.of("mail.course.test.", "A", 3600, "192.0.2.25"),
                Rr.of("web.course.test.", "CNAME", 3600, "www.course.test.")));
    }

    /** The zone's origin, lower case, ending in a dot. */
    public String origin() {
        return origin;
    }

    /** Every record of the zone. */
    public List<Rr> records() {
        return records;
    }

    /** The SOA record. */
    public Rr soa() {
        return records.stream().filter(r -> r.type() == RecordType.SOA).findFirst().orElseThrow();
    }

    /** The negative-caching TTL of RFC 2308 §5: the smaller of the SOA's own TTL and its MINIMUM field. */
    public long negativeTtl() {
        Rr soa = soa();
        String[] f = soa.data().split(" ");
        return Math.min(soa.ttl(), Long.parseLong(f[6]));
    }

    /**
     * Answers a question as an authoritative server does (RFC 1034 §4.3.2, simplified: no delegations
     * below the origin, no wildcards): the records; or a CNAME and what its target has; NODATA (no error,
     * no answer, the SOA in authority); NXDOMAIN with the SOA; REFUSED for a name outside the zone.
     */
    public Result answer(String name, RecordType type) {
        Check.notNull("name", name);
        Check.notNull("type", type);
        String key = absolute(name).toLowerCase(Locale.ROOT);
        if (!inZone(key)) return new Result(REFUSED, List.of(), List.of());
        List<Rr> answers = new ArrayList<>();
        String current = key;
        for (int hops = 0; hops < 8; hops++) {
            List<Rr> here = at(current);
            if (here.isEmpty()) {
                return answers.isEmpty() ? new Result(NXDOMAIN, List.of(), List.of(negativeSoa())) : new Result(NOERROR, answers, List.of());
            }
            List<Rr> matching = here.stream().filter(r -> r.type() == type).toList();
            if (!matching.isEmpty()) {
                answers.addAll(matching);
                return new Result(NOERROR, answers, List.of());
            }
            Rr cname = here.stream().filter(r -> r.type() == RecordType.CNAME).findFirst().orElse(null);
            if (cname == null) {
                return new Result(NOERROR, answers, answers.isEmpty() ? List.of(negativeSoa()) : List.of());
            }
            answers.add(cname);
            current = cname.data().toLowerCase(Locale.ROOT);
            if (!inZone(current)) return new Result(NOERROR, answers, List.of());
        }
        return new Result(SERVFAIL, List.of(), List.of());
    }

    private Rr negativeSoa() {
        Rr soa = soa();
        return new Rr(soa.name(), RecordType.SOA, negativeTtl(), soa.data());
    }

    private List<Rr> at(String key) {
        return records.stream().filter(r -> r.key().equals(key)).toList();
    }

    private boolean inZone(String key) {
        return key.equals(origin) || key.endsWith("." + origin);
    }

    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
