package sdx.capstone;

import sdx.core.Check;

/**
 * The day the design must survive: traffic, its shape, the failures that happen, and the model's timings.
 * Every figure is an assumption stated here (not measured anywhere); {@link #standard()} holds the notebook's.
 *
 * @param readsPerDay              redirects per day from ordinary users
 * @param writesPerDay             short URLs created per day
 * @param activeLinks              links that receive traffic, popularity Zipf(zipfSkew) over them
 * @param zipfSkew                 Zipf exponent of link popularity, 0 (uniform) to 2
 * @param storedLinks              links stored in total (for storage and for guessing codes)
 * @param peakToAverage            busiest rate over the average rate, 1 to 2 (a cosine over the day)
 * @param peakHour                 hour of the day with the most traffic, 0 to 23
 * @param viralShare               share of reads that go to one new viral link during its hours, 0 to 0.9
 * @param viralHour                hour the link goes viral
 * @param viralHours               how many hours it stays viral
 * @param botRequestsPerSecond     a scraping bot's rate (one client guessing codes), 0 for none
 * @param botHour                  hour the bot starts
 * @param botHours                 hours it runs
 * @param partnerRequestsPerSecond one legitimate heavy client (a partner's integration), requests per second
 * @param crashHour                hour one app server crashes (server 0)
 * @param crashHours               hours until it is replaced
 * @param zoneOutageHour           hour zone 0 goes dark (all its servers and database copies)
 * @param zoneOutageHours          hours the outage lasts
 * @param nodeAvailability         each database node's own availability (independent crashes), 0.5 to 1
 * @param nodeRepairHours          mean hours to repair a crashed database node
 * @param failoverSeconds          seconds writes to a shard fail after its leader is lost
 * @param appServiceMillis         mean CPU time an app server spends on a request (exponential)
 * @param tlsExtraMillis           extra CPU per request with TLS (handshakes amortised, encryption)
 * @param dbServiceMillis          mean time a database node spends on a read or write (exponential)
 * @param cacheMillis              time of a cache lookup
 * @param timeoutMillis            a request that would wait longer than this in a queue is shed (fails)
 * @param bytesPerLink             bytes stored per link (one copy)
 * @param responseBytes            bytes of a redirect response
 * @param sampleEvery              one request in sampleEvery is simulated (see {@link Capstone#simulate})
 */
