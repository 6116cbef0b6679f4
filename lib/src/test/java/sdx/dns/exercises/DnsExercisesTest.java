package sdx.dns.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.dns.DnsWire;
import sdx.dns.Header;
import sdx.dns.Rr;
import sdx.dns.TtlStudy;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Report;

/** The graders against the reference, the notebook's stubs and solutions, and one wrong answer per check. */
class DnsExercisesTest {

    /** A cache parameterised by the mistakes the mutants make. */
    static final class Configurable implements ResolverCache {
        boolean inclusiveExpiry, zeroIsForever, firstTtl, nameOnly, caseSensitive, noNegative, neverStore, earlyByOne;
        private final Map<String, Answer> answers = new HashMap<>();
        private final Map<String, Long> expiry = new HashMap<>();

        @Override
        public void put(Question q, Answer a, long now) {
            if (neverStore) return;
            long ttl;
            if (a.nxdomain()) {
                if (noNegative) return;
                ttl = a.negativeTtl();
            } else {
                ttl = firstTtl ? a.records().get(0).ttl() : a.records().stream().mapToLong(Rr::ttl).min().orElse(0);
            }
            long until = ttl == 0 && zeroIsForever ? Long.MAX_VALUE : now + ttl - (earlyByOne ? 1 : 0);
            answers.put(key(q), a);
            expiry.put(key(q), until);
        }

        @Override
        public Answer get(Question q, long now) {
            Long until = expiry.get(key(q));
            if (until == null) return null;
            return (inclusiveExpiry ? now <= until : now < until) ? answers.get(key(q)) : null;
        }

        private String key(Question q) {
            String name = caseSensitive ? q.name() : q.name().toLowerCase(Locale.ROOT);
            return nameOnly ? name : name + " " + q.type();
        }
    }

    static ResolverCache.Factory with(java.util.function.Consumer<Configurable> mistake) {
        return () -> {
            Configurable c = new Configurable();
            mistake.accept(c);
            return c;
        };
    }

    /** The notebook's solution to exercise 1, as a learner would write it (kept in step with the notebook). */
    static final class SolutionCache implements ResolverCache {
        record Key(String name, sdx.dns.RecordType type) {}

        record Entry(Answer answer, long expires) {}

        private final Map<Key, Entry> entries = new HashMap<>();

        public void put(Question q, Answer a, long now) {
            long ttl = a.nxdomain() ? a.negativeTtl() : a.records().stream().mapToLong(Rr::ttl).min().orElse(0);
            if (ttl > 0) entries.put(new Key(q.name().toLowerCase(Locale.ROOT), q.type()), new Entry(a, now + ttl));
        }

        public Answer get(Question q, long now) {
            Entry e = entries.get(new Key(q.name().toLowerCase(Locale.ROOT), q.type()));
            return e != null && now < e.expires() ? e.answer() : null;
        }
    }

    @Nested
    class CacheGrader extends GraderContract<ResolverCache.Factory> {
        @Override
        protected Report grade(ResolverCache.Factory answer) {
            return DnsExercises.cache(answer);
        }

        @Override
        protected ResolverCache.Factory reference() {
            return TtlCache::new;
        }

        @Override
        protected List<ResolverCache.Factory> alsoCorrect() {
            return List.of(SolutionCache::new, with(c -> {}));
        }

        @Override
        protected ResolverCache.Factory stub() {
            return () -> new ResolverCache() {
                public void put(Question q, Answer a, long now) {
                    Exercise.todo();
                }

                public Answer get(Question q, long now) {
                    return Exercise.todo();
                }
            };
        }

        @Override
        protected List<Mutant<ResolverCache.Factory>> mutants() {
            return List.of(
                    mutant("stores nothing", "hit", with(c -> c.neverStore = true)),
                    mutant("still serves at stored + TTL", "expiresAtTtl", with(c -> c.inclusiveExpiry = true)),
                    mutant("expires one second early", "expiresAtTtl", with(c -> c.earlyByOne = true)),
                    mutant("treats TTL 0 as forever", "ttlZeroNeverCached", with(c -> c.zeroIsForever = true)),
                    mutant("uses the first record's TTL of a CNAME chain", "cnameChainMinTtl", with(c -> c.firstTtl = true)),
                    mutant("keys by name only", "perType", with(c -> c.nameOnly = true)),
                    mutant("compares names with case", "caseInsensitive", with(c -> c.caseSensitive = true)),
                    mutant("does not cache NXDOMAIN", "negativeCaching", with(c -> c.noNegative = true)));
        }
    }

