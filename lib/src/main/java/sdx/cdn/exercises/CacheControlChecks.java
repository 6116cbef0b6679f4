package sdx.cdn.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for the Cache-Control exercise: each a few header values worked out from RFC 9111 (sections
 * 5.2.2.1 max-age, 5.2.2.4 no-cache, 5.2.2.5 no-store, 5.2.2.7 private, 5.2.2.10 s-maxage, 1.2.2 delta-seconds,
 * 4.2.1 invalid freshness information).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CacheControlChecks {
    private final CacheControlPolicy policy = Grader.submission(CacheControlPolicy.class);

    private void expect(long seconds, String header) {
        assertEquals(seconds, policy.edgeTtlSeconds(header), "edgeTtlSeconds(" + (header == null ? "null" : "\"" + header + "\"") + ")");
    }

    @Test
    @Order(1)
    @DisplayName("max-age=N: the edge may serve it for N seconds")
    @Hint("split the header at commas, trim each directive, and read the number after max-age=")
    @Basic
    void maxAge() {
        expect(60, "max-age=60");
        expect(3600, "public, max-age=3600");
    }

    @Test
    @Order(2)
    @DisplayName("s-maxage wins over max-age at a shared cache, in either order")
    @Hint("s-maxage is meant for shared caches such as a CDN: when it is present, use it and ignore max-age")
    void sMaxage() {
        expect(600, "max-age=60, s-maxage=600");
        expect(30, "s-maxage=30, max-age=600");
    }

    @Test
    @Order(3)
    @DisplayName("no-store: never cached, whatever else the header says")
    @Hint("no-store forbids storing the response at all: 0, even beside max-age or s-maxage")
    void noStore() {
        expect(0, "no-store");
        expect(0, "max-age=600, no-store");
        expect(0, "s-maxage=600, no-store");
    }

    @Test
    @Order(4)
    @DisplayName("private: for the user's own browser only, never a shared cache")
    @Hint("a private response may be stored by the browser, not by a CDN: 0 at the edge")
    void privateResponse() {
        expect(0, "private, max-age=600");
    }

    @Test
    @Order(5)
    @DisplayName("no-cache: must be revalidated on every request, so 0 at this edge")
    @Hint("no-cache does not mean \"do not store\": it means \"ask the origin every time\"; this edge cannot ask, so 0")
    void noCache() {
        expect(0, "no-cache, max-age=600");
        expect(0, "no-cache");
    }

    @Test
    @Order(6)
    @DisplayName("no header, or no lifetime in it: not cached (0)")
    @Hint("a null or empty header, or one without max-age or s-maxage, gives no lifetime: return 0, do not crash")
    void noLifetime() {
        expect(0, null);
        expect(0, "");
        expect(0, "public");
    }

    @Test
    @Order(7)
    @DisplayName("directive names are case-insensitive; spaces around commas are allowed")
    @Hint("compare directive names ignoring case (toLowerCase(Locale.ROOT)) and trim the spaces around each one")
    void caseAndSpaces() {
        expect(120, "Public,  MAX-AGE=120");
        expect(5, " S-MaxAge=5 ,max-age=9");
    }

    @Test
    @Order(8)
    @DisplayName("a value that is not a number means stale (0); a huge one is capped at 2^31")
    @Hint("catch the parse failure for max-age=abc (RFC 9111 4.2.1: treat as stale); a value too big for the "
            + "cache's integers counts as 2147483648 seconds (RFC 9111 1.2.2)")
    void badValues() {
        expect(0, "max-age=abc");
        expect(0, "max-age=-5");
        expect(2_147_483_648L, "max-age=99999999999999999999");
    }
}
