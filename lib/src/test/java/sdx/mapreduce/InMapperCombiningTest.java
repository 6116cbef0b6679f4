package sdx.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdx.core.Corpus;
import sdx.core.Rng;

/** {@link WordCount#inMapperCombining()} counts exactly what the reference tokenizer counts. */
class InMapperCombiningTest {

    private static Job<String, String, Integer, Integer> job() {
        return MapReduce.job(WordCount.inMapperCombining(), WordCount.reducer());
    }

    /** By hand: one task sees "a b a" / "B c!": it ships a:2, b:2, c:1, one pair per distinct word. */
    @Test
    void onePairPerDistinctWordPerTaskByHand() {
        var r = job().mapTasks(1).reducers(1).run(List.of("a b a", "B c!"));
        assertEquals(Map.of("a", 2, "b", 2, "c", 1), r.output());
        assertEquals(3, r.mapOutputRecords());
        assertEquals(3, r.shuffleRecords());
        // two tasks: "a b a" ships a, b; "B c!" ships b, c
        assertEquals(4, job().mapTasks(2).reducers(1).run(List.of("a b a", "B c!")).shuffleRecords());
    }

    @Test
    void edgeCasesEqualTheReferenceTokenizer() {
        List<String> lines = List.of(
                "", "   ", "\t", "!!!", "Hello, world! HELLO... world?", "don't can't 'tis rock'n'roll ''",
                "e-mail foo_bar a.b a/b (x) [y] {z} #1 $2 3% a+b a=b a@b", "MiXeD CaSe mixed case",
                "Café CAFÉ café naïve Straße STRASSE", "ΣΊΣΥΦΟΣ σίσυφος", "İstanbul ISTANBUL ıi",
                "𝒜𝒷𝒸 𝒜𝒷𝒸 emoji😀word", "١٢٣ 123 ½ Ⅻ", "日本語 テキスト", "tab\tseparated\r\nwindows\r",
                "trailing'", "'leading", "x", "a\u00A0b a\u2003b", "ab\u0301c");
        assertEquals(WordCount.sequential(lines), job().workers(2).mapTasks(5).reducers(3).run(lines).output());
        for (String line : lines) {
            assertEquals(WordCount.sequential(List.of(line)), job().mapTasks(1).reducers(1).run(List.of(line)).output(),
                    "line [" + line + "]");
        }
    }

    /** Random lines over an alphabet of word and non-word characters, ASCII and not, upper and lower case. */
    @Test
    void randomCharactersEqualTheReferenceOver200Seeds() {
        String alphabet = "aAbBzZ09'' .,;:!?-_\t\"()éÉßΣσİı😀١";
        for (int seed = 0; seed < 200; seed++) {
            UniformRandomProvider rng = Rng.of(seed, 11);
            List<String> lines = new ArrayList<>();
            for (int i = rng.nextInt(40); i > 0; i--) {
                StringBuilder sb = new StringBuilder();
                for (int k = rng.nextInt(60); k > 0; k--) {
                    // ASCII-only lines half the time, so both paths (fast and fallback) are exercised
                    int limit = rng.nextBoolean() ? 20 : alphabet.length();
                    int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, rng.nextInt(alphabet.codePointCount(0, limit))));
                    sb.appendCodePoint(cp);
                }
                lines.add(sb.toString());
            }
            var r = job().workers(1 + rng.nextInt(2)).mapTasks(1 + rng.nextInt(6)).reducers(1 + rng.nextInt(4)).run(lines);
            assertEquals(WordCount.sequential(lines), r.output(), "seed " + seed);
        }
    }

    @Test
    void generatedCorpusEqualsTheReferenceOver100Seeds() {
        for (int seed = 0; seed < 100; seed++) {
            UniformRandomProvider rng = Rng.of(seed);
            List<String> lines = Corpus.zipf(1 + rng.nextInt(3000), 1 + rng.nextInt(20_000), rng.nextDouble() * 1.5,
                    1 + rng.nextInt(20), seed);
            var r = job().workers(1 + rng.nextInt(3)).mapTasks(1 + rng.nextInt(12)).reducers(1 + rng.nextInt(9)).run(lines);
            assertEquals(WordCount.sequential(lines), r.output(), "seed " + seed);
        }
    }

    @Test
    void fileJobEqualsBothBaselines(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("corpus.txt");
        Corpus.writeZipf(f, 500_000, 50_000, 1.0, 12, 3);
        Files.writeString(f, "\nÜber 'quoted' ÜBER\n\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Map<String, Integer> truth = WordCount.sequential(f);
        assertEquals(truth, TunedWordCount.count(f));
        assertEquals(truth, job().workers(2).mapTasks(8).reducers(4).run(Input.textFile(f)).output());
    }

    /** A crashed or backed-up attempt starts from a fresh table: the output never changes. */
    @Test
    void crashesAndBackupsNeverChangeTheOutput() {
        for (int seed = 0; seed < 50; seed++) {
            List<String> lines = Corpus.zipf(2000, 300, 1.0, 8, seed);
            var r = job().workers(1 + seed % 3).mapTasks(1 + seed % 7).reducers(1 + seed % 4)
                    .faults(Faults.randomCrashes(0.4, seed)).run(lines);
            assertEquals(WordCount.sequential(lines), r.output(), "seed " + seed);
        }
        List<String> lines = Corpus.zipf(40_000, 1000, 1.0, 10, 3);
        var r = job().workers(2).mapTasks(4).speculative(true).faults(Faults.straggler(1, 300)).run(lines);
        assertEquals(WordCount.sequential(lines), r.output());
    }

    @Test
    void eachTaskGetsItsOwnTableAndLambdasAreShared() {
        Mapper<String, String, Integer> m = WordCount.inMapperCombining();
        assertNotSame(m.forTask(), m.forTask());
        Mapper<String, String, Integer> plain = WordCount.mapper();
        assertSame(plain, plain.forTask());
    }
}
