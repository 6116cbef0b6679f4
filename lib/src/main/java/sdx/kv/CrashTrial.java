package sdx.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One run of a store until a crash, then its recovery, on real files in a given folder. Writes arrive as a
 * Poisson stream on a virtual clock ({@code SET order:<n> v<n>}, each key new, so every lost write is a missing
 * key); each is acknowledged once it is in the log file (after its fsync under {@code always}) or in memory
 * (snapshots). At the crash, the un-forced bytes are dropped ({@link DiskFile#crash}); recovery replays the file
 * that survived and counts the acknowledged writes it does not hold.
 */
final class CrashTrial {
    private CrashTrial() {}

    /** Up to this many bytes of the first un-forced record may reach the disk (records are >= 34 bytes). */
    static final int MAX_TORN_BYTES = 20;

    /** One step of the run, for the hand-sized walkthrough. */
    record Step(double atMs, String event, long writtenBytes, long durableBytes) {}

    record Outcome(long crashAtMs, int acked, int lost, boolean tornTail, List<Step> steps) {}

    static Outcome run(Path dir, Durability d, double writesPerSecond, long crashAtMs, UniformRandomProvider rng,
            boolean keepSteps) {
        List<Step> steps = new ArrayList<>();
        Path aof = dir.resolve("appendonly.aof"), rdb = dir.resolve("dump.rdb"), tmp = dir.resolve("temp.rdb");
        Map<String, String> memory = new LinkedHashMap<>();
        DiskFile log = d.isSnapshot() ? null : new DiskFile(aof, false);
        int acked = 0;
        long nextDurable = d.intervalMillis() == 0 ? Long.MAX_VALUE : d.intervalMillis();
        double t = nextGap(rng, writesPerSecond);
        try {
            while (true) {
                double next = Math.min(t, crashAtMs);
                while (nextDurable <= next) { // fsync, kernel write-back or snapshot due before the next write
                    durablePoint(d, log, memory, tmp, rdb);
                    if (keepSteps) steps.add(step(nextDurable, d.isSnapshot() ? "snapshot" : d.fsync() == FsyncPolicy.NO
                            ? "kernel writes back" : "fsync", log, memory, rdb));
                    nextDurable += d.intervalMillis();
                }
                if (t > crashAtMs) break;
                String key = "order:" + (acked + 1), value = "v" + (acked + 1);
                memory.put(key, value);
                if (log != null) {
                    log.append(Resp.set(key, value));
                    if (d.fsync() == FsyncPolicy.ALWAYS) log.fsync();
                }
                acked++;
                if (keepSteps) steps.add(step(t, "SET " + key + " acknowledged", log, memory, rdb));
                t += nextGap(rng, writesPerSecond);
            }
            boolean torn = false;
            if (log != null) {
                long tail = log.written() - log.durable();
                long tornBytes = tail > 0 && rng.nextBoolean() ? 1 + rng.nextInt(MAX_TORN_BYTES) : 0;
                log.crash(tornBytes);
                torn = tornBytes > 0;
            }
            if (keepSteps) steps.add(new Step(crashAtMs, "power failure", size(aof), size(d.isSnapshot() ? rdb : aof)));
            Path survivor = d.isSnapshot() ? rdb : aof;
            byte[] bytes = Files.exists(survivor) ? Files.readAllBytes(survivor) : new byte[0];
            Resp.Replay replay = Resp.replay(bytes);
            int held = 0;
            for (String key : replay.state().keySet()) {
                if (!memory.containsKey(key)) throw new IllegalStateException("recovered " + key + ", never acknowledged");
                held++;
            }
            if (keepSteps) steps.add(new Step(crashAtMs, "recovered " + held + " of " + acked + " writes"
                    + (replay.tornTail() ? ", torn last record ignored" : ""), bytes.length, bytes.length));
            return new Outcome(crashAtMs, acked, acked - held, replay.tornTail(), steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (log != null) log.close();
            delete(aof);
            delete(rdb);
            delete(tmp);
        }
    }

    private static double nextGap(UniformRandomProvider rng, double writesPerSecond) {
        return -Math.log(1 - rng.nextDouble()) * 1_000 / writesPerSecond;
    }

    private static void durablePoint(Durability d, DiskFile log, Map<String, String> memory, Path tmp, Path rdb)
            throws IOException {
        if (!d.isSnapshot()) {
            if (d.fsync() == FsyncPolicy.NO) log.writeBack();
            else log.fsync();
            return;
        }
        try (DiskFile snapshot = new DiskFile(tmp, false)) {
            for (Map.Entry<String, String> e : memory.entrySet()) snapshot.append(Resp.set(e.getKey(), e.getValue()));
            snapshot.fsync();
        }
        Files.move(tmp, rdb, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Step step(double atMs, String event, DiskFile log, Map<String, String> memory, Path rdb) {
        if (log != null) return new Step(atMs, event, log.written(), log.durable());
        return new Step(atMs, event, 0, size(rdb));
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
