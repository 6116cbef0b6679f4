package sdx.mapreduce;

/** Helpers for sizing the shuffle: records are counted as text lines {@code key TAB value NEWLINE}. */
final class Shuffle {
    private Shuffle() {}

    /** UTF-8 length of {@code String.valueOf(o)}, without building a byte array. */
    static long textBytes(Object o) {
        String s = o instanceof String str ? str : String.valueOf(o);
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    /** Bytes of one shuffled pair as a text line. */
    static long pairBytes(Object key, Object value) {
        return textBytes(key) + textBytes(value) + 2;
    }
}
