package sdx.storage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Facts about the machine the measurements ran on, read at run time: cores, memory, CPU caches (from
 * Linux's {@code /sys/devices/system/cpu/cpu0/cache}, when present), the JVM, and the file system of the
 * temporary folder.
 */
public final class Machine {
    private Machine() {}

    /** "32 KiB", "512 KiB", "32 MiB", "1.5 GiB". */
    public static String bytes(long b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d %s", (long) v, units[u])
                : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Data or unified cache sizes by level ("L1" -> bytes), from sysfs; empty when not readable. */
    public static Map<String, Long> caches() {
        Map<String, Long> out = new LinkedHashMap<>();
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path index = dir.resolve("index" + i);
            try {
                String type = Files.readString(index.resolve("type")).trim();
                if (type.equals("Instruction")) continue;
                String level = "L" + Files.readString(index.resolve("level")).trim();
                String size = Files.readString(index.resolve("size")).trim().toUpperCase(Locale.ROOT);
                long mult = size.endsWith("K") ? 1024 : size.endsWith("M") ? 1 << 20 : 1;
                out.put(level, Long.parseLong(size.replaceAll("[^0-9]", "")) * mult);
            } catch (IOException | RuntimeException e) {
                // no such level, or not Linux: fewer facts, not an error
            }
        }
        return out;
    }

    /** The file system type of the temporary folder (ext4, tmpfs, overlay, apfs, ...). */
    public static String tempFileSystem() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            return Files.getFileStore(tmp).type() + " (" + tmp + ")";
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The facts as a two-column table. */
    public static Table facts() {
        StringColumn k = StringColumn.create("fact"), v = StringColumn.create("value");
        Runtime rt = Runtime.getRuntime();
        add(k, v, "OS / architecture", System.getProperty("os.name") + " " + System.getProperty("os.version") + " / "
                + System.getProperty("os.arch"));
        add(k, v, "cores available to the JVM", String.valueOf(rt.availableProcessors()));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            add(k, v, "physical memory", bytes(os.getTotalMemorySize()));
        }
        add(k, v, "JVM max heap (-Xmx)", bytes(rt.maxMemory()));
        add(k, v, "Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        Map<String, Long> caches = caches();
        if (caches.isEmpty()) add(k, v, "CPU caches", "not readable on this OS");
        caches.forEach((level, size) -> add(k, v, level + " data cache (per core or shared)", bytes(size)));
        add(k, v, "temp folder's file system", tempFileSystem());
        return Table.create("this machine").addColumns(k, v);
    }

    private static void add(StringColumn k, StringColumn v, String key, String value) {
        k.append(key);
        v.append(value);
    }
}
