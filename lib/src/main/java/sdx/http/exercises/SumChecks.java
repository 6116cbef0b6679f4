package sdx.http.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.exercise.NotAttempted;
import sdx.http.Wire;
import sdx.net.LoopbackServer;

/**
 * Hidden checks for the /sum handler: each starts a real loopback server with the learner's handler, sends
 * one request over a real socket ({@link Wire}) and checks status, headers and body. The specification, as the
 * notebook states it: {@code GET /sum?a=2&b=3} answers 200 with body "5" (a trailing newline allowed) and a
 * {@code text/plain} Content-Type; a missing or non-integer parameter answers 400 with a body naming it; a
 * method other than GET answers 405 with {@code Allow: GET}; any other path answers 404.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SumChecks {
    private final LoopbackServer.Handler handler = Grader.submission(LoopbackServer.Handler.class);

    /** Sends {@code method path} to a fresh server running the learner's handler; rethrows a stub's marker. */
    private Wire.Exchange send(String method, String path) {
        AtomicReference<NotAttempted> stub = new AtomicReference<>();
        LoopbackServer.Handler watched = request -> {
            try {
                return handler.handle(request);
            } catch (NotAttempted e) {
                stub.set(e);
                throw e;
            }
        };
        try (LoopbackServer server = LoopbackServer.start("sum-check", watched)) {
            Wire.Exchange ex = Wire.send(server.uri(), Wire.request(method, server.uri(), path, ""));
            if (stub.get() != null) throw stub.get();
            return ex;
        }
    }

    private static String said(Wire.Exchange ex) {
        String body = ex.body().strip();
        return ex.status() + " \"" + (body.length() > 60 ? body.substring(0, 57) + "..." : body) + "\"";
    }

    @Test
    @Order(1)
    @DisplayName("GET /sum?a=2&b=3 answers 200 with body 5")
    @Hint("read the numbers with request.params().get(\"a\"), add them, and reply Reply.ok(sum + \"\\n\")")
    @Basic
    void sumOfTwo() {
        Wire.Exchange ex = send("GET", "/sum?a=2&b=3");
        assertEquals("200 \"5\"", said(ex), "status and body for GET /sum?a=2&b=3");
    }

    @Test
    @Order(2)
    @DisplayName("the answer says it is plain text (Content-Type: text/plain)")
    @Hint("add .withHeader(\"Content-Type\", \"text/plain; charset=utf-8\") to the reply")
    @Basic
    void contentType() {
        String type = send("GET", "/sum?a=2&b=3").header("Content-Type");
        assertTrue(type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain"),
                "Content-Type of the reply was " + (type == null ? "missing" : "\"" + type + "\"") + ", expected text/plain");
    }

    @Test
    @Order(3)
    @DisplayName("adds numbers beyond int: 3000000000 + 1 = 3000000001, and -7 + 3 = -4")
    @Hint("Integer.parseInt stops at 2,147,483,647: parse with Long.parseLong")
    void bigAndNegativeNumbers() {
        assertEquals("200 \"3000000001\"", said(send("GET", "/sum?a=3000000000&b=1")), "GET /sum?a=3000000000&b=1");
        assertEquals("200 \"-4\"", said(send("GET", "/sum?a=-7&b=3")), "GET /sum?a=-7&b=3");
    }

    @Test
    @Order(4)
    @DisplayName("a missing parameter answers 400, naming it")
    @Hint("if params() has no \"b\", reply Reply.of(400, \"missing parameter b\"): a default of 0 hides the client's mistake")
    void missingParameter() {
        Wire.Exchange ex = send("GET", "/sum?a=2");
        assertEquals(400, ex.status(), "status for GET /sum?a=2 (b is missing); the reply was " + said(ex));
        assertTrue(ex.body().contains("b"), "the 400 reply should name the missing parameter b; it said " + said(ex));
    }

    @Test
    @Order(5)
    @DisplayName("a parameter that is not an integer answers 400, not 500")
    @Hint("catch NumberFormatException and reply 400 naming the parameter: bad input is the client's mistake (4xx), "
            + "an exception that escapes becomes the server's (500)")
    void notANumber() {
        Wire.Exchange ex = send("GET", "/sum?a=2&b=x");
        assertEquals(400, ex.status(), "status for GET /sum?a=2&b=x; the reply was " + said(ex));
        assertTrue(ex.body().contains("b"), "the 400 reply should name the bad parameter b; it said " + said(ex));
    }

    @Test
    @Order(6)
    @DisplayName("POST /sum answers 405 with Allow: GET")
    @Hint("check request.method() first: anything but GET gets Reply.of(405, ...).withHeader(\"Allow\", \"GET\")")
    void wrongMethod() {
        Wire.Exchange ex = send("POST", "/sum?a=2&b=3");
        assertEquals(405, ex.status(), "status for POST /sum?a=2&b=3; the reply was " + said(ex));
        String allow = ex.header("Allow");
        assertTrue(allow != null && allow.contains("GET"), "the 405 reply's Allow header was "
                + (allow == null ? "missing" : "\"" + allow + "\"") + ", expected GET");
    }

    @Test
    @Order(7)
    @DisplayName("any other path answers 404")
    @Hint("compare request.path() with \"/sum\" and reply Reply.of(404, ...) otherwise")
    void unknownPath() {
        Wire.Exchange ex = send("GET", "/add?a=2&b=3");
        assertEquals(404, ex.status(), "status for GET /add?a=2&b=3; the reply was " + said(ex));
    }
}
