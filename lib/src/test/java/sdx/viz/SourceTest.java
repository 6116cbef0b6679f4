package sdx.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void findsAMethodWithItsJavadocAndStopsAtItsClosingBrace() {
        Source s = Source.method(Html.class, "escape");
        assertTrue(s.title().startsWith("sdx/viz/Html.java, lines "), s.title());
        assertTrue(s.code().startsWith("/** Escapes"), s.code());
        assertTrue(s.code().contains("case '&' -> sb.append(\"&amp;\");"));
        assertTrue(s.code().endsWith("return sb.toString();\n}"), s.code());
        assertFalse(s.code().contains("interface Html"), "only the method, not the whole file");
    }

    @Test
    void showsEveryOverloadAndSkipsCalls() {
        // Plot.cdf is a static factory and an instance method; Plot.histogram calls bar(...), which is no declaration
        Source s = Source.method(Plot.class, "cdf");
        assertEquals(2, s.code().split("public (static )?Plot cdf\\(", -1).length - 1, s.code());
        Source bar = Source.method(Plot.class, "bar");
        assertEquals(1, bar.code().split("public static Plot bar\\(", -1).length - 1, bar.code());
        assertFalse(bar.code().contains("histogram"));
    }

    @Test
    void wholeClassesAndNestedTypes() {
        assertTrue(Source.of(Html.class).code().startsWith("package sdx.viz;"));
        Source nested = Source.of(Tables.HtmlTable.class);
        assertTrue(nested.code().contains("public record HtmlTable(String html, String plain)"), nested.code());
        assertTrue(nested.code().strip().endsWith("}"));
        assertFalse(nested.code().contains("MAX_ROWS"));
    }

    @Test
    void htmlIsEscapedAndLightlyColoured() {
        String html = Source.method(Html.class, "escape").html();
        assertTrue(html.contains("&quot;&amp;amp;&quot;"), "the literal \"&amp;\" is escaped once more");
        assertFalse(html.contains("<script") || html.contains("'<'"));
        assertTrue(html.contains("<span style=\"font-weight:bold;color:#0b3d91\">return</span>"));
    }

    @Test
    void anUnknownMethodNamesTheOnesThatExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> Source.method(Html.class, "render"));
        assertTrue(e.getMessage().contains("'render' was not found in sdx.viz.Html") && e.getMessage().contains("escape"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Source.of(String.class));
    }
}
