package sdx.mapreduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdx.core.Check;
import sdx.core.Corpus;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Word count, the first example of the MapReduce paper (section 2.1): map emits (word, 1) for every
 * word of a line, reduce sums the ones. Words come from {@link Corpus#words(String)}, the course's
 * one tokenizer, so every count here (sequential, engine, Spark) can be compared exactly.
 */
public final class WordCount {
    private WordCount() {}

    private static final Integer ONE = 1;

    /** Emits (word, 1) for every word of a line. */
    public static Mapper<String, String, Integer> mapper() {
        return (line, out) -> Corpus.forEachWord(line, w -> out.emit(w, ONE));
    }

    /**
     * Word count's mapper with in-mapper combining (Lin &amp; Dyer 2010, section 3.1.1): each map task
     * counts its own words in a table and emits one (word, count) pair per distinct word when it ends,
     * instead of one (word, 1) per word. Same words, same rule, same answers as {@link #mapper()}; the
     * per-word String and map update are gone, which is most of the engine's cost on word count.
     * Reduce with {@link #reducer()}.
     */
    public static Mapper<String, String, Integer> inMapperCombining() {
        return new WordTally();
    }

    /** Sums the counts of one word; also a valid combiner (sums of sums are sums). */
    public static Reducer<String, Integer, Integer> reducer() {
        return (word, counts) -> {
            int sum = 0;
            for (int c : counts) sum += c;
            return sum;
        };
    }

    /** The word-count job with the engine's defaults (no combiner); chain settings onto it. */
    public static Job<String, String, Integer, Integer> job() {
        return MapReduce.job(mapper(), reducer());
    }

    /** The oracle: a plain sequential count of {@code lines}, sorted by word. */
    public static Map<String, Integer> sequential(List<String> lines) {
        Check.notNull("lines", lines);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            Corpus.forEachWord(line, w -> counts.merge(w, 1, Integer::sum));
        }
        return new TreeMap<>(counts);
    }

    /** The single-threaded baseline of the benchmark: read {@code file} line by line into one HashMap. */
    public static Map<String, Integer> sequential(Path file) {
        Check.notNull("file", file);
        Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Corpus.forEachWord(line, w -> counts.merge(w, 1, Integer::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return counts;
    }

    /** The {@code n} most frequent words of a count (ties by word), as a table. */
    public static Table top(Map<String, Integer> counts, int n) {
        Check.notNull("counts", counts);
        Check.positive("n", n);
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringColumn word = StringColumn.create("word");
        IntColumn count = IntColumn.create("count");
        for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(n, entries.size()))) {
            word.append(e.getKey());
            count.append(e.getValue());
        }
        return Table.create("top " + Math.min(n, entries.size()) + " of " + counts.size() + " words").addColumns(word, count);
    }

    /** Total number of words in a count. */
    public static long totalWords(Map<String, Integer> counts) {
        Check.notNull("counts", counts);
        long s = 0;
        for (int c : counts.values()) s += c;
        return s;
    }
}
