package sdx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conventions every library source keeps: formatting and case conversion name {@code Locale.ROOT} (a
 * learner's machine in a comma-decimal locale must print the same numbers), and arguments are refused
 * through {@code sdx.core.Check}, not a raw {@code throw new IllegalArgumentException}.
 */
class ConventionsTest {
    private static final Pattern DEFAULT_LOCALE = Pattern.compile(
            "String\\.format\\((?!\\s*(java\\.util\\.)?Locale\\.)|\\.formatted\\(|printf\\((?!\\s*(java\\.util\\.)?Locale\\.)"
            + "|\\.to(Lower|Upper)Case\\(\\)");
    private static final Pattern RAW_ARGUMENT_THROW = Pattern.compile("throw new IllegalArgumentException\\(");

    @Test
    void everyFormatAndCaseConversionNamesLocaleRoot() throws IOException {
        assertEquals(List.of(), offending(DEFAULT_LOCALE, null));
    }

    @Test
    void argumentsAreRefusedThroughCheck() throws IOException {
        assertEquals(List.of(), offending(RAW_ARGUMENT_THROW, "sdx/core/Check.java"));
    }

    @Test
    void thePatternsCatchPlantedMistakes() {
        for (String bad : List.of("String.format(\"%.2f\", x)", "\"%d\".formatted(n)", "name.toLowerCase()",
                "System.out.printf(\"%d%n\", n)")) {
            assertEquals(true, DEFAULT_LOCALE.matcher(bad).find(), bad);
        }
        for (String good : List.of("String.format(Locale.ROOT, \"%.2f\", x)", "name.toLowerCase(Locale.ROOT)",
                "String.format(java.util.Locale.ROOT, \"%d\", n)")) {
            assertEquals(false, DEFAULT_LOCALE.matcher(good).find(), good);
        }
        assertEquals(true, RAW_ARGUMENT_THROW.matcher("throw new IllegalArgumentException(\"x\")").find());
    }

    private static List<String> offending(Pattern pattern, String exempt) throws IOException {
        Path root = Path.of("src/main/java");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.equals(exempt)) continue;
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    String code = LayeringTest.code(lines.get(i));
                    if (pattern.matcher(code).find()) out.add(rel + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return out;
    }
}
