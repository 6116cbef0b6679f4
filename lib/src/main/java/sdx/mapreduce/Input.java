package sdx.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import sdx.core.Check;

/**
 * A job's input, cut into {@code M} splits, one per map task (the paper's 16-64 MB pieces of GFS
 * files). Two kinds: an in-memory list ({@link #of(List)}) and a text file read in byte ranges
 * ({@link #textFile(Path)}), so that map tasks read their split in parallel.
 *
 * @param <I> record type
 */
public interface Input<I> {

    /** Cuts the input into at most {@code m} splits (fewer when there are fewer records than m). */
    List<Split<I>> splits(int m);

    /** Total size in bytes (UTF-8 text for lines; an estimate from {@code toString()} otherwise). */
    long bytes();

    /**
     * One split: the records a single map task reads.
     *
     * @param <I> record type
     */
    interface Split<I> {
        /** Number of records in the split, or -1 when unknown before reading (file splits). */
        long records();

        /** Feeds every record of the split, in order, to {@code action}. */
        void forEach(Consumer<? super I> action);
    }

    /** An in-memory input: {@code records} cut into contiguous, near-equal sublists. */
    static <I> Input<I> of(List<I> records) {
        Check.notNull("records", records);
        List<I> copy = List.copyOf(records);
        return new Input<>() {
            @Override
            public List<Split<I>> splits(int m) {
                Check.positive("mapTasks", m);
                int n = copy.size();
                int parts = Math.max(1, Math.min(m, n));
                List<Split<I>> out = new ArrayList<>(parts);
                for (int i = 0; i < parts; i++) {
                    List<I> part = copy.subList((int) ((long) n * i / parts), (int) ((long) n * (i + 1) / parts));
                    out.add(new Split<>() {
                        @Override public long records() { return part.size(); }
                        @Override public void forEach(Consumer<? super I> action) { part.forEach(action); }
                    });
                }
                return out;
            }

            @Override
            public long bytes() {
                long b = 0;
                for (I r : copy) b += Shuffle.textBytes(r) + 1;
                return b;
            }
        };
    }

    /**
     * A UTF-8 text file whose records are its lines, split by byte ranges like Hadoop's
     * TextInputFormat: a split that starts mid-line skips to the next line, and every split reads
     * past its end to finish its last line, so each line is read exactly once.
     */
    static Input<String> textFile(Path file) {
        Check.notNull("file", file);
        Check.that(Files.isRegularFile(file), "file", file, "must be an existing file");
        return new TextFileInput(file);
    }
}

/** Byte-range splits of a text file; see {@link Input#textFile(Path)}. */
final class TextFileInput implements Input<String> {
    private static final int BUFFER = 1 << 16;
    private final Path file;

    TextFileInput(Path file) {
        this.file = file;
    }

    @Override
    public long bytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the size of " + file, e);
        }
    }

    @Override
    public List<Split<String>> splits(int m) {
        Check.positive("mapTasks", m);
        long size = bytes();
        int parts = (int) Math.max(1, Math.min(m, size));
        List<Split<String>> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            long start = size * i / parts, end = size * (i + 1) / parts;
            out.add(new Split<>() {
                @Override public long records() { return -1; }
                @Override public void forEach(Consumer<? super String> action) { read(start, end, action); }
            });
        }
        return out;
    }

    /** Emits every line that starts in [start, end): a line starts at 0 or right after a '\n'. */
    private void read(long start, long end, Consumer<? super String> action) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            byte[] bytes = buf.array();
            byte[] line = new byte[256];
            int len = 0;
            long pos = start; // file position of bytes[0] in the current buffer
            boolean skipping = start > 0 && !precededByNewline(ch, start);
            ch.position(start);
            while (true) {
                buf.clear();
                int n = ch.read(buf);
                if (n <= 0) break;
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (bytes[i] != '\n') continue;
                    if (skipping) {
                        skipping = false;
                    } else {
                        int part = i - from;
                        if (len + part > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, len + part));
                        System.arraycopy(bytes, from, line, len, part);
                        len += part;
                        action.accept(new String(line, 0, len, StandardCharsets.UTF_8));
                        len = 0;
                    }
                    from = i + 1;
                    if (pos + from >= end) return; // the next line starts in the following split
                }
                if (!skipping) { // keep the unfinished line for the next buffer
                    int part = n - from;
                    if (len + part > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, len + part));
                    System.arraycopy(bytes, from, line, len, part);
                    len += part;
                }
                pos += n;
            }
            if (!skipping && len > 0) action.accept(new String(line, 0, len, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static boolean precededByNewline(FileChannel ch, long start) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, start - 1);
        return one.get(0) == '\n';
    }
}
