package sdx.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * Text to count: a generated corpus whose word frequencies follow Zipf's law (as real languages
 * roughly do), and the course's own notebooks as a real one.
 */
public final class Corpus {
    private Corpus() {}

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "de", "va", "zu", "be", "go", "fi", "ya", "xo"
    };

    /**
     * The {@code rank}-th word of the generated vocabulary (0 = most frequent): a short pronounceable
     * string, distinct for every rank.
     */
    public static String word(int rank) {
        Check.atLeast("rank", rank, 0);
        StringBuilder sb = new StringBuilder();
        int r = rank;
        do {
            sb.append(SYLLABLES[r % SYLLABLES.length]);
            r /= SYLLABLES.length;
        } while (r > 0);
        return sb.toString();
    }

    /**
     * What {@link #zipf(Text)} generates, by name.
     *
     * @param words        words in all, at least 1
     * @param vocabulary   distinct words, at least 1
     * @param skew         Zipf exponent, at least 0 (0: every word equally likely)
     * @param wordsPerLine words to a line, at least 1
     * @param seed         the seed
     */
    public record Text(int words, int vocabulary, double skew, int wordsPerLine, long seed) {
        /** Validates. */
        public Text {
            Check.positive("words", words);
            Check.positive("vocabulary", vocabulary);
            Check.atLeast("skew", skew, 0.0);
            Check.positive("wordsPerLine", wordsPerLine);
        }

        /** {@code words} words from 20,000 distinct ones, Zipf 1.0, 12 to a line, seed 42. */
        public static Text of(int words) {
            return new Text(words, 20_000, 1.0, 12, 42);
        }

        /** This text with another vocabulary size. */
        public Text withVocabulary(int n) {
            return new Text(words, n, skew, wordsPerLine, seed);
        }

        /** This text with another Zipf exponent. */
        public Text withSkew(double s) {
            return new Text(words, vocabulary, s, wordsPerLine, seed);
        }

        /** This text with another line length. */
        public Text withWordsPerLine(int n) {
            return new Text(words, vocabulary, skew, n, seed);
        }

        /** This text with another seed. */
        public Text withSeed(long s) {
            return new Text(words, vocabulary, skew, wordsPerLine, s);
        }
    }

    /** The generated lines the settings name. */
    public static List<String> zipf(Text text) {
        Check.notNull("text", text);
        return zipf(text.words(), text.vocabulary(), text.skew(), text.wordsPerLine(), text.seed());
    }

    /**
     * Generated lines of text: {@code words} words drawn from a vocabulary of {@code vocabulary}
     * words with Zipf({@code skew}) frequencies, {@code wordsPerLine} to a line.
     */
    public static List<String> zipf(int words, int vocabulary, double skew, int wordsPerLine, long seed) {
        Check.positive("words", words);
        Check.positive("vocabulary", vocabulary);
        Check.atLeast("skew", skew, 0.0);
        Check.positive("wordsPerLine", wordsPerLine);
        List<String> lines = new ArrayList<>(words / wordsPerLine + 1);
        var gen = new Generator(vocabulary, skew, seed);
        int left = words;
        while (left > 0) {
            int n = Math.min(left, wordsPerLine);
            lines.add(gen.line(n));
            left -= n;
        }
        return lines;
    }

    /**
     * Writes a generated corpus of at least {@code bytes} bytes to {@code file} (UTF-8, one line of
     * {@code wordsPerLine} words each) and returns the number of bytes written. Used by the
     * benchmark for corpora too big to hold as a list of strings.
     */
    public static long writeZipf(Path file, long bytes, int vocabulary, double skew, int wordsPerLine, long seed) {
        Check.notNull("file", file);
        Check.positive("bytes", bytes);
        Check.positive("vocabulary", vocabulary);
        Check.atLeast("skew", skew, 0.0);
        Check.positive("wordsPerLine", wordsPerLine);
        var gen = new Generator(vocabulary, skew, seed);
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                String line = gen.line(wordsPerLine);
                w.write(line);
                w.write('\n');
                written += line.length() + 1; // ASCII: one byte per char
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write corpus to " + file, e);
        }
        return written;
    }

    /**
     * Splits text into lower-case words: runs of letters, digits and apostrophes. The one tokenizer
     * every word count in the course shares, so their answers can be compared exactly.
     */
    public static List<String> words(String text) {
        Check.notNull("text", text);
        List<String> out = new ArrayList<>();
        forEachWord(text, out::add);
        return out;
    }

    /**
     * Feeds every word of {@code text} to {@code action}, in order, without building a list: the
     * same words as {@link #words(String)}, which is this method collecting into a list.
     *
     * <p>The rule: lower-case the text ({@link Locale#ROOT}), then a word is a maximal run of code
     * points of Unicode category L (letters) or N (numbers), or the apostrophe {@code '}; the regex
     * {@code [^\p{L}\p{N}']+} splits on the rest. That regex was the course's first tokenizer and most
     * of a word count's time; this loop gives the same words (a test compares them on random text)
     * with a table look-up per ASCII character and no regex machinery.
     */
    public static void forEachWord(String text, Consumer<String> action) {
        Check.notNull("text", text);
        Check.notNull("action", action);
        String s = text.toLowerCase(Locale.ROOT); // the same String when nothing changes
        int n = s.length(), start = -1;
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            boolean inWord;
            int width = 1;
            if (c < 128) {
                inWord = ASCII_WORD[c];
            } else {
                int cp = s.codePointAt(i);
                width = Character.charCount(cp);
                inWord = isWordCodePoint(cp);
            }
            if (inWord) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                action.accept(s.substring(start, i));
                start = -1;
            }
            i += width;
        }
        if (start >= 0) action.accept(s.substring(start));
    }

    /** The tokenizer's rule, spelled as the regex it replaced: kept as the reference its tests compare with. */
    static List<String> wordsByRegex(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** True for a code point of category L or N, or the apostrophe: what {@code [\p{L}\p{N}']} matches. */
    static boolean isWordCodePoint(int cp) {
        if (cp == '\'') return true;
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) ASCII_WORD[c] = isWordCodePoint(c);
    }

    /**
     * Real text: the markdown cells of every {@code .ipynb} under {@code dir} (the course's own
     * notebooks), one list entry per line, in a stable order.
     */
    public static List<String> notebookText(Path dir) {
        Check.notNull("dir", dir);
        if (!Files.isDirectory(dir)) {
            throw Check.fail("dir must be a directory of notebooks, was " + dir.toAbsolutePath());
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints")).sorted().toList()) {
                JsonNode root = json.readTree(nb.toFile());
                for (JsonNode cell : root.path("cells")) {
                    if (!"markdown".equals(cell.path("cell_type").asText())) continue;
                    JsonNode src = cell.path("source");
                    String text = src.isArray() ? joinLines(src) : src.asText();
                    lines.addAll(List.of(text.split("\n")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read notebooks under " + dir, e);
        }
        return lines;
    }

    private static String joinLines(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : array) sb.append(part.asText());
        return sb.toString();
    }

    /** Draws words by rank; a small helper kept private to the two generators above. */
    private static final class Generator {
        private final String[] vocab;
        private final DiscreteSampler sampler;
        private final UniformRandomProvider rng;
        private final boolean uniform;

        Generator(int vocabulary, double skew, long seed) {
            this.vocab = new String[vocabulary];
            for (int i = 0; i < vocabulary; i++) vocab[i] = word(i);
            this.rng = Rng.of(seed);
            this.uniform = skew == 0.0;
            this.sampler = uniform ? null : RejectionInversionZipfSampler.of(rng, vocabulary, skew);
        }

        String line(int n) {
            StringBuilder sb = new StringBuilder(n * 6);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(' ');
                sb.append(vocab[uniform ? rng.nextInt(vocab.length) : sampler.sample() - 1]);
            }
            return sb.toString();
        }
    }
}
