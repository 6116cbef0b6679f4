package sdx.dns.exercises;

import java.util.List;
import sdx.core.Check;
import sdx.dns.Rr;

/**
 * What an upstream server answered: either records (possibly a CNAME chain: the alias, then the records
 * of its target, each with its own TTL), or NXDOMAIN (the name does not exist) with the negative-caching
 * TTL of RFC 2308.
 */
public record Answer(List<Rr> records, boolean nxdomain, long negativeTtl) {
    /** Copies the list and validates. */
    public Answer {
        records = List.copyOf(Check.notNull("records", records));
        Check.that(!nxdomain || records.isEmpty(), "records", records, "must be empty for NXDOMAIN");
        Check.that(negativeTtl >= 0, "negativeTtl", negativeTtl, "must be >= 0 seconds");
    }

    /** A positive answer. */
    public static Answer of(Rr... records) {
        return new Answer(List.of(records), false, 0);
    }

    /** NXDOMAIN, cacheable for {@code negativeTtl} seconds. */
    public static Answer nxdomain(long negativeTtl) {
        return new Answer(List.of(), true, negativeTtl);
    }
}
