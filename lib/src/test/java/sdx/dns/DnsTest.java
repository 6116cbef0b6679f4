package sdx.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

class DnsTest {
    static final Zone ZONE = Zone.courseTest();

    /** A standard query for {@code name}/{@code type}, ID 0x1234, RD set, built by hand. */
    static byte[] query(String name, int type) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new Header(0x1234, false, 0, false, false, true, false, 0, 1, 0, 0, 0).bytes());
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.write(0);
        out.write(type >> 8);
        out.write(type);
        out.write(0);
        out.write(1);
        return out.toByteArray();
    }

    @Test
    void zoneAnswersRecordsCnameChainsNodataNxdomainAndRefuses() {
        assertEquals(List.of("192.0.2.10"), ZONE.answer("www.course.test", RecordType.A).answers().stream().map(Rr::data).toList());
        Zone.Result web = ZONE.answer("WEB.course.test.", RecordType.AAAA);
        assertEquals(List.of(RecordType.CNAME, RecordType.AAAA), web.answers().stream().map(Rr::type).toList());
        Zone.Result nodata = ZONE.answer("mail.course.test.", RecordType.AAAA);
        assertEquals(Zone.NOERROR, nodata.rcode());
        assertTrue(nodata.answers().isEmpty());
        assertEquals(RecordType.SOA, nodata.authority().get(0).type());
        Zone.Result nx = ZONE.answer("nope.course.test.", RecordType.A);
        assertEquals(Zone.NXDOMAIN, nx.rcode());
        assertEquals(300, nx.authority().get(0).ttl(), "negative TTL = min(SOA TTL 3600, MINIMUM 300)");
        assertEquals(Zone.REFUSED, ZONE.answer("example.com.", RecordType.A).rcode());
    }

    @Test
    void headerRoundTripsAndShortMessagesAreRefusedClearly() {
        Header h = new Header(0xBEEF, true, 2, true, false, true, true, 3, 1, 2, 0xFF00, 4);
        assertEquals(h, DnsWire.header(h.bytes()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsWire.header(new byte[5]));
        assertTrue(e.getMessage().contains("5 bytes") && e.getMessage().contains("12-byte"), e.getMessage());
    }

    @Test
    void responsesParseWithDnsjavaAndUseCompression() throws Exception {
        ZoneServer offline = null;
        try (ZoneServer server = ZoneServer.start(ZONE)) {
            offline = server;
            byte[] response = server.answer(query("web.course.test", 1));
            Message m = new Message(response); // an independent parser of our encoder
            assertEquals(0x1234, m.getHeader().getID());
            assertEquals(2, m.getSection(Section.ANSWER).size());
            assertEquals("www.course.test.", m.getSection(Section.ANSWER).get(1).getName().toString());
            assertEquals("192.0.2.10", m.getSection(Section.ANSWER).get(1).rdataToString());
            // the answer's owner name is a pointer to the question's name at offset 12
            int answerStart = query("web.course.test", 1).length;
            assertEquals(0xC0, response[answerStart] & 0xFF);
            assertEquals(12, response[answerStart + 1]);
            List<DnsWire.Field> fields = DnsWire.fields(response);
            assertTrue(fields.stream().anyMatch(f -> f.value().startsWith("[pointer to offset 12]")), fields.toString());
            byte[] mx = server.answer(query("course.test", 15));
            assertEquals("10 mail.course.test.", new Message(mx).getSection(Section.ANSWER).get(0).rdataToString());
        }
        assertFalse(offline == null);
    }

    @Test
    void malformedQueriesGetFormerrOrNothing() {
        try (ZoneServer server = ZoneServer.start(ZONE)) {
            byte[] q = query("www.course.test", 1);
            assertEquals(null, server.answer(java.util.Arrays.copyOf(q, 7)), "no header: nothing to answer");
            byte[] truncated = java.util.Arrays.copyOf(q, 20);
            assertEquals(Zone.FORMERR, DnsWire.header(server.answer(truncated)).rcode());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsWire.fields(truncated));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            byte[] loop = q.clone();
            loop[12] = (byte) 0xC0;
            loop[13] = 12; // a pointer to itself
            assertThrows(IllegalArgumentException.class, () -> DnsWire.question(loop));
        }
    }

    @Test
    void realUdpExchangeWithDnsjavaLeavesNothingRunning() {
        Set<String> before = threads();
        Dns.Exchange ex = Dns.ask("web.course.test.", "A");
        assertEquals("NOERROR", ex.reply().rcode());
        assertTrue(ex.reply().authoritative());
        assertEquals(2, ex.reply().answers().size(), ex.reply().toString());
        assertEquals(DnsWire.header(ex.query()).id(), DnsWire.header(ex.response()).id());
        assertTrue(ex.responseTable().rowCount() > 20);
        assertEquals("NXDOMAIN", Dns.ask("nope.course.test.", "A").reply().rcode());
        assertEquals(6, Dns.survey("www.course.test. A", "www.course.test. AAAA", "web.course.test. A", "course.test. MX",
                "course.test. NS", "nope.course.test. A").rowCount());
        Set<String> after = threads();
        after.removeAll(before);
        assertTrue(after.isEmpty(), "threads left running: " + after);
    }

    static Set<String> threads() {
        for (int i = 0; i < 50; i++) {
            boolean busy = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith("dns") || t.getName().startsWith("dnsjava"));
            if (!busy) break;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dns.ask("www.course.test.", "TXTX"));
        assertTrue(e.getMessage().contains("record type") && e.getMessage().contains("TXTX"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dig.ask(70_000, "www.course.test.", "A"));
        assertTrue(e.getMessage().contains("port") && e.getMessage().contains("70000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TtlStudy.run(new double[] {0}, 10, 20, 1, 1));
        assertTrue(e.getMessage().contains("ttlSeconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Rr.of("www", "A", 60, "192.0.2.1"));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void coldAndWarmLatenciesAreExactSumsOfRoundTrips() {
        Resolution.Latencies l = Resolution.Latencies.typical();
        Resolution.Run run = Resolution.coldAndWarm(l, 7);
        List<Resolution.LookupResult> r = run.lookups();
        assertEquals(5, r.size());
        // constant delays, zero handler time: every lookup takes exactly its round trips
        assertEquals(Resolution.theoryMs(l, true, true, true), r.get(0).latencyMs(), 1e-9, "cold");
        assertEquals(3, r.get(0).upstreamQueries());
        assertEquals(Resolution.theoryMs(l, false, false, true), r.get(1).latencyMs(), 1e-9, "delegation cached");
        assertEquals(Resolution.theoryMs(l, false, false, false), r.get(2).latencyMs(), 1e-9, "answer cached");
        assertEquals(0, r.get(2).upstreamQueries());
        assertEquals(null, r.get(3).address(), "NXDOMAIN");
        assertEquals(Resolution.theoryMs(l, false, false, true), r.get(4).latencyMs(), 1e-9, "answer expired after its TTL");
        assertEquals(run.lookups(), Resolution.coldAndWarm(l, 7).lookups(), "same seed, same run");
        assertTrue(run.diagram(0).image().getWidth() > 0);
    }

    /**
     * Tolerances: the load is a count of refetches over a day; at TTL = 1 day each of the 1,000 resolvers
     * refetches about once, so the count's relative spread is about 1/sqrt(1000) = 3%: 10% is over 3 sigma.
     * Shorter TTLs give many more refetches and a far smaller spread. The mean stale window averages
     * 1,000 resolvers x 50 changes, but at TTL = 1 day all of one resolver's changes fall in one or two
     * copies (correlated), leaving about 1,000-2,000 independent samples of a spread about TTL/sqrt(12)
     * around the mean: about 2-3%; 10% again leaves over 3 sigma. Checked on three seeds.
     */
    @Test
    void ttlStudyAgreesWithRenewalTheory() {
        for (long seed : new long[] {42, 7, 2026}) {
            TtlStudy study = TtlStudy.typical(seed);
            for (TtlStudy.Point p : study.points()) {
                assertEquals(p.theoryAuthPerHour(), p.authPerHour(), 0.10 * p.theoryAuthPerHour(), "load at TTL " + p.ttl() + " seed " + seed);
                assertEquals(p.theoryStaleS(), p.meanStaleS(), 0.10 * p.theoryStaleS(), "staleness at TTL " + p.ttl() + " seed " + seed);
                assertTrue(p.maxStaleS() <= p.ttl() + 1e-9, "no copy outlives its TTL");
            }
            assertArrayEquals(study.points().stream().mapToDouble(TtlStudy.Point::authPerHour).toArray(),
                    TtlStudy.typical(seed).points().stream().mapToDouble(TtlStudy.Point::authPerHour).toArray());
        }
    }

    @Test
    void addressSpaceSizesAreComputed() {
        assertEquals(BigInteger.valueOf(4_294_967_296L), AddressSpace.size(32, 0));
        assertEquals(BigInteger.valueOf(16_777_216L), AddressSpace.size(32, 8));
        assertEquals(BigInteger.TWO.pow(128), AddressSpace.size(128, 0));
        assertEquals(BigInteger.valueOf(65_536), AddressSpace.blocks(128, 32, 48));
        assertEquals("3.40 × 10^38", AddressSpace.readable(AddressSpace.size(128, 0)));
        assertEquals(8, AddressSpace.table().rowCount());
        assertEquals(9, TtlStudy.typical(1).table().rowCount());
    }
}