    /** The notebook's solution to exercise 2 (kept in step with the notebook). */
    static Header solutionDecode(byte[] b) {
        if (b.length < 12) throw new IllegalArgumentException("a DNS header needs 12 bytes, got " + b.length);
        int[] w = new int[6];
        for (int i = 0; i < 6; i++) w[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        int f = w[1];
        return new Header(w[0], (f & 0x8000) != 0, f >>> 11 & 0xF, (f & 0x0400) != 0, (f & 0x0200) != 0,
                (f & 0x0100) != 0, (f & 0x0080) != 0, f & 0xF, w[2], w[3], w[4], w[5]);
    }

    static HeaderDecoder flagsFrom(java.util.function.BiFunction<Header, Integer, Header> change) {
        return b -> change.apply(DnsWire.header(b), (b[2] & 0xFF) << 8 | (b[3] & 0xFF));
    }

    @Nested
    class HeaderGrader extends GraderContract<HeaderDecoder> {
        @Override
        protected Report grade(HeaderDecoder answer) {
            return DnsExercises.header(answer);
        }

        @Override
        protected HeaderDecoder reference() {
            return DnsWire::header;
        }

        @Override
        protected List<HeaderDecoder> alsoCorrect() {
            return List.of(DnsExercisesTest::solutionDecode);
        }

        @Override
        protected HeaderDecoder stub() {
            return b -> Exercise.todo();
        }

        @Override
        protected List<Mutant<HeaderDecoder>> mutants() {
            return List.of(
                    mutant("reads bytes as signed (no & 0xFF)", "id", b -> {
                        Header h = DnsWire.header(b);
                        return new Header(b[0] << 8 | b[1], h.qr(), h.opcode(), h.aa(), h.tc(), h.rd(), h.ra(), h.rcode(),
                                h.qdcount(), h.ancount(), h.nscount(), h.arcount());
                    }),
                    mutant("little-endian ID", "id", b -> {
                        Header h = DnsWire.header(b);
                        return new Header((b[1] & 0xFF) << 8 | b[0] & 0xFF, h.qr(), h.opcode(), h.aa(), h.tc(), h.rd(), h.ra(),
                                h.rcode(), h.qdcount(), h.ancount(), h.nscount(), h.arcount());
                    }),
                    mutant("OPCODE shifted by 12, not 11", "flags", flagsFrom((h, f) -> new Header(h.id(), h.qr(), f >>> 12 & 0xF,
                            h.aa(), h.tc(), h.rd(), h.ra(), h.rcode(), h.qdcount(), h.ancount(), h.nscount(), h.arcount()))),
                    mutant("RCODE read from the high nibble", "flags", flagsFrom((h, f) -> new Header(h.id(), h.qr(), h.opcode(),
                            h.aa(), h.tc(), h.rd(), h.ra(), f >>> 4 & 0xF, h.qdcount(), h.ancount(), h.nscount(), h.arcount()))),
                    mutant("TC and RD swapped", "flags", flagsFrom((h, f) -> new Header(h.id(), h.qr(), h.opcode(),
                            h.aa(), h.rd(), h.tc(), h.ra(), h.rcode(), h.qdcount(), h.ancount(), h.nscount(), h.arcount()))),
                    mutant("counts read one byte each", "counts", b -> {
                        Header h = DnsWire.header(b);
                        return new Header(h.id(), h.qr(), h.opcode(), h.aa(), h.tc(), h.rd(), h.ra(), h.rcode(),
                                b[5] & 0xFF, b[7] & 0xFF, b[9] & 0xFF, b[11] & 0xFF);
                    }),
                    mutant("counts in the wrong order", "counts", b -> {
                        Header h = DnsWire.header(b);
                        return new Header(h.id(), h.qr(), h.opcode(), h.aa(), h.tc(), h.rd(), h.ra(), h.rcode(),
                                h.qdcount(), h.arcount(), h.nscount(), h.ancount());
                    }),
                    mutant("no length check (an index error instead)", "rejectsShort", DnsExercisesTest::solutionDecodeUnchecked),
                    mutant("pads a short message with zeros", "rejectsShort", b -> DnsWire.header(java.util.Arrays.copyOf(b, Math.max(12, b.length)))));
        }
    }

    static Header solutionDecodeUnchecked(byte[] b) {
        int[] w = new int[6];
        for (int i = 0; i < 6; i++) w[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        int f = w[1];
        return new Header(w[0], (f & 0x8000) != 0, f >>> 11 & 0xF, (f & 0x0400) != 0, (f & 0x0200) != 0,
                (f & 0x0100) != 0, (f & 0x0080) != 0, f & 0xF, w[2], w[3], w[4], w[5]);
    }

    @Test
    void predictionPassesTheFormulaAndRefusesTheNaiveAnswer() {
        double lambda = DnsExercises.PREDICT_QUERIES_PER_HOUR / 3600;
        double formula = DnsExercises.PREDICT_RESOLVERS * 3600 * TtlStudy.theoryLoadPerResolver(DnsExercises.PREDICT_TTL, lambda);
        assertEquals(Report.Status.PASSED, DnsExercises.predictLoad(formula).status());
        double naive = DnsExercises.PREDICT_RESOLVERS * 3600 / DnsExercises.PREDICT_TTL; // forgets the wait for a query
        Report r = DnsExercises.predictLoad(naive);
        assertEquals(Report.Status.FAILED, r.status());
        assertTrue(r.html().contains("TTL + 1/λ"), r.html());
        assertTrue(!r.html().contains(String.format(Locale.ROOT, "%.0f", DnsExercises.predictTruth())), "never reveals the truth");
        assertEquals(Report.Status.NOT_ATTEMPTED, DnsExercises.predictLoad(Exercise.TODO_NUMBER).status());
        assertEquals(Report.Status.FAILED, DnsExercises.predictLoad(naive * 0.5).status());
    }
}
