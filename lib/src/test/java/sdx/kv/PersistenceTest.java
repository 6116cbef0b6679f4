package sdx.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PersistenceTest {

    @Test
    void respRoundTripAndTornTail() {
        byte[] one = Resp.set("a", "x y\r\n"), two = Resp.del("a"), three = Resp.set("b", "é");
        assertEquals("*3\r\n$3\r\nSET\r\n$1\r\na\r\n$5\r\nx y\r\n\r\n", new String(one, java.nio.charset.StandardCharsets.UTF_8));
        byte[] log = concat(one, two, three);
        Resp.Replay r = Resp.replay(log);
        assertEquals(Map.of("b", "é"), r.state());
        assertEquals(3, r.commands());
        assertFalse(r.tornTail());
        for (int cut = one.length + two.length + 1; cut < log.length; cut++) {
            Resp.Replay torn = Resp.replay(Arrays.copyOf(log, cut));
            assertEquals(Map.of(), torn.state(), "cut at " + cut);
            assertTrue(torn.tornTail());
            assertEquals(one.length + two.length, torn.validBytes());
        }
        byte[] corrupt = log.clone();
        corrupt[0] = 'x';
        assertThrows(IllegalStateException.class, () -> Resp.replay(corrupt));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.write(p, 0, p.length);
        return out.toByteArray();
    }

    /**
     * Theory: a crash uniform in time loses rate × interval / 2 acknowledged writes on average. The loss of one
     * crash is Poisson(λ·U·I) with U uniform, of variance λI/2 + (λI)²/12; over 400 crashes the standard error of
     * the mean is 3% to 4% of the mean for these settings, so 12% is about four standard errors.
     */
    @Test
    void meanLossAgreesWithTheory() {
        List<Durability> settings = List.of(Durability.aof(FsyncPolicy.EVERYSEC), Durability.aof(FsyncPolicy.NO),
                Durability.snapshot(60));
        CrashStudy study = Persistence.crashes(settings, 20, 400, 7);
        for (Persistence.Losses r : study.rows()) {
            double theory = Theory.meanLostWrites(20, r.durability().intervalMillis() / 1000.0);
            assertEquals(theory, r.meanLost(), 0.12 * theory, r.durability().label());
        }
        assertTrue(study.row("AOF appendfsync everysec").tornTails() > 100, "about half the crashes tear a record");
    }

    @Test
    void alwaysLosesNothingAndRunsRepeat() {
        List<Durability> settings = Persistence.standard();
        CrashStudy a = Persistence.crashes(settings, 20, 8, 3), b = Persistence.crashes(settings, 20, 8, 3);
        assertEquals(0, a.row("AOF appendfsync always").maxLost());
        for (int i = 0; i < settings.size(); i++) {
            assertArrayEquals(a.rows().get(i).lost(), b.rows().get(i).lost(), "same seed, same losses");
            assertArrayEquals(a.rows().get(0).acked(), a.rows().get(i).acked(), "every setting sees the same writes");
        }
        assertEquals(4, a.table().rowCount());
        assertEquals(2, a.plot().seriesCount());
    }

    /** Four writes at 1 s fsyncs: everything before the last fsync survives, the rest is lost, by hand. */
    @Test
    void walkthroughRecoversWhatWasForced() {
        var t = Persistence.walkthrough(Durability.aof(FsyncPolicy.EVERYSEC), 4, 2_300, 42);
        List<String> events = t.stringColumn("event").asList();
        assertEquals("power failure", events.get(events.size() - 2));
        long acked = events.stream().filter(e -> e.endsWith("acknowledged")).count();
        long beforeLastFsync = 0;
        double lastFsync = 0;
        for (int i = 0; i < t.rowCount(); i++) if (events.get(i).equals("fsync")) lastFsync = t.doubleColumn(0).get(i);
        for (int i = 0; i < t.rowCount(); i++) {
            if (events.get(i).endsWith("acknowledged") && t.doubleColumn(0).get(i) < lastFsync) beforeLastFsync++;
        }
        assertEquals("recovered " + beforeLastFsync + " of " + acked + " writes", events.get(events.size() - 1)
                .replace(", torn last record ignored", ""));
    }

    @Test
    void noTempFilesLeftBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = count(tmp);
        Persistence.crashes(Persistence.standard(), 10, 2, 1);
        Persistence.throughput(50);
        assertEquals(before, count(tmp));
    }

    private static long count(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("sdx-kv-")).count();
        }
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Persistence.crashes(Persistence.standard(), 0, 5, 1));
        assertTrue(e.getMessage().contains("writesPerSecond must be in [1.0, 200.0], was 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Durability.snapshot(0));
        assertTrue(e.getMessage().contains("seconds must be in [1, 3600], was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Persistence.throughput(10));
        assertTrue(e.getMessage().contains("millisPerPolicy must be in [50, 3000], was 10"), e.getMessage());
    }
}
