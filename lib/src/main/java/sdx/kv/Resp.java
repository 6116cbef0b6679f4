package sdx.kv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdx.core.Check;

/**
 * Commands as Redis writes them to its append-only file: RESP arrays of bulk strings, e.g. {@code SET k v} is
 * {@code *3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n}. Each string carries its length, so values may hold any
 * bytes (spaces, newlines). {@link #replay} rebuilds the state from a log, ignoring a torn last command the way
 * Redis does with {@code aof-load-truncated yes}.
 */
public final class Resp {
    private Resp() {}

    /** {@code SET key value} as RESP bytes. */
    public static byte[] set(String key, String value) {
        return command("SET", Check.notNull("key", key), Check.notNull("value", value));
    }

    /** {@code DEL key} as RESP bytes. */
    public static byte[] del(String key) {
        return command("DEL", Check.notNull("key", key));
    }

    /** Any command as a RESP array of bulk strings. */
    public static byte[] command(String... parts) {
        Check.that(parts.length > 0, "parts", 0, "at least one part (the command name)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "*" + parts.length + "\r\n");
        for (String part : parts) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            ascii(out, "$" + b.length + "\r\n");
            out.write(b, 0, b.length);
            ascii(out, "\r\n");
        }
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
    }

    /**
     * What a replay recovered.
     *
     * @param state      the key-value state after every complete command, in order
     * @param commands   complete commands applied
     * @param validBytes bytes of the log those commands span (Redis truncates the file to this)
     * @param tornTail   true if bytes after them did not form a complete command
     */
    public record Replay(Map<String, String> state, int commands, int validBytes, boolean tornTail) {
        public Replay {
            state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
        }
    }

    /**
     * Replays {@code SET} and {@code DEL} commands in order. A log that ends inside a command (a crash tore the
     * last write) keeps every command before it; a log that is malformed elsewhere is refused.
     */
    public static Replay replay(byte[] log) {
        Check.notNull("log", log);
        Map<String, String> state = new LinkedHashMap<>();
        int pos = 0, commands = 0;
        while (pos < log.length) {
            Parsed p = parse(log, pos);
            if (p == null) return new Replay(state, commands, pos, true);
            apply(state, p.parts(), pos);
            commands++;
            pos = p.end();
        }
        return new Replay(state, commands, pos, false);
    }

    private record Parsed(List<String> parts, int end) {}

    /** The command starting at {@code pos}, or null if the log ends inside it. */
    private static Parsed parse(byte[] log, int pos) {
        int[] n = number(log, pos, '*');
        if (n == null) return null;
        List<String> parts = new ArrayList<>();
        int at = n[1];
        for (int i = 0; i < n[0]; i++) {
            int[] len = number(log, at, '$');
            if (len == null) return null;
            int start = len[1], end = start + len[0];
            if (end + 2 > log.length) return null;
            if (log[end] != '\r' || log[end + 1] != '\n') throw corrupt(end);
            parts.add(new String(log, start, len[0], StandardCharsets.UTF_8));
            at = end + 2;
        }
        return new Parsed(parts, at);
    }

    /** Reads "{prefix}digits\r\n" at pos: {value, position after it}, or null if the log ends first. */
    private static int[] number(byte[] log, int pos, char prefix) {
        if (pos >= log.length) return null;
        if (log[pos] != prefix) throw corrupt(pos);
        int value = 0, at = pos + 1;
        while (at < log.length && log[at] != '\r') {
            if (log[at] < '0' || log[at] > '9') throw corrupt(at);
            value = value * 10 + (log[at] - '0');
            at++;
        }
        if (at + 1 >= log.length) return null;
        if (log[at + 1] != '\n') throw corrupt(at + 1);
        return new int[] {value, at + 2};
    }

    private static void apply(Map<String, String> state, List<String> parts, int pos) {
        String name = parts.get(0).toUpperCase(java.util.Locale.ROOT);
        if (name.equals("SET") && parts.size() == 3) state.put(parts.get(1), parts.get(2));
        else if (name.equals("DEL") && parts.size() >= 2) parts.subList(1, parts.size()).forEach(state::remove);
        else throw new IllegalStateException("unknown command " + parts + " at byte " + pos);
    }

    private static IllegalStateException corrupt(int at) {
        return new IllegalStateException("the log is corrupt at byte " + at + " (not a torn tail: Redis refuses to load it)");
    }
}