public record Scenario(double readsPerDay, double writesPerDay, int activeLinks, double zipfSkew, double storedLinks,
        double peakToAverage, int peakHour, double viralShare, int viralHour, int viralHours,
        double botRequestsPerSecond, int botHour, int botHours, double partnerRequestsPerSecond,
        int crashHour, int crashHours, int zoneOutageHour, double zoneOutageHours,
        double nodeAvailability, double nodeRepairHours, double failoverSeconds,
        double appServiceMillis, double tlsExtraMillis, double dbServiceMillis, double cacheMillis,
        double timeoutMillis, double bytesPerLink, double responseBytes, int sampleEvery) {

    public Scenario {
        Check.inRange("readsPerDay", readsPerDay, 1e3, 1e10);
        Check.inRange("writesPerDay", writesPerDay, 0, 1e9);
        Check.inRange("activeLinks", activeLinks, 10, 5_000_000);
        Check.inRange("zipfSkew", zipfSkew, 0, 2);
        Check.inRange("storedLinks", storedLinks, activeLinks, 1e13);
        Check.inRange("peakToAverage", peakToAverage, 1, 2);
        Check.inRange("peakHour", peakHour, 0, 23);
        Check.inRange("viralShare", viralShare, 0, 0.9);
        Check.inRange("viralHour", viralHour, 0, 23);
        Check.inRange("viralHours", viralHours, 0, 24 - viralHour);
        Check.inRange("botRequestsPerSecond", botRequestsPerSecond, 0, 1e6);
        Check.inRange("botHour", botHour, 0, 23);
        Check.inRange("botHours", botHours, 0, 24 - botHour);
        Check.inRange("partnerRequestsPerSecond", partnerRequestsPerSecond, 0, 1e4);
        Check.inRange("crashHour", crashHour, 0, 23);
        Check.inRange("crashHours", crashHours, 0, 24 - crashHour);
        Check.inRange("zoneOutageHour", zoneOutageHour, 0, 23);
        Check.inRange("zoneOutageHours", zoneOutageHours, 0, 24 - zoneOutageHour);
        Check.inRange("nodeAvailability", nodeAvailability, 0.5, 1);
        Check.inRange("nodeRepairHours", nodeRepairHours, 0.01, 1000);
        Check.inRange("failoverSeconds", failoverSeconds, 0, 3600);
        Check.inRange("appServiceMillis", appServiceMillis, 0.01, 1000);
        Check.inRange("tlsExtraMillis", tlsExtraMillis, 0, 1000);
        Check.inRange("dbServiceMillis", dbServiceMillis, 0.01, 1000);
        Check.inRange("cacheMillis", cacheMillis, 0, 1000);
        Check.inRange("timeoutMillis", timeoutMillis, 1, 60_000);
        Check.inRange("bytesPerLink", bytesPerLink, 1, 1e6);
        Check.inRange("responseBytes", responseBytes, 1, 1e7);
        Check.inRange("sampleEvery", sampleEvery, 1, 1_000_000);
        double sampled = (readsPerDay + writesPerDay + 86_400 * partnerRequestsPerSecond
                + 3_600.0 * botHours * botRequestsPerSecond) / sampleEvery;
        Check.that(sampled <= 2_000_000, "sampleEvery", sampleEvery,
                "is too small: the day would simulate " + Math.round(sampled) + " requests (at most 2,000,000)");
    }

    /**
     * The notebook's day: 100 million redirects and 1 million new links, a peak of 1.6x the average at 20:00,
     * one link taking 15% of reads from 18:00 to 21:00, a bot guessing codes at 2,000 requests/s from 03:00
     * to 05:00, a partner at 5 requests/s, app server 0 down 09:00-11:00, zone 0 dark 13:00-14:30, and database
     * nodes each 99% available; one request in 500 simulated.
     */
    public static Scenario standard() {
        return new Scenario(100e6, 1e6, 200_000, 1.0, 100e6, 1.6, 20, 0.15, 18, 3,
                2_000, 3, 2, 5, 9, 2, 13, 1.5,
                0.99, 2, 30,
                4, 0.4, 5, 0.5, 1_000, 500, 500, 500);
    }

    /** This day with {@code factor} times the ordinary traffic (reads, writes and the partner); the rest unchanged. */
    public Scenario withTraffic(double factor) {
        Check.inRange("factor", factor, 0.01, 100);
        return new Scenario(readsPerDay * factor, writesPerDay * factor, activeLinks, zipfSkew, storedLinks,
                peakToAverage, peakHour, viralShare, viralHour, viralHours, botRequestsPerSecond, botHour, botHours,
                partnerRequestsPerSecond * factor, crashHour, crashHours, zoneOutageHour, zoneOutageHours,
                nodeAvailability, nodeRepairHours, failoverSeconds, appServiceMillis, tlsExtraMillis, dbServiceMillis,
                cacheMillis, timeoutMillis, bytesPerLink, responseBytes, sampleEvery);
    }

    /**
     * This day without its events: no viral link, no bot, no crashed server, no zone outage, database nodes
     * that never fail. A known answer first: what the design does when nothing goes wrong.
     */
    public Scenario quiet() {
        return new Scenario(readsPerDay, writesPerDay, activeLinks, zipfSkew, storedLinks, peakToAverage, peakHour,
                0, viralHour, 0, 0, botHour, 0, partnerRequestsPerSecond, crashHour, 0, zoneOutageHour, 0,
                1, nodeRepairHours, failoverSeconds, appServiceMillis, tlsExtraMillis, dbServiceMillis, cacheMillis,
                timeoutMillis, bytesPerLink, responseBytes, sampleEvery);
    }

    /** This day with zone 0 dark from {@code hour} for {@code hours} hours (0 hours: no outage). */
    public Scenario withZoneOutage(int hour, double hours) {
        return new Scenario(readsPerDay, writesPerDay, activeLinks, zipfSkew, storedLinks, peakToAverage, peakHour,
                viralShare, viralHour, viralHours, botRequestsPerSecond, botHour, botHours, partnerRequestsPerSecond,
                crashHour, crashHours, hour, hours, nodeAvailability, nodeRepairHours,
                failoverSeconds, appServiceMillis, tlsExtraMillis, dbServiceMillis, cacheMillis, timeoutMillis,
                bytesPerLink, responseBytes, sampleEvery);
    }

    /** This day with writes to a shard refused for {@code seconds} after its leader is lost. */
    public Scenario withFailoverSeconds(double seconds) {
        return new Scenario(readsPerDay, writesPerDay, activeLinks, zipfSkew, storedLinks, peakToAverage, peakHour,
                viralShare, viralHour, viralHours, botRequestsPerSecond, botHour, botHours, partnerRequestsPerSecond,
                crashHour, crashHours, zoneOutageHour, zoneOutageHours, nodeAvailability, nodeRepairHours,
                seconds, appServiceMillis, tlsExtraMillis, dbServiceMillis, cacheMillis, timeoutMillis,
                bytesPerLink, responseBytes, sampleEvery);
    }

    /** This day simulating one request in {@code every} (more is faster and noisier). */
    public Scenario sampledEvery(int every) {
        return new Scenario(readsPerDay, writesPerDay, activeLinks, zipfSkew, storedLinks, peakToAverage, peakHour,
                viralShare, viralHour, viralHours, botRequestsPerSecond, botHour, botHours, partnerRequestsPerSecond,
                crashHour, crashHours, zoneOutageHour, zoneOutageHours, nodeAvailability, nodeRepairHours,
                failoverSeconds, appServiceMillis, tlsExtraMillis, dbServiceMillis, cacheMillis, timeoutMillis,
                bytesPerLink, responseBytes, every);
    }

    /** The ordinary request rate at time {@code seconds} of the day, relative to the day's average (a cosine). */
    public double shape(double seconds) {
        double hours = seconds / 3600.0;
        return 1 + (peakToAverage - 1) * Math.cos(2 * Math.PI * (hours - peakHour) / 24);
    }

    /** Mean time between a database node's crashes, in hours: repair x a / (1 - a). */
    public double nodeMtbfHours() {
        return nodeAvailability >= 1 ? Double.POSITIVE_INFINITY : nodeRepairHours * nodeAvailability / (1 - nodeAvailability);
    }
}
