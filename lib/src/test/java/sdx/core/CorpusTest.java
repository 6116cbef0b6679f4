package sdx.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @Test
    void tokenizerLowercasesAndSplitsOnPunctuation() {
        assertEquals(List.of("the", "cat's", "hat", "42", "café"), Corpus.words("The cat's HAT—42, café!"));
        assertEquals(List.of(), Corpus.words("  ...  "));
    }

    /**
     * The fast tokenizer against the regex it replaced, on 20,000 random strings drawn from an
     * alphabet chosen to hit every branch: ASCII letters, digits, apostrophes and punctuation;
     * Latin-1 and Greek letters; letters whose lower case changes length (U+0130 becomes "i" plus a
     * combining dot, which is not a letter and so splits the word); other number kinds (superscript
     * two, Roman numeral twelve); a supplementary-plane letter and an emoji (surrogate pairs); a lone
     * surrogate; a combining mark; a right single quotation mark (not an apostrophe).
     */
    @Test
    void fastTokenizerGivesTheRegexAnswersOnRandomText() {
        String[] alphabet = {"a", "Z", "q", "0", "7", "'", " ", "  ", ",", ".", "!", "-", "\t", "\n", "é", "Ä", "ß",
            "Σ", "ς", "\u0130", "\u00b2", "\u216b", "\ud835\udc00", "\ud83d\ude00", "\ud800", "\u0301", "\u2019",
            "_", "\u00a0", "Ǆ", "ǅ"};
        var rng = Rng.of(2024);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rng.nextInt(40);
            for (int j = 0; j < len; j++) sb.append(alphabet[rng.nextInt(alphabet.length)]);
            String text = sb.toString();
            assertEquals(Corpus.wordsByRegex(text), Corpus.words(text), () -> "text: " + text);
        }
        // and on the generated corpus, line by line
        for (String line : Corpus.zipf(20_000, 1000, 1.0, 12, 1)) assertEquals(Corpus.wordsByRegex(line), Corpus.words(line));
    }

    @Test
    void tokenizerRejectsNulls() {
        var e = assertThrows(IllegalArgumentException.class, () -> Corpus.words(null));
        assertTrue(e.getMessage().contains("text"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Corpus.forEachWord("a", null));
    }

    @Test
    void vocabularyWordsAreDistinct() {
        var seen = new HashSet<String>();
        for (int r = 0; r < 10_000; r++) assertTrue(seen.add(Corpus.word(r)), "rank " + r);
    }

    @Test
    void generatedCorpusHasTheRequestedSizeAndZipfTop() {
        List<String> lines = Corpus.zipf(50_000, 500, 1.0, 10, 3);
        assertEquals(5_000, lines.size());
        Map<String, Long> counts = lines.stream().flatMap(l -> Corpus.words(l).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(50_000, counts.values().stream().mapToLong(Long::longValue).sum());
        double p0 = Workloads.zipfProbabilities(500, 1.0)[0];
        assertEquals(p0, counts.get(Corpus.word(0)) / 50_000.0, 0.01); // ~6 standard errors
        assertEquals(Corpus.zipf(1000, 50, 1.0, 7, 9), Corpus.zipf(1000, 50, 1.0, 7, 9));
    }

    @Test
    void writesAtLeastTheRequestedBytes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.txt");
        long n = Corpus.writeZipf(f, 100_000, 1000, 1.0, 12, 1);
        assertEquals(n, Files.size(f));
        assertTrue(n >= 100_000 && n < 100_000 + 200);
    }

    @Test
    void readsMarkdownOfNotebooks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.ipynb"), """
                {"cells":[{"cell_type":"markdown","source":["# Title\\n","Hello world"]},
                          {"cell_type":"code","source":"int x = 1;"}],"metadata":{},"nbformat":4,"nbformat_minor":5}
                """);
        assertEquals(List.of("# Title", "Hello world"), Corpus.notebookText(dir));
        assertThrows(IllegalArgumentException.class, () -> Corpus.notebookText(dir.resolve("missing")));
    }
}
