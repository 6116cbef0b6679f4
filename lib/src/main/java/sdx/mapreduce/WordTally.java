package sdx.mapreduce;

import java.util.Arrays;
import sdx.core.Corpus;

/**
 * In-mapper combining for word count (Lin &amp; Dyer, "Data-Intensive Text Processing with MapReduce",
 * 2010, section 3.1.1): one map task counts its own words in an open-addressing table over a char arena
 * and emits one (word, count) pair per distinct word when the task ends. No String and no map update
 * per word: the words are lower-cased and hashed in place, and Strings are built for distinct words
 * only. The tokenizing rule is {@link Corpus#forEachWord}'s: a line holding any non-ASCII character
 * goes through that method itself, so the counts equal every other count in the course.
 */
final class WordTally implements Mapper<String, String, Integer> {
    private static final boolean[] WORD = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) WORD[c] = Character.isLetterOrDigit(c) || c == '\'';
    }

    private char[] arena = new char[1 << 14];
    private int arenaUsed;
    private int[] slots = new int[1 << 10]; // entry index + 1; 0 = empty
    private int[] offset = new int[1 << 9], length = new int[1 << 9], hash = new int[1 << 9], count = new int[1 << 9];
    private int entries;

    @Override
    public Mapper<String, String, Integer> forTask() {
        return new WordTally();
    }

    @Override
    public void map(String line, Emitter<String, Integer> out) {
        int n = line.length();
        for (int i = 0; i < n; i++) {
            if (line.charAt(i) >= 128) {
                Corpus.forEachWord(line, this::add);
                return;
            }
        }
        int start = -1, h = 0;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (WORD[c]) {
                if (start < 0) {
                    start = i;
                    h = 0;
                }
                h = 31 * h + lower(c);
            } else if (start >= 0) {
                add(line, start, i - start, h);
                start = -1;
            }
        }
        if (start >= 0) add(line, start, n - start, h);
    }

    @Override
    public void finish(Emitter<String, Integer> out) {
        for (int e = 0; e < entries; e++) out.emit(new String(arena, offset[e], length[e]), count[e]);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** A word from the general tokenizer: already lower-cased. */
    private void add(String word) {
        int h = 0;
        for (int i = 0; i < word.length(); i++) h = 31 * h + word.charAt(i);
        add(word, 0, word.length(), h);
    }

    /** Counts line[start, start + len), lower-cased, whose hash is h. */
    private void add(String line, int start, int len, int h) {
        int mask = slots.length - 1;
        for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) {
                insert(s, line, start, len, h);
                return;
            }
            if (hash[e] == h && length[e] == len && same(e, line, start, len)) {
                count[e]++;
                return;
            }
        }
    }

    private boolean same(int e, String line, int start, int len) {
        int o = offset[e];
        for (int k = 0; k < len; k++) {
            if (arena[o + k] != lower(line.charAt(start + k))) return false;
        }
        return true;
    }

    private void insert(int slot, String line, int start, int len, int h) {
        if (arenaUsed + len > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        for (int k = 0; k < len; k++) arena[arenaUsed + k] = lower(line.charAt(start + k));
        if (entries == offset.length) {
            int n = entries * 2;
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
            hash = Arrays.copyOf(hash, n);
            count = Arrays.copyOf(count, n);
        }
        offset[entries] = arenaUsed;
        length[entries] = len;
        hash[entries] = h;
        count[entries] = 1;
        arenaUsed += len;
        slots[slot] = ++entries;
        if (entries * 2 > slots.length) rehash();
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int e = 0; e < entries; e++) {
            int s = mix(hash[e]) & mask;
            while (slots[s] != 0) s = (s + 1) & mask;
            slots[s] = e + 1;
        }
    }

    private static int mix(int h) {
        return (h ^ (h >>> 16)) * 0x45d9f3b;
    }
}
