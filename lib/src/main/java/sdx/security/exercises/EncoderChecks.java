package sdx.security.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/**
 * Hidden checks for exercise 1, over a corpus of payloads: placed in its context and decoded the way a browser
 * decodes it, the encoded text must give back the payload exactly, and it must not hold the character that ends
 * the context ({@code <} in text starts a tag; {@code "} ends a double-quoted attribute value).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class EncoderChecks {
    private final HtmlEncoder encoder = Grader.submission(HtmlEncoder.class);

    /** The payloads: markup, event handlers, quotes, ampersands and references, non-ASCII text. */
    static final List<String> CORPUS = List.of(
            "hello, world",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\" onmouseover=\"alert(1)",
            "' onfocus='alert(1)",
            "Tom & Jerry",
            "&lt;b&gt; is how you write <b>",
            "AT&amp;T",
            "&#60;script&#62;",
            "2 < 3 > 1",
            "</textarea><svg onload=alert(1)>",
            "a \"quoted\" 'word'",
            "naïve café — 東京 😀",
            "");

    @Test
    @Order(1)
    @DisplayName("text: every payload, decoded as the browser does, reads back exactly")
    @Hint("encode & first (as &amp;), then <, > and the quotes; encode once, not twice")
    @Basic
    void textRoundTrip() {
        for (String p : CORPUS) {
            assertEquals(p, CharacterReferences.decode(encoder.forText(p)), "forText(payload), decoded");
        }
    }

    @Test
    @Order(2)
    @DisplayName("text: no encoded payload holds a < (it would open a tag)")
    @Hint("every < must become &lt; (or &#60;)")
    @Basic
    void textStaysText() {
        for (String p : CORPUS) {
            String e = encoder.forText(p);
            if (e.indexOf('<') >= 0) fail("forText(\"" + cut(p) + "\") = \"" + cut(e) + "\" still holds a <");
        }
    }

    @Test
    @Order(3)
    @DisplayName("attribute: every payload, decoded as the browser does, reads back exactly")
    @Hint("the attribute decodes references as text does: encode &, <, >, \" and ' once each, and nothing else changes")
    @Basic
    void attributeRoundTrip() {
        for (String p : CORPUS) {
            assertEquals(p, CharacterReferences.decode(encoder.forAttribute(p)), "forAttribute(payload), decoded");
        }
    }

    @Test
    @Order(4)
    @DisplayName("attribute: no encoded payload holds a \" (it would end the attribute value)")
    @Hint("in a double-quoted value, \" must become &quot; (or &#34;); encode ' too, for single-quoted values")
    @Basic
    void attributeStaysInside() {
        for (String p : CORPUS) {
            String e = encoder.forAttribute(p);
            if (e.indexOf('"') >= 0) fail("forAttribute(\"" + cut(p) + "\") = \"" + cut(e) + "\" still holds a \"");
        }
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
