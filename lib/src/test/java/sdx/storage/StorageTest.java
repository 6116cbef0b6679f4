package sdx.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdx.core.Rng;

/** The machine measurements: structure, the Sattolo cycle, bad input, and no file left behind. */
class StorageTest {
    @Test
    void sattoloMakesOneCycleThroughEveryLine() {
        int lines = 1_000;
        int[] next = new int[lines * MemoryLatency.INTS_PER_LINE];
        UniformRandomProvider rng = Rng.of(1);
        MemoryLatency.randomCycle(next, lines, rng);
        boolean[] seen = new boolean[lines];
        int at = 0;
        for (int k = 0; k < lines; k++) {
            int line = at / MemoryLatency.INTS_PER_LINE;
            assertFalse(seen[line], "line " + line + " visited twice before the lap ended");
            seen[line] = true;
            at = next[at];
        }
        assertEquals(0, at, "one lap returns to the start");
    }

    @Test
    void randomAccessBeyondTheCachesIsSlowerThanInL1() {
        // 16 KiB fits any L1; 64 MiB exceeds the L3 of most machines (this one's is read in Machine.caches()).
        // Main memory is ~50-100x slower than L1; asserting only 3x leaves room for a busy shared machine.
        MemoryLatency.Curve c = MemoryLatency.measure(16 << 10, 64 << 20, 4, 1 << 18, 3, 1);
        assertTrue(c.randomNs()[c.randomNs().length - 1] > 3 * c.randomNs()[0], c.table().print());
        assertTrue(c.streamGBps() > 0);
        assertEquals(7, c.bytes().length); // 16 KiB, 64 KiB, ..., 64 MiB
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> MemoryLatency.measure(16 << 10, 3_000_000, 4, 1000, 1, 1));
        assertTrue(e.getMessage().contains("maxBytes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MemoryLatency.measure(16 << 10, 1L << 40, 4, 1000, 1, 1));
        assertTrue(e.getMessage().contains("heap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FileLatency.measure(null, 1000, 10, 1));
        assertTrue(e.getMessage().contains("fileBytes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Storage.hedged(TailModel.typical(), 10, 100, 1000, 1));
        assertTrue(e.getMessage().contains("hedgePercentile"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TailModel(1, 1.0, 1, 1));
        assertTrue(e.getMessage().contains("slowShare"), e.getMessage());
    }

    @Test
    void fileMeasurementDeletesItsFile(@TempDir Path dir) throws IOException {
        FileLatency.Result r = FileLatency.measure(dir, 4L << 20, 20, 1);
        for (String op : new String[] {FileLatency.SEQUENTIAL, FileLatency.RANDOM, FileLatency.WRITE, FileLatency.FSYNC}) {
            assertNotNull(r.op(op), op);
            assertTrue(r.op(op).count() > 0, op);
        }
        assertEquals(4L << 20, r.fileBytes());
        assertEquals(1024, r.op(FileLatency.SEQUENTIAL).count(), "every 4 KiB block of 4 MiB read once");
        assertNotNull(r.directNote());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "temporary file left behind");
        }
    }

    @Test
    void latencyTableConvertsRatesAndMeansToNanoseconds() {
        // 1 GB/s streams 1 MB in 1 ms = 10^6 ns; 1,000 MB/s of file reads likewise; a 3 µs mean is 3,000 ns
        var memory = new MemoryLatency.Curve(new long[] {16 << 10, 256 << 20}, new double[] {1, 100}, new double[] {1, 2}, 1.0, 0);
        FileLatency.Op seq = new FileLatency.Op(FileLatency.SEQUENTIAL, 10, 4, 4, 4, 4, 1000);
        FileLatency.Op rnd = new FileLatency.Op(FileLatency.RANDOM, 10, 3, 3, 3, 3, 1000);
        FileLatency.Op fsync = new FileLatency.Op(FileLatency.FSYNC, 10, 2000, 2000, 2000, 2000, 2);
        var table = LatencyNumbers.compare(memory, new FileLatency.Result(1 << 20, java.util.List.of(seq, rnd, fsync), "test"));
        var ops = table.stringColumn("operation");
        var here = table.doubleColumn("this machine (ns)");
        for (int i = 0; i < table.rowCount(); i++) {
            String op = ops.get(i);
            if (op.equals("Read 1 MB sequentially from memory") || op.equals("Read 1 MB sequentially from SSD")) {
                assertEquals(1e6, here.get(i), 1e-6, op);
            }
            if (op.equals("Read 4 KB randomly from SSD")) assertEquals(3000, here.get(i), 1e-6, op);
            if (op.equals("Main memory reference")) assertEquals(100, here.get(i), 1e-6, op);
        }
        assertEquals(0.02, table.doubleColumn("this machine / 2012").get(ops.indexOf("Read 4 KB randomly from SSD")), 1e-12);
    }

    @Test
    void latencyTableHasTheClassicRowsAndRatios() {
        assertEquals(3.0, LatencyNumbers.ratio(1, 3), 1e-12);
        assertEquals(0.05, LatencyNumbers.ratio(100, 5), 1e-12);
        assertEquals(13.0, LatencyNumbers.ratio(0.5, 6.549), 1e-12);
        assertTrue(Double.isNaN(LatencyNumbers.ratio(Double.NaN, 5)));
        assertEquals(14, LatencyNumbers.classic().size());
        assertEquals("16 KiB", Machine.bytes(16 << 10));
        assertEquals("1.5 GiB", Machine.bytes(3L << 29));
    }
}
