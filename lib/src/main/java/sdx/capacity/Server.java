package sdx.capacity;

import sdx.core.Check;

/**
 * One server's resources, in the units they are sold in.
 *
 * @param cores                   CPU cores
 * @param requestsPerCorePerSecond requests one core answers per second (CPU time per request inverted)
 * @param nicGigabitsPerSecond    network link speed, in gigaBITS per second (as links are rated)
 * @param diskIops                random reads the disk serves per second
 * @param ramBytes                memory, bytes
 */
public record Server(int cores, double requestsPerCorePerSecond, double nicGigabitsPerSecond, double diskIops,
        double ramBytes) {
    public Server {
        Check.inRange("cores", cores, 1, 4096);
        Check.positive("requestsPerCorePerSecond", requestsPerCorePerSecond);
        Check.positive("nicGigabitsPerSecond", nicGigabitsPerSecond);
        Check.positive("diskIops", diskIops);
        Check.positive("ramBytes", ramBytes);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d cores x %,.0f requests/s, a %s Gbit/s link, %,.0f IOPS, %s of memory",
                cores, requestsPerCorePerSecond, Units.number(nicGigabitsPerSecond), diskIops,
                ramBytes % (1L << 30) == 0 ? (long) (ramBytes / (1L << 30)) + " GiB" : Quantity.of(ramBytes, Units.BYTE));
    }

    /**
     * A commodity server, assumed for the examples: 16 cores each answering 2,000 small requests per
     * second, a 10 Gbit/s link, an NVMe SSD doing 100,000 random reads per second, 64 GiB of memory.
     */
    public static Server commodity() {
        return new Server(16, 2_000, 10, 100_000, 64.0 * (1L << 30));
    }
}
