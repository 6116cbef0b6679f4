package sdx.capstone;

import sdx.core.Check;

/**
 * What things cost: assumed on-demand cloud prices of the mid-2020s, rounded (check your provider's list).
 *
 * @param appServerPerHour   one application server, $ per hour
 * @param databaseNodePerHour one database node, $ per hour
 * @param cachePerGbMonth    cache memory, $ per GB per month
 * @param cacheBytesPerEntry bytes of memory one cache entry takes (key, URL, overhead)
 * @param storagePerGbMonth  database storage, $ per GB per month (every copy is paid for)
 * @param egressPerGb        traffic out to the internet, $ per GB
 * @param crossZonePerGb     traffic between zones (replicating writes), $ per GB
 */
public record Prices(double appServerPerHour, double databaseNodePerHour, double cachePerGbMonth,
        double cacheBytesPerEntry, double storagePerGbMonth, double egressPerGb, double crossZonePerGb) {

    public Prices {
        Check.atLeast("appServerPerHour", appServerPerHour, 0.0);
        Check.atLeast("databaseNodePerHour", databaseNodePerHour, 0.0);
        Check.atLeast("cachePerGbMonth", cachePerGbMonth, 0.0);
        Check.positive("cacheBytesPerEntry", cacheBytesPerEntry);
        Check.atLeast("storagePerGbMonth", storagePerGbMonth, 0.0);
        Check.atLeast("egressPerGb", egressPerGb, 0.0);
        Check.atLeast("crossZonePerGb", crossZonePerGb, 0.0);
    }

    /** $0.10 per app server-hour, $0.40 per database node-hour, $10 per GB-month of cache at 1 KB per entry,
     * $0.10 per GB-month of storage, $0.09 per GB out, $0.01 per GB between zones. */
    public static Prices standard() {
        return new Prices(0.10, 0.40, 10, 1_000, 0.10, 0.09, 0.01);
    }
}
