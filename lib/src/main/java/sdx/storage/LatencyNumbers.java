package sdx.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sdx.core.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The classic "latency numbers every programmer should know", beside this machine's measurements.
 *
 * <p>The version quoted is the 2012 one popularised by Jonas Bonér's GitHub gist "Latency Numbers Every
 * Programmer Should Know", which collects the figures Jeff Dean presented (Dean, "Designs, Lessons and Advice
 * from Building Large Distributed Systems", LADIS keynote, 2009; first circulated via Peter Norvig's "Teach
 * Yourself Programming in Ten Years", 2001) and adds the SSD rows. They describe a 2009-2012 server; read
 * them as orders of magnitude.
 */
public final class LatencyNumbers {
    private LatencyNumbers() {}

    /** One classic row: what, and its latency in ns. */
    public record Classic(String operation, double ns) {}

    /** The 2012 gist's rows (ns). */
    public static List<Classic> classic() {
        return List.of(
                new Classic("L1 cache reference", 0.5),
                new Classic("Branch mispredict", 5),
                new Classic("L2 cache reference", 7),
                new Classic("Mutex lock/unlock", 25),
                new Classic("Main memory reference", 100),
                new Classic("Compress 1 KB with Zippy", 3_000),
                new Classic("Send 1 KB over a 1 Gbps network", 10_000),
                new Classic("Read 4 KB randomly from SSD", 150_000),
                new Classic("Read 1 MB sequentially from memory", 250_000),
                new Classic("Round trip within the same datacenter", 500_000),
                new Classic("Read 1 MB sequentially from SSD", 1_000_000),
                new Classic("Disk seek", 10_000_000),
                new Classic("Read 1 MB sequentially from disk", 20_000_000),
                new Classic("Send packet CA -> Netherlands -> CA", 150_000_000));
    }

    /** The classic table alone. */
    public static Table classicTable() {
        StringColumn op = StringColumn.create("operation");
        DoubleColumn ns = DoubleColumn.create("ns (2012)");
        for (Classic c : classic()) {
            op.append(c.operation());
            ns.append(c.ns());
        }
        return Table.create("Latency numbers every programmer should know (Dean 2009 / Bonér's gist 2012)").addColumns(op, ns);
    }

    /**
     * The classic rows this notebook can measure, each beside this machine's figure, the ratio, and why
     * they differ; plus the fsync row the classic table does not have.
     */
    public static Table compare(MemoryLatency.Curve memory, FileLatency.Result files) {
        Check.notNull("memory", memory);
        Check.notNull("files", files);
        Map<String, Long> caches = Machine.caches();
        long l1 = caches.getOrDefault("L1", 32L * 1024), l2 = caches.getOrDefault("L2", 256L * 1024);
        List<Object[]> rows = new ArrayList<>();
        rows.add(row("L1 cache reference", 0.5, memory.randomNsAt(l1 / 2),
                "random chase in " + Machine.bytes(Math.min(l1 / 2, memory.largest())),
                "a chase measures load-to-use latency, about 4-5 cycles; 0.5 ns is about one cycle of a 2009 CPU"));
        rows.add(row("L2 cache reference", 7, memory.randomNsAt(l2 / 2),
                "random chase in " + Machine.bytes(Math.min(l2 / 2, memory.largest())),
                "a chase in L2 pays L2's load-to-use latency, about 12-16 cycles on current CPUs; 7 ns is a 2009 L2"));
        rows.add(row("Main memory reference", 100, memory.randomNs()[memory.randomNs().length - 1],
                "random chase in " + Machine.bytes(memory.largest()),
                "each random line also misses the TLB (4 KiB pages); in a VM the page walk is nested, so often > 100 ns"));
        rows.add(row("Read 1 MB sequentially from memory", 250_000, 1e6 / memory.streamGBps(),
                "sum over " + Machine.bytes(memory.largest()),
                "one core streaming; memory bandwidth has grown since 2012 and the prefetcher hides the latency"));
        FileLatency.Op random = files.op(FileLatency.RANDOM), seq = files.op(FileLatency.SEQUENTIAL),
                direct = files.op(FileLatency.DIRECT), fsync = files.op(FileLatency.FSYNC);
        rows.add(row("Read 4 KB randomly from SSD", 150_000, random.meanUs() * 1000, "random 4 KiB pread, mean",
                "the file was just written, so it sits in the OS page cache: this is a system call plus a memory copy, not the SSD"));
        if (direct != null) {
            rows.add(row("Read 4 KB randomly from SSD", 150_000, direct.meanUs() * 1000, "same with O_DIRECT, mean",
                    "the device itself (or the hypervisor's cache in a VM); modern NVMe SSDs answer in tens of µs"));
        }
        rows.add(row("Read 1 MB sequentially from SSD", 1_000_000, 1e9 / seq.mbPerSecond(),
                "sequential 4 KiB preads",
                "page cache again: memory speed minus one system call per 4 KiB; a real device read streams at 0.5-7 GB/s"));
        rows.add(row("Disk seek", 10_000_000, Double.NaN, "not measured",
                "no spinning disk assumed; an SSD has no head to move"));
        rows.add(row("Round trip within the same datacenter", 500_000, Double.NaN, "not measured here",
                "notebook 01 measures a loopback round trip; a real network adds switches and distance"));
        rows.add(row("(not in the table) write 4 KiB + fsync", Double.NaN, fsync.meanUs() * 1000, "append + force(false), mean",
                "durability waits for the device to confirm: often the slowest local operation, and it varies most by machine"));
        StringColumn op = StringColumn.create("operation"), how = StringColumn.create("measured as"),
                why = StringColumn.create("why it differs");
        DoubleColumn classic = DoubleColumn.create("2012 (ns)"), here = DoubleColumn.create("this machine (ns)"),
                ratio = DoubleColumn.create("this machine / 2012");
        for (Object[] r : rows) {
            op.append((String) r[0]);
            classic.append((Double) r[1]);
            here.append((Double) r[2]);
            how.append((String) r[3]);
            ratio.append(ratio((Double) r[1], (Double) r[2]));
            why.append((String) r[4]);
        }
        return Table.create("classic latency numbers (2012 version) and this machine").addColumns(op, classic, here, ratio, how, why);
    }

    private static Object[] row(String op, double classicNs, double measuredNs, String how, String why) {
        return new Object[] {op, classicNs, Double.isNaN(measuredNs) ? Double.NaN : Math.round(measuredNs * 10) / 10.0, how, why};
    }

    /** measured / classic to two significant digits (above 1: this machine is slower), or NaN. */
    static double ratio(double classic, double measured) {
        if (Double.isNaN(classic) || Double.isNaN(measured) || measured <= 0) return Double.NaN;
        double r = measured / classic;
        double scale = Math.pow(10, 1 - (int) Math.floor(Math.log10(r)));
        return Math.round(r * scale) / scale;
    }
}
