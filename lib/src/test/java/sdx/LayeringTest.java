package sdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule of {@code sdx/package-info.java}, checked on the library's sources: sdx.core <
 * sdx.viz < sdx.exercise < {sdx.sim, sdx.net} < topic packages < sdx.capstone (the synthesis, notebook 26,
 * which may use every topic and which no topic may use). A package may use a layer below it,
 * never one above or beside it; a topic never uses another topic (its {@code exercises} subpackage is
 * part of it). Every reference counts: imports, static imports and fully qualified names in code
 * (comments and string literals are left out, so javadoc may mention other packages).
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern REFERENCE = Pattern.compile("\\bsdx\\.([a-z][a-z0-9_]*)\\b(?=\\s*\\.)");

    @Test
    void noPackageUsesALayerAboveItOrAnotherTopic() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(SOURCES.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertTrue(files.size() > 50, "read the library's sources (" + files.size() + " files)");
        List<String> violations = violations(files);
        assertEquals(List.of(), violations, "layering violations (see sdx/package-info.java):\n" + String.join("\n", violations));
    }

    @Test
    void plantedViolationsAreCaught() {
        Map<String, String> files = new TreeMap<>();
        files.put("sdx/cache/Bad.java", "package sdx.cache;\nimport sdx.sharding.Partitioner;\nclass Bad {}");
        files.put("sdx/core/Up.java", "package sdx.core;\nclass Up { Object p = new sdx.viz.Html() {}; }");
        files.put("sdx/sim/Side.java", "package sdx.sim;\nimport static sdx.net.Loopback.server;\nclass Side {}");
        files.put("sdx/cache/exercises/Ok.java", "package sdx.cache.exercises;\nimport sdx.cache.LruPolicy;\n"
                + "import sdx.exercise.Grader;\nimport sdx.core.Check;\nclass Ok {}");
        files.put("sdx/sharding/Ok.java", "package sdx.sharding;\nimport sdx.net.LoopbackServer;\n"
                + "/** Unlike {@link sdx.cache.LruPolicy}, ... */\nclass Ok { String s = \"sdx.mapreduce.Engine\"; }");
        files.put("sdx/welcome/Bad.java", "package sdx.welcome;\nclass Bad { Object o = sdx.cache.exercises.LruChecks.class; }");
        files.put("sdx/capstone/Ok.java", "package sdx.capstone;\nimport sdx.capacity.Quantity;\nimport sdx.cache.LruPolicy;\nclass Ok {}");
        files.put("sdx/capacity/Up.java", "package sdx.capacity;\nimport sdx.capstone.Design;\nclass Up {}");
        assertEquals(List.of(
                "sdx/cache/Bad.java (sdx.cache, a topic) uses sdx.sharding (another topic)",
                "sdx/capacity/Up.java (sdx.capacity, a topic) uses sdx.capstone (layer capstone, above it)",
                "sdx/core/Up.java (sdx.core, layer core) uses sdx.viz (layer viz, above it)",
                "sdx/sim/Side.java (sdx.sim, layer sim/net) uses sdx.net (layer sim/net, beside it)",
                "sdx/welcome/Bad.java (sdx.welcome, a topic) uses sdx.cache (another topic)"), violations(files));
    }

    /** One line per (file, used package) that breaks the rule. */
    static List<String> violations(Map<String, String> files) {
        List<String> out = new ArrayList<>();
        for (var e : files.entrySet()) {
            Matcher pm = PACKAGE.matcher(e.getValue());
            if (!pm.find()) continue;
            String own = top(pm.group(1));
            if (own == null) continue;                            // the root package's package-info
            TreeSet<String> used = new TreeSet<>();
            Matcher rm = REFERENCE.matcher(code(e.getValue()));
            while (rm.find()) used.add(rm.group(1));
            for (String other : used) {
                if (other.equals(own)) continue;
                int a = layer(own), b = layer(other);
                if (b < a) continue;
                String problem = a == TOPIC && b == TOPIC ? " (another topic)"
                        : " (layer " + name(b) + (b == a ? ", beside it)" : ", above it)");
                out.add(e.getKey() + " (sdx." + own + ", " + (a == TOPIC ? "a topic" : "layer " + name(a)) + ") uses sdx."
                        + other + problem);
            }
        }
        return out;
    }

    private static final int TOPIC = 4, CAPSTONE = 5;

    private static int layer(String top) {
        return switch (top) {
            case "core" -> 0;
            case "viz" -> 1;
            case "exercise" -> 2;
            case "sim", "net" -> 3;
            case "capstone" -> CAPSTONE;
            default -> TOPIC;
        };
    }

    private static String name(int layer) {
        return switch (layer) {
            case 0 -> "core";
            case 1 -> "viz";
            case 2 -> "exercise";
            case 3 -> "sim/net";
            case CAPSTONE -> "capstone";
            default -> "topic";
        };
    }

    /** {@code sdx.cache.exercises} -> {@code cache}; {@code sdx} -> null. */
    private static String top(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length < 2 ? null : parts[1];
    }

    /** The source without comments and string or char literals. */
    static String code(String src) {
        StringBuilder sb = new StringBuilder(src.length());
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') i++;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                sb.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                sb.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') j += src.charAt(j) == '\\' ? 2 : 1;
                i = Math.min(n, j + 1);
                sb.append("\"\"");
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
