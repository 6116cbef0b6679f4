package sdx.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdx.net.LoopbackClient;

class CommentBoardTest {
    private static final String SCRIPT = "<script>window.xss = 1</script>";

    @Test
    void unsafePagePastesThePayloadEncodedPageShowsItAsText() {
        String unsafe = CommentBoard.renderUnsafe(List.of(SCRIPT, "\" onmouseover=\"x"), null);
        String encoded = CommentBoard.renderEncoded(List.of(SCRIPT, "\" onmouseover=\"x"), null);
        assertTrue(unsafe.contains("<li title=\"" + SCRIPT + "\">" + SCRIPT), unsafe);
        assertFalse(encoded.contains("<script>window"), encoded);
        assertTrue(encoded.contains("&lt;script&gt;window.xss = 1&lt;/script&gt;"), encoded);
        assertTrue(encoded.contains("title=\"&#34; onmouseover=&#34;x\""), encoded);
        assertTrue(encoded.contains("href=\"/search?q=%22%20onmouseover%3D%22x\""), encoded);
    }

    @Test
    void overHttpTheCspPageCarriesThePolicyAndBadInputIsA400() {
        try (CommentBoard board = CommentBoard.start(); LoopbackClient c = LoopbackClient.to(board.uri())) {
            var posted = c.send("POST", "/comments", Map.of("Content-Type", "application/x-www-form-urlencoded"), "text=%3Cb%3Ehi");
            assertEquals(201, posted.status());
            assertEquals(List.of("<b>hi"), board.comments());
            var csp = c.get("/board?mode=csp");
            assertEquals(CommentBoard.POLICY, csp.headers().get("content-security-policy"));
            assertTrue(csp.body().contains("<b>hi"), csp.body());
            assertFalse(c.get("/board?mode=encoded").headers().containsKey("content-security-policy"));
            var bad = c.get("/board?mode=pretty");
            assertEquals(400, bad.status());
            assertTrue(bad.body().contains("mode must be one of unsafe, encoded, csp, was pretty"), bad.body());
            assertEquals(400, c.send("POST", "/comments", Map.of(), "words=1").status());
        }
    }
}
