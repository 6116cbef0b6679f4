package sdx.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import sdx.core.Check;
import sdx.core.Corpus;

/**
 * One good thread: the word count a careful programmer writes without a framework, the baseline of
 * McSherry, Isard and Murray's COST ("Scalability! But at what COST?", HotOS 2015). It reads the
 * file's bytes in 1 MB blocks, lower-cases and hashes each ASCII word in place (no String, no regex,
 * no boxing per word) into an open-addressing table of byte slices, and builds Strings only for the
 * distinct words at the end. A line holding any non-ASCII byte goes through {@link Corpus#forEachWord}
 * instead, so the answers equal every other count in the course on any UTF-8 text.
 */
public final class TunedWordCount {
    private TunedWordCount() {}

    private static final int BLOCK = 1 << 20;
    private static final boolean[] WORD = new boolean[128];
    private static final byte[] LOWER = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            WORD[c] = Character.isLetterOrDigit(c) || c == '\'';
            LOWER[c] = (byte) Character.toLowerCase(c);
        }
    }

    /** Counts the words of a UTF-8 text file: word -> count, the same answer as {@link WordCount#sequential(Path)}. */
    public static Map<String, Integer> count(Path file) {
        Check.notNull("file", file);
        Check.that(Files.isRegularFile(file), "file", file, "must be an existing file");
        Counts counts = new Counts();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] b = new byte[BLOCK];
            int kept = 0; // bytes of an unfinished line at the front of b
            while (true) {
                if (kept == b.length) b = Arrays.copyOf(b, b.length * 2); // a line longer than the block
                int n = ch.read(ByteBuffer.wrap(b, kept, b.length - kept));
                if (n < 0) break;
                int end = kept + n, lineStart = 0;
                for (int i = kept; i < end; i++) {
                    if (b[i] == '\n') {
                        counts.line(b, lineStart, i);
                        lineStart = i + 1;
                    }
                }
                kept = end - lineStart;
                System.arraycopy(b, lineStart, b, 0, kept);
            }
            if (kept > 0) counts.line(b, 0, kept);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return counts.toMap();
    }

    /** An open-addressing hash table from byte slices (words) to counts; the words live in one arena. */
    private static final class Counts {
        private byte[] arena = new byte[1 << 16];
        private int arenaUsed;
        private int[] slots = new int[1 << 12]; // entry index + 1, 0 = empty
        private int[] offset = new int[1 << 11], length = new int[1 << 11], hash = new int[1 << 11],
                count = new int[1 << 11];
        private int entries;

        /** Counts the words of the line b[from, to) (no newline inside). */
        void line(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] < 0) { // non-ASCII: the general tokenizer, on the decoded line
                    Corpus.forEachWord(new String(b, from, to - from, StandardCharsets.UTF_8), this::add);
                    return;
                }
            }
            int start = -1, h = 0;
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (WORD[c]) {
                    if (start < 0) {
                        start = i;
                        h = 0;
                    }
                    h = 31 * h + LOWER[c];
                } else if (start >= 0) {
                    add(b, start, i - start, h, true);
                    start = -1;
                }
            }
            if (start >= 0) add(b, start, to - start, h, true);
        }

        private void add(String word) {
            byte[] w = word.getBytes(StandardCharsets.UTF_8);
            int h = 0;
            for (byte c : w) h = 31 * h + c;
            add(w, 0, w.length, h, false);
        }

        private void add(byte[] b, int start, int len, int h, boolean lowerAscii) {
            int mask = slots.length - 1;
            for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
                int e = slots[s] - 1;
                if (e < 0) {
                    insert(s, b, start, len, h, lowerAscii);
                    return;
                }
                if (hash[e] == h && length[e] == len && same(e, b, start, len, lowerAscii)) {
                    count[e]++;
                    return;
                }
            }
        }

        private boolean same(int e, byte[] b, int start, int len, boolean lowerAscii) {
            int o = offset[e];
            for (int k = 0; k < len; k++) {
                byte c = lowerAscii ? LOWER[b[start + k]] : b[start + k];
                if (arena[o + k] != c) return false;
            }
            return true;
        }

        private void insert(int slot, byte[] b, int start, int len, int h, boolean lowerAscii) {
            if (arenaUsed + len > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
            for (int k = 0; k < len; k++) arena[arenaUsed + k] = lowerAscii ? LOWER[b[start + k]] : b[start + k];
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
            return h ^ (h >>> 16) * 0x45d9f3b;
        }

        Map<String, Integer> toMap() {
            Map<String, Integer> out = new HashMap<>(entries * 2);
            for (int e = 0; e < entries; e++) {
                out.put(new String(arena, offset[e], length[e], StandardCharsets.UTF_8), count[e]);
            }
            return out;
        }
    }
}
