package sdx.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * File reads and durable writes, measured on this machine in a temporary file that is always deleted.
 * Reads of 4 KiB go through {@link FileChannel}: sequential, random (seeded offsets), and, when the file
 * system allows it, random with the page cache bypassed ({@code O_DIRECT}, which the JDK offers as
 * {@code com.sun.nio.file.ExtendedOpenOption.DIRECT}; tmpfs and some container file systems refuse it).
 * A write of 4 KiB followed by {@link FileChannel#force(boolean)} is the cost of making data durable
 * (fdatasync on Linux). Every phase is bounded in time.
 */
public final class FileLatency {
    private FileLatency() {}

    /** The read and write size. */
    public static final int BLOCK = 4096;
    /** Longest a timed phase runs before it stops early. */
    static final long PHASE_NANOS = 1_000_000_000L;

    /** Latency percentiles of one kind of operation, in microseconds (HdrHistogram, 3 digits). */
    public record Op(String name, long count, double meanUs, double p50Us, double p99Us, double maxUs, double mbPerSecond) {}

    /**
     * What was measured.
     *
     * @param fileBytes  the temporary file's size
     * @param ops        one row per kind of operation
     * @param directNote whether the page cache could be bypassed, and if not, why
     */
    public record Result(long fileBytes, List<Op> ops, String directNote) {
        public Result {
            ops = List.copyOf(ops);
        }

        /** The row named {@code name}, or null. */
        public Op op(String name) {
            for (Op o : ops) if (o.name().equals(name)) return o;
            return null;
        }

        /** One row per operation: count, mean, p50, p99, max (µs) and MB/s. */
        public Table table() {
            StringColumn name = StringColumn.create("operation");
            LongColumn n = LongColumn.create("count");
            DoubleColumn mean = DoubleColumn.create("mean µs"), p50 = DoubleColumn.create("p50 µs"),
                    p99 = DoubleColumn.create("p99 µs"), max = DoubleColumn.create("max µs"),
                    mbs = DoubleColumn.create("MB/s");
            for (Op o : ops) {
                name.append(o.name());
                n.append(o.count());
                mean.append(Tails.round(o.meanUs()));
                p50.append(Tails.round(o.p50Us()));
                p99.append(Tails.round(o.p99Us()));
                max.append(Tails.round(o.maxUs()));
                mbs.append(Math.round(o.mbPerSecond() * 10) / 10.0);
            }
            return Table.create(String.format(Locale.ROOT, "4 KiB operations on a %s temporary file (deleted)",
                    Machine.bytes(fileBytes))).addColumns(name, n, mean, p50, p99, max, mbs);
        }
    }

    /** Names of the rows. */
    public static final String SEQUENTIAL = "read 4 KiB, sequential", RANDOM = "read 4 KiB, random",
            DIRECT = "read 4 KiB, random, page cache bypassed (O_DIRECT)", WRITE = "write 4 KiB (no fsync)",
            FSYNC = "write 4 KiB + fsync";

    /**
     * Writes a {@code fileBytes} file of seeded random bytes in {@code dir} (null: the system temp folder),
     * measures reads and writes, and deletes it. {@code fsyncs} bounds the number of fsync'd writes.
     */
    public static Result measure(Path dir, long fileBytes, int fsyncs, long seed) {
        Check.that(fileBytes >= 1 << 20 && fileBytes <= 1L << 30 && fileBytes % BLOCK == 0, "fileBytes", fileBytes,
                "must be a multiple of 4096 between 1 MiB and 1 GiB");
        Check.inRange("fsyncs", fsyncs, 1, 10_000);
        Path file = null;
        try {
            file = dir == null ? Files.createTempFile("sdx-storage-", ".bin") : Files.createTempFile(dir, "sdx-storage-", ".bin");
            UniformRandomProvider rng = Rng.of(seed);
            fill(file, fileBytes, rng);
            List<Op> ops = new ArrayList<>();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);
                sequential(ch, buf, fileBytes); // warm-up: JIT and page cache
                ops.add(sequential(ch, buf, fileBytes));
                random(ch, buf, fileBytes, 2_000, rng, RANDOM); // warm-up
                ops.add(random(ch, buf, fileBytes, 20_000, rng, RANDOM));
            }
            String note;
            try {
                ops.add(direct(file, fileBytes, 2_000, rng));
                note = "O_DIRECT accepted by this file system: the third row reads from the device (or the VM's host cache)";
            } catch (IOException | UnsupportedOperationException | ReflectiveOperationException | IllegalArgumentException e) {
                note = "O_DIRECT not available here (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "): every read below comes from the page cache";
            }
            ops.addAll(writes(file, fsyncs));
            return new Result(fileBytes, ops, note);
        } catch (IOException e) {
            throw new UncheckedIOException("file measurement failed in " + (file == null ? dir : file) + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    private static void fill(Path file, long bytes, UniformRandomProvider rng) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long done = 0; done < bytes; done += chunk.length) {
                rng.nextBytes(chunk);
                ch.write(ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, bytes - done)));
            }
            ch.force(true);
        }
    }

    private static Histogram histogram() {
        return new Histogram(1, 60_000_000_000L, 3);
    }

    private static Op op(String name, Histogram h, long nanosTotal) {
        double mb = h.getTotalCount() * (double) BLOCK / 1e6;
        return new Op(name, h.getTotalCount(), h.getMean() / 1000, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, mb / (nanosTotal / 1e9));
    }

    private static Op sequential(FileChannel ch, ByteBuffer buf, long bytes) throws IOException {
        Histogram h = histogram();
        long start = System.nanoTime();
        for (long pos = 0; pos < bytes && System.nanoTime() - start < PHASE_NANOS; pos += BLOCK) {
            buf.clear();
            long t0 = System.nanoTime();
            ch.read(buf, pos);
            h.recordValue(Math.max(1, System.nanoTime() - t0));
        }
        return op(SEQUENTIAL, h, System.nanoTime() - start);
    }

    private static Op random(FileChannel ch, ByteBuffer buf, long bytes, int reads, UniformRandomProvider rng, String name)
            throws IOException {
        Histogram h = histogram();
        long blocks = bytes / BLOCK, start = System.nanoTime();
        for (int i = 0; i < reads && System.nanoTime() - start < PHASE_NANOS; i++) {
            buf.clear();
            long pos = rng.nextLong(blocks) * BLOCK;
            long t0 = System.nanoTime();
            ch.read(buf, pos);
            h.recordValue(Math.max(1, System.nanoTime() - t0));
        }
        return op(name, h, System.nanoTime() - start);
    }

    /** Random reads with O_DIRECT; throws if the JDK or the file system refuses it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Op direct(Path file, long bytes, int reads, UniformRandomProvider rng)
            throws IOException, ReflectiveOperationException {
        Class<? extends Enum> type = (Class<? extends Enum>) Class.forName("com.sun.nio.file.ExtendedOpenOption");
        OpenOption direct = (OpenOption) Enum.valueOf(type, "DIRECT");
        int align = (int) Math.max(BLOCK, Files.getFileStore(file).getBlockSize());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, direct)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(2 * align).alignedSlice(align);
            buf.limit(align);
            return random(ch, buf, bytes - bytes % align, reads, rng, DIRECT);
        }
    }

    /** Appends 4 KiB blocks: first without fsync, then each followed by force(false). */
    private static List<Op> writes(Path file, int fsyncs) throws IOException {
        byte[] block = new byte[BLOCK];
        Histogram plain = histogram(), synced = histogram();
        long plainNanos, syncedNanos;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long start = System.nanoTime();
            for (int i = 0; i < 4 * fsyncs && System.nanoTime() - start < PHASE_NANOS; i++) {
                long t0 = System.nanoTime();
                ch.write(ByteBuffer.wrap(block));
                plain.recordValue(Math.max(1, System.nanoTime() - t0));
            }
            plainNanos = System.nanoTime() - start;
            ch.force(false);
            start = System.nanoTime();
            for (int i = 0; i < fsyncs && System.nanoTime() - start < PHASE_NANOS; i++) {
                long t0 = System.nanoTime();
                ch.write(ByteBuffer.wrap(block));
                ch.force(false);
                synced.recordValue(Math.max(1, System.nanoTime() - t0));
            }
            syncedNanos = System.nanoTime() - start;
        }
        return List.of(op(WRITE, plain, plainNanos), op(FSYNC, synced, syncedNanos));
    }
}
