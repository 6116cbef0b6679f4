package sdx.dns.exercises;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import sdx.dns.Rr;

/** The reference resolver cache: keyed by (lower-case name, type); TTL = min over a chain; TTL 0 not stored. */
final class TtlCache implements ResolverCache {
    private record Key(String name, sdx.dns.RecordType type) {}

    private record Entry(Answer answer, long expires) {}

    private final Map<Key, Entry> entries = new HashMap<>();

    @Override
    public void put(Question q, Answer a, long now) {
        long ttl = a.nxdomain() ? a.negativeTtl() : a.records().stream().mapToLong(Rr::ttl).min().orElse(0);
        if (ttl > 0) entries.put(key(q), new Entry(a, now + ttl));
    }

    @Override
    public Answer get(Question q, long now) {
        Entry e = entries.get(key(q));
        return e != null && now < e.expires() ? e.answer() : null;
    }

    private static Key key(Question q) {
        return new Key(q.name().toLowerCase(Locale.ROOT), q.type());
    }
}
