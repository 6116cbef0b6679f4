package sdx.dns.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.dns.Rr;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/** Hidden checks for the resolver cache: each is a small scenario on a clock in seconds, worked by hand. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CacheChecks {
    static final Question WWW_A = Question.of("www.course.test.", "A");
    static final Answer WWW = Answer.of(Rr.of("www.course.test.", "A", 60, "192.0.2.10"));

    private ResolverCache fresh() {
        return Grader.submission(ResolverCache.Factory.class).create();
    }

    @Test
    @Order(1)
    @DisplayName("an answer stored at t = 100 with TTL 60 is served at t = 100 and t = 130")
    @Hint("store the answer with the time it expires (now + TTL), and return it while now is before that")
    @Basic
    void hit() {
        ResolverCache c = fresh();
        c.put(WWW_A, WWW, 100);
        assertEquals(WWW, c.get(WWW_A, 100), "get at t = 100");
        assertEquals(WWW, c.get(WWW_A, 130), "get at t = 130");
    }

    @Test
    @Order(2)
    @DisplayName("TTL boundary: stored at t = 100 with TTL 60, still served at t = 159, gone at t = 160")
    @Hint("the answer may be used for TTL seconds: fresh while now < stored + TTL; at stored + TTL it has expired")
    void expiresAtTtl() {
        ResolverCache c = fresh();
        c.put(WWW_A, WWW, 100);
        assertEquals(WWW, c.get(WWW_A, 159), "get at t = 159 (1 s before the TTL runs out)");
        assertNull(c.get(WWW_A, 160), "get at t = 160 (TTL 60 s has run out)");
    }

    @Test
    @Order(3)
    @DisplayName("TTL 0 means: use once, never cache (RFC 1035 §3.2.1)")
    @Hint("a TTL of 0 is not 'forever': such an answer must not be served from the cache at all")
    void ttlZeroNeverCached() {
        ResolverCache c = fresh();
        c.put(WWW_A, Answer.of(Rr.of("www.course.test.", "A", 0, "192.0.2.10")), 100);
        assertNull(c.get(WWW_A, 100), "get at t = 100 of an answer with TTL 0 stored at t = 100");
        assertNull(c.get(WWW_A, 5_000), "get at t = 5000 of an answer with TTL 0 stored at t = 100");
    }

    @Test
    @Order(4)
    @DisplayName("a CNAME chain (alias TTL 3600, address TTL 60) expires with its shortest TTL")
    @Hint("the answer is only as fresh as its least fresh record: use the minimum TTL over the records")
    void cnameChainMinTtl() {
        ResolverCache c = fresh();
        Question web = Question.of("web.course.test.", "A");
        Answer chain = Answer.of(Rr.of("web.course.test.", "CNAME", 3600, "www.course.test."),
                Rr.of("www.course.test.", "A", 60, "192.0.2.10"));
        c.put(web, chain, 0);
        assertEquals(chain, c.get(web, 59), "get at t = 59");
        assertNull(c.get(web, 60), "get at t = 60: the A record in the chain has expired");
    }

    @Test
    @Order(5)
    @DisplayName("one entry per (name, type): an A answer does not answer an AAAA question")
    @Hint("key the cache by the name and the type together, e.g. a record (name, type) as the map key")
    void perType() {
        ResolverCache c = fresh();
        c.put(WWW_A, WWW, 0);
        assertNull(c.get(Question.of("www.course.test.", "AAAA"), 1), "AAAA question after caching only the A answer");
        assertEquals(WWW, c.get(WWW_A, 1), "the A answer is still there");
    }

    @Test
    @Order(6)
    @DisplayName("names are compared without regard to case: WWW.Course.TEST. hits www.course.test.")
    @Hint("DNS names are case-insensitive (RFC 4343): lower-case the name (with Locale.ROOT) in the key")
    void caseInsensitive() {
        ResolverCache c = fresh();
        c.put(WWW_A, WWW, 0);
        assertEquals(WWW, c.get(Question.of("WWW.Course.TEST.", "A"), 1), "get WWW.Course.TEST. A at t = 1");
    }

    @Test
    @Order(7)
    @DisplayName("NXDOMAIN is cached for its negative TTL (RFC 2308): served at t = 299, gone at t = 300")
    @Hint("an NXDOMAIN answer has no records; its TTL is answer.negativeTtl()")
    void negativeCaching() {
        ResolverCache c = fresh();
        Question nope = Question.of("nope.course.test.", "A");
        Answer nx = Answer.nxdomain(300);
        c.put(nope, nx, 0);
        assertEquals(nx, c.get(nope, 299), "get at t = 299 after NXDOMAIN with negative TTL 300 at t = 0");
        assertNull(c.get(nope, 300), "get at t = 300");
    }
}
