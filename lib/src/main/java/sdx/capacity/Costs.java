package sdx.capacity;

import java.util.Locale;
import java.util.Map;
import sdx.core.Check;

/**
 * What one step of a request costs on this machine, in nanoseconds, with where each figure came from. Built
 * from notebook 05's measurements ({@code sdx.storage.Storage.measuredNanos()}, passed in as a plain map so
 * that this package does not depend on that one) and a real HTTP exchange on loopback ({@link HttpCost}).
 *
 * @param memoryReferenceNs one random main-memory reference (pointer chasing in a large array)
 * @param diskReadNs        one random 4 KiB read: from the device if the page cache could be bypassed, else from
 *                          the page cache
 * @param diskReadSource    which of the two {@code diskReadNs} is
 * @param fsyncNs           one 4 KiB write made durable with fsync
 * @param http              a small HTTP request answered on 127.0.0.1
 */
public record Costs(double memoryReferenceNs, double diskReadNs, String diskReadSource, double fsyncNs, HttpCost http) {

    /** Keys this class reads from the storage measurements (the same strings as {@code sdx.storage.Storage}'s). */
    public static final String MEMORY_REFERENCE = "main memory reference", PAGE_CACHE_READ = "read 4 KiB, random, page cache",
            DEVICE_READ = "read 4 KiB, random, from the device", FSYNC_WRITE = "write 4 KiB + fsync";

    public Costs {
        Check.positive("memoryReferenceNs", memoryReferenceNs);
        Check.positive("diskReadNs", diskReadNs);
        Check.notNull("diskReadSource", diskReadSource);
        Check.positive("fsyncNs", fsyncNs);
        Check.notNull("http", http);
    }

    /**
     * The costs from {@code storageNanos} (nanoseconds by name; {@link #MEMORY_REFERENCE}, {@link #PAGE_CACHE_READ}
     * and {@link #FSYNC_WRITE} are required, {@link #DEVICE_READ} is used when present) and {@code http}.
     */
    public static Costs of(Map<String, Double> storageNanos, HttpCost http) {
        Check.notNull("storageNanos", storageNanos);
        Check.notNull("http", http);
        for (String key : new String[] {MEMORY_REFERENCE, PAGE_CACHE_READ, FSYNC_WRITE}) {
            Double v = storageNanos.get(key);
            Check.that(v != null && v > 0 && Double.isFinite(v), "storageNanos", key + "=" + v,
                    "must hold a positive number of nanoseconds for \"" + key + "\" (keys given: " + storageNanos.keySet() + ")");
        }
        Double device = storageNanos.get(DEVICE_READ);
        boolean fromDevice = device != null && device > 0 && Double.isFinite(device);
        return new Costs(storageNanos.get(MEMORY_REFERENCE), fromDevice ? device : storageNanos.get(PAGE_CACHE_READ),
                fromDevice ? "measured in 05: random 4 KiB read, page cache bypassed"
                        : "measured in 05: random 4 KiB read from the page cache (this file system cannot bypass it)",
                storageNanos.get(FSYNC_WRITE), http);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "memory reference %.0f ns, 4 KiB read %.1f µs, fsync %.0f µs, %s",
                memoryReferenceNs, diskReadNs / 1e3, fsyncNs / 1e3, http);
    }
}
