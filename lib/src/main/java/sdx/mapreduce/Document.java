package sdx.mapreduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Corpus;
import sdx.core.Rng;

/**
 * A document to index: an id and its text. The input of the inverted-index exercise.
 *
 * @param id   document id (unique within a collection)
 * @param text the document's text
 */
public record Document(int id, String text) {

    /** Validates the text. */
    public Document {
        Check.notNull("text", text);
    }

    /**
     * {@code count} generated documents of {@code words} Zipf-distributed words each, written as a
     * sentence (capital first letter, final full stop). Ids are distinct and in a seeded random
     * order, so the input is not sorted by id.
     */
    public static List<Document> generate(int count, int words, int vocabulary, double skew, long seed) {
        Check.positive("count", count);
        Check.positive("words", words);
        List<String> lines = Corpus.zipf(count * words, vocabulary, skew, words, seed);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) ids.add(1 + 3 * i);
        UniformRandomProvider rng = Rng.of(seed, 1);
        for (int i = ids.size() - 1; i > 0; i--) Collections.swap(ids, i, rng.nextInt(i + 1));
        List<Document> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String s = lines.get(i);
            docs.add(new Document(ids.get(i), Character.toUpperCase(s.charAt(0)) + s.substring(1) + "."));
        }
        return docs;
    }

    /** The oracle: word -> sorted ids of the documents containing it, built sequentially. */
    public static Map<String, List<Integer>> invertedIndex(List<Document> docs) {
        Check.notNull("docs", docs);
        Map<String, TreeSet<Integer>> index = new TreeMap<>();
        for (Document d : docs) {
            for (String w : Corpus.words(d.text())) index.computeIfAbsent(w, k -> new TreeSet<>()).add(d.id());
        }
        Map<String, List<Integer>> out = new TreeMap<>();
        index.forEach((w, ids) -> out.put(w, List.copyOf(ids)));
        return out;
    }
}
