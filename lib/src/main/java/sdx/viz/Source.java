package sdx.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sdx.core.Check;

/**
 * "Show the code": the real source of a library class or method, read from the sources packaged in
 * the jar (under {@code /sdx-src/}), shown inline with light syntax colouring. What a learner sees is
 * the code that ran, not a copy that may drift.
 *
 * <pre>{@code
 * Source.method(ConsistentHashPartitioner.class, "shardOf")   // one method (all overloads), with its javadoc
 * Source.of(LruPolicy.class)                                   // a whole class
 * }</pre>
 *
 * @param title   which file and lines are shown
 * @param code    the source text
 */
public record Source(String title, String code) implements Html {
    private static final Set<String> KEYWORDS = Set.of("abstract", "boolean", "break", "byte", "case", "catch",
            "char", "class", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "if", "implements", "import", "instanceof", "int", "interface", "long", "new",
            "package", "private", "protected", "public", "record", "return", "sealed", "permits", "short",
            "static", "super", "switch", "synchronized", "this", "throw", "throws", "try", "var", "void",
            "volatile", "while", "yield", "true", "false", "null");

    public Source {
        Check.notNull("title", title);
        Check.notNull("code", code);
    }

    /** The whole source of {@code type} (a nested type shows only its own block). */
    public static Source of(Class<?> type) {
        Check.notNull("type", type);
        String file = fileOf(type);
        String text = read(type, file);
        if (type.getEnclosingClass() == null) return new Source(file, text.strip());
        Matcher m = Pattern.compile("(?m)^[ \\t]*(?:[\\w@]+\\s+)*(?:class|record|interface|enum)\\s+"
                + Pattern.quote(type.getSimpleName()) + "\\b").matcher(text);
        if (!m.find()) throw Check.fail("type " + type.getName() + " was not found in " + file);
        return block(file, text, m.start());
    }

    /**
     * Every method or constructor of {@code type} named {@code name} (overloads one after another), each
     * with its javadoc and annotations.
     *
     * @throws IllegalArgumentException listing the methods the class declares if none is called {@code name}
     */
    public static Source method(Class<?> type, String name) {
        Check.notNull("type", type);
        Check.notNull("name", name);
        String file = fileOf(type);
        String text = read(type, file);
        Matcher m = Pattern.compile("(?m)^[ \\t]*(?:(?:public|protected|private|static|final|abstract|synchronized|default)\\s+)*"
                + "(?:<[^>]*>\\s+)?(?:[\\w.$<>\\[\\],? ]+\\s+)?" + Pattern.quote(name) + "\\s*\\(").matcher(text);
        List<String> parts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            String head = text.substring(m.start(), m.end());
            if (head.strip().startsWith("return") || head.strip().startsWith("new ")) continue;
            Source one = block(file, text, m.start());
            parts.add(one.code());
            lines.add(one.title().substring(file.length()).replace(", lines ", ""));
        }
        if (parts.isEmpty()) {
            throw Check.fail("method '" + name + "' was not found in " + type.getName() + "; it declares: "
                    + declared(type));
        }
        return new Source(file + ", lines " + String.join(" and ", lines), String.join("\n\n", parts));
    }

    /** The code as HTML: escaped, keywords bold, comments grey, strings green, in a scrollable box. */
    @Override
    public String html() {
        return "<div class=\"sdx-source\"><div style=\"font:12px sans-serif;color:#555\">" + Html.escape(title)
                + "</div><pre style=\"max-height:32em;overflow:auto;background:#f7f7f7;padding:.6em;"
                + "border-left:3px solid #0072B2\"><code>" + highlight(code) + "</code></pre></div>";
    }

    @Override
    public String toString() {
        return "// " + title + "\n" + code;
    }

    /** Escapes every piece and wraps keywords, comments and string literals in spans. */
    static String highlight(String code) {
        StringBuilder out = new StringBuilder(code.length() * 2);
        int i = 0, n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            int end;
            String style = null;
            if (code.startsWith("//", i)) {
                end = lineEnd(code, i);
                style = "color:#6a737d";
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                style = "color:#6a737d";
            } else if (c == '"' || c == '\'') {
                end = literalEnd(code, i);
                style = "color:#22863a";
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) end++;
                if (KEYWORDS.contains(code.substring(i, end))) style = "font-weight:bold;color:#0b3d91";
            } else {
                end = i + 1;
            }
            String piece = Html.escape(code.substring(i, end));
            out.append(style == null ? piece : "<span style=\"" + style + "\">" + piece + "</span>");
            i = end;
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- reading and cutting

    private static String fileOf(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        return top.getName().replace('.', '/') + ".java";
    }

    private static String read(Class<?> type, String file) {
        try (InputStream in = Source.class.getResourceAsStream("/sdx-src/" + file)) {
            if (in == null) {
                throw Check.fail("no source for " + type.getName() + " in the jar (only the course library's own "
                        + "classes, packaged under /sdx-src/, can be shown)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the declaration at {@code start} (widened to its javadoc and annotations) to its closing brace or ';'. */
    private static Source block(String file, String text, int start) {
        int from = withDocAbove(text, start);
        int i = start, depth = 0;
        boolean opened = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) i = lineEnd(text, i);
            else if (text.startsWith("/*", i)) i = text.indexOf("*/", i + 2) + 2;
            else if (c == '"' || c == '\'') i = literalEnd(text, i);
            else {
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                } else if (c == ';' && !opened && depth == 0) {
                    break;                                  // abstract or interface method
                }
                i++;
                if (opened && depth == 0) break;
            }
            if (i <= 1) break;
        }
        int to = Math.min(text.length(), opened ? i : i + 1);
        String code = dedent(text.substring(from, to));
        return new Source(file + ", lines " + lineOf(text, from) + "–" + lineOf(text, to - 1), code);
    }

    private static int withDocAbove(String text, int start) {
        int from = start;
        while (true) {
            int prevEnd = from - 1;                          // the newline before this line
            if (prevEnd <= 0) return from;
            int prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
            String line = text.substring(prevStart, prevEnd).strip();
            if (line.startsWith("@") || line.startsWith("*") || line.startsWith("/**") || line.endsWith("*/")) {
                from = prevStart;
            } else {
                return from;
            }
        }
    }

    private static String dedent(String s) {
        String[] lines = s.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int k = 0;
            while (k < l.length() && l.charAt(k) == ' ') k++;
            indent = Math.min(indent, k);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
        return sb.toString().stripTrailing();
    }

    private static int lineEnd(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl;
    }

    private static int literalEnd(String s, int i) {
        char q = s.charAt(i);
        if (q == '"' && s.startsWith("\"\"\"", i)) {
            int close = s.indexOf("\"\"\"", i + 3);
            return close < 0 ? s.length() : close + 3;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != q && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
        return Math.min(s.length(), j + 1);
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index && i < s.length(); i++) if (s.charAt(i) == '\n') line++;
        return line;
    }

    private static String declared(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isSynthetic())
                .map(java.lang.reflect.Method::getName).distinct().sorted().toList().toString();
    }
}
