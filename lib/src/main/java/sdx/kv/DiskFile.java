package sdx.kv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A real file with a model of the operating system's page cache in front of it. {@link #append} puts bytes in
 * the model's page cache (a buffer in memory: written and acknowledged, not yet on the device);
 * {@link #fsync} writes them to the file and, if asked to, forces it ({@code FileChannel.force}); the kernel's
 * own {@link #writeBack} writes them without a force call. {@link #crash} is a power failure: the buffered
 * bytes are lost, except at most a few first ones (a write the kernel had begun to flush), so the file may
 * end in a torn record.
 */
final class DiskFile implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final boolean realFsync;
    private final java.io.ByteArrayOutputStream pageCache = new java.io.ByteArrayOutputStream();
    private long written, durable, fsyncs;

    /** @param realFsync false: record the fsync in the model only (the crash experiment, where time is virtual) */
    DiskFile(Path path, boolean realFsync) {
        this.path = path;
        this.realFsync = realFsync;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void append(byte[] bytes) {
        pageCache.write(bytes, 0, bytes.length);
        written += bytes.length;
    }

    private void flush(int upTo) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(pageCache.toByteArray(), 0, upTo);
        while (b.hasRemaining()) channel.write(b);
        pageCache.reset();
    }

    /** Forces everything written so far to the device. */
    void fsync() {
        try {
            flush(pageCache.size());
            if (realFsync) channel.force(false);
            durable = written;
            fsyncs++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel wrote the dirty pages back on its own (the model's write-back; no fsync call). */
    void writeBack() {
        try {
            flush(pageCache.size());
            durable = written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Power failure: keeps the durable bytes and {@code tornBytes} (at most) of the rest; closes the file. */
    void crash(long tornBytes) {
        try {
            flush((int) Math.min(tornBytes, written - durable));
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long written() { return written; }
    long durable() { return durable; }
    long fsyncs() { return fsyncs; }
    Path path() { return path; }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
