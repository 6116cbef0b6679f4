package sdx.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 11's persistence experiments, on real files in a temp folder that is deleted before each call
 * returns: a walkthrough small enough to check by hand ({@link #walkthrough}), acknowledged writes lost per
 * crash under each durability setting ({@link #crashes}, seeded and repeatable: time is virtual and the crash is
 * modelled as losing what was not forced), and write throughput per fsync policy on this machine's disk
 * ({@link #throughput}, wall clock, with real {@code FileChannel.force} calls).
 */
public final class Persistence {
    private Persistence() {}

    /** The settings the notebook compares: AOF always, everysec and no, and a snapshot every 60 s. */
    public static List<Durability> standard() {
        return List.of(Durability.aof(FsyncPolicy.ALWAYS), Durability.aof(FsyncPolicy.EVERYSEC),
                Durability.aof(FsyncPolicy.NO), Durability.snapshot(60));
    }

    /** The crash experiment's run length: crashes fall uniformly in [0, 120 s), a multiple of every interval. */
    public static final long RUN_MILLIS = 120_000;

    /**
     * A few writes at {@code writesPerSecond} under {@code d}, a crash at {@code crashAtMs}, and the recovery, step
     * by step: bytes in the file (page cache) and bytes forced to the device after each event.
     */
    public static Table walkthrough(Durability d, double writesPerSecond, long crashAtMs, long seed) {
        Check.notNull("d", d);
        Check.inRange("writesPerSecond", writesPerSecond, 0.1, 100);
        if (crashAtMs < 1 || crashAtMs > 10_000) throw Check.fail("crashAtMs must be in [1, 10000], was " + crashAtMs);
        CrashTrial.Outcome o = inTempDir(dir -> CrashTrial.run(dir, d, writesPerSecond, crashAtMs, Rng.of(seed), true));
        DoubleColumn at = DoubleColumn.create("time (virtual ms)"), written = DoubleColumn.create("bytes in file"),
                durable = DoubleColumn.create("bytes forced to disk");
        StringColumn event = StringColumn.create("event");
        for (CrashTrial.Step s : o.steps()) {
            at.append(Math.round(s.atMs() * 10) / 10.0);
            event.append(s.event());
            written.append(s.writtenBytes());
            durable.append(s.durableBytes());
        }
        return Table.create(d.label() + ", " + fmt(writesPerSecond) + " writes/s, crash at " + crashAtMs + " ms")
                .addColumns(at, event, written, durable);
    }

    /** Crashes of one durability setting. */
    public record Losses(Durability durability, long[] crashAtMs, int[] acked, int[] lost, int tornTails) {
        public Losses {
            crashAtMs = crashAtMs.clone();
            acked = acked.clone();
            lost = lost.clone();
        }

        @Override public long[] crashAtMs() { return crashAtMs.clone(); }
        @Override public int[] acked() { return acked.clone(); }
        @Override public int[] lost() { return lost.clone(); }

        /** Mean acknowledged writes lost per crash. */
        public double meanLost() {
            return java.util.Arrays.stream(lost).average().orElse(0);
        }

        /** Most acknowledged writes lost in one crash. */
        public int maxLost() {
            return java.util.Arrays.stream(lost).max().orElse(0);
        }
    }

    /**
     * The crash study: for each setting, {@code crashes} runs with writes at {@code writesPerSecond}, each crashing
     * at a uniformly random time in [0, {@link #RUN_MILLIS}), each recovered from what reached the disk.
     *
     * @param settings        durability settings to compare (e.g. {@link #standard()})
     * @param writesPerSecond mean write rate, 1 to 200
     * @param crashes         crashes per setting, 1 to 500
     * @param seed            the same seed gives the same crash times, writes and torn records
     */
    public static CrashStudy crashes(List<Durability> settings, double writesPerSecond, int crashes, long seed) {
        Check.notEmpty("settings", settings);
        Check.inRange("writesPerSecond", writesPerSecond, 1, 200);
        Check.inRange("crashes", crashes, 1, 500);
        List<Losses> rows = inTempDir(dir -> {
            List<Losses> out = new ArrayList<>();
            for (int s = 0; s < settings.size(); s++) {
                Durability d = Check.notNull("settings[" + s + "]", settings.get(s));
                long[] at = new long[crashes];
                int[] acked = new int[crashes], lost = new int[crashes];
                int torn = 0;
                for (int i = 0; i < crashes; i++) {
                    UniformRandomProvider rng = Rng.of(seed, i); // crash i: the same time and writes for every setting
                    at[i] = rng.nextLong(RUN_MILLIS);
                    CrashTrial.Outcome o = CrashTrial.run(dir, d, writesPerSecond, at[i], rng, false);
                    acked[i] = o.acked();
                    lost[i] = o.lost();
                    if (o.tornTail()) torn++;
                }
                out.add(new Losses(d, at, acked, lost, torn));
            }
            return out;
        });
        return new CrashStudy(rows, writesPerSecond);
    }

    /**
     * Write throughput of an append-only log on this machine's disk, per fsync policy: {@code SET} records of
     * about 40 bytes appended for {@code millisPerPolicy} of wall-clock time each, with a real
     * {@code FileChannel.force} before every acknowledgement ({@code always}), once a second ({@code everysec},
     * inline here; Redis does it on a background thread) or never ({@code no}); plus the same commands applied
     * to memory only. Wall-clock numbers: they vary from run to run and with what else the machine does.
     */
    public static Table throughput(long millisPerPolicy) {
        if (millisPerPolicy < 50 || millisPerPolicy > 3_000) {
            throw Check.fail("millisPerPolicy must be in [50, 3000], was " + millisPerPolicy);
        }
        StringColumn policy = StringColumn.create("policy");
        DoubleColumn writes = DoubleColumn.create("writes/s"), fsyncs = DoubleColumn.create("fsyncs/s"),
                micros = DoubleColumn.create("µs per write");
        inTempDir(dir -> {
            for (FsyncPolicy p : FsyncPolicy.values()) {
                double[] r = measure(dir.resolve("bench-" + p.redisName() + ".aof"), p, millisPerPolicy);
                policy.append("AOF appendfsync " + p.redisName());
                writes.append(Math.round(r[0]));
                fsyncs.append(Math.round(r[1] * 10) / 10.0);
                micros.append(Math.round(1e6 / r[0] * 100) / 100.0);
            }
            return null;
        });
        double memory = memoryOnly(Math.min(millisPerPolicy, 300));
        policy.append("memory only (no persistence)");
        writes.append(Math.round(memory));
        fsyncs.append(0);
        micros.append(Math.round(1e6 / memory * 1000) / 1000.0);
        return Table.create("Append-only log write throughput on this machine (wall clock, " + millisPerPolicy
                + " ms per policy)").addColumns(policy, writes, fsyncs, micros);
    }

    private static double[] measure(Path file, FsyncPolicy p, long millis) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long start = System.nanoTime(), end = start + millis * 1_000_000, lastSync = start;
            int n = 0, syncs = 0;
            long now = start;
            while (now < end) {
                ByteBuffer b = ByteBuffer.wrap(Resp.set("order:" + n, "v" + n));
                while (b.hasRemaining()) ch.write(b);
                now = System.nanoTime();
                if (p == FsyncPolicy.ALWAYS || (p == FsyncPolicy.EVERYSEC && now - lastSync >= 1_000_000_000L)) {
                    ch.force(false);
                    syncs++;
                    now = System.nanoTime();
                    lastSync = now;
                }
                n++;
            }
            double seconds = (now - start) / 1e9;
            return new double[] {n / seconds, syncs / seconds};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double memoryOnly(long millis) {
        KvStore store = KvStore.unbounded(new VirtualClock());
        long start = System.nanoTime(), end = start + millis * 1_000_000, now = start;
        int n = 0;
        while (now < end) {
            store.put("order:" + (n % 100_000), "v" + n);
            n++;
            if ((n & 255) == 0) now = System.nanoTime();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private interface InDir<T> {
        T run(Path dir) throws IOException;
    }

    /** Runs {@code body} in a fresh temp folder and deletes the folder afterwards, whatever happens. */
    private static <T> T inTempDir(InDir<T> body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sdx-kv-");
            return body.run(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
