package sdx.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A latency budget for one photo view and a throughput budget for the peak, built from measured costs
 * ({@link Costs}) and the photo estimate ({@link PhotoEstimate}). Each step says where its figure came from:
 * measured on this machine (notebook 05's measurements, a real HTTP exchange on loopback) or stated (what one
 * machine cannot measure: a data centre's network, the server's link).
 *
 * @param estimate      the photo service's estimate (rates and image size)
 * @param server        the server the throughput budget counts (its cores and link)
 * @param cacheHitRatio share of views answered from the memory cache, 0 to 1
 * @param costs         what each step costs here
 */
public record Budget(PhotoEstimate estimate, Server server, double cacheHitRatio, Costs costs) {

    /** A round trip inside one data centre, from the classic latency table (Dean, 2009): 0.5 ms. */
    public static final double DATACENTRE_ROUND_TRIP_NS = 500_000;
    /** Memory references in one hash-table lookup: the bucket, then the entry. */
    public static final int REFERENCES_PER_LOOKUP = 2;
    /** Writes made durable by one fsync when uploads are committed in groups. */
    public static final int GROUP_COMMIT = 100;

    public Budget {
        Check.notNull("estimate", estimate);
        Check.notNull("server", server);
        Check.inRange("cacheHitRatio", cacheHitRatio, 0, 1);
        Check.notNull("costs", costs);
    }

    /**
     * One step of a view.
     *
     * @param step       what happens
     * @param perRequest how many times per view, on average
     * @param eachNs     what one costs, nanoseconds
     * @param source     measured or stated, and where
     */
    public record Step(String step, double perRequest, double eachNs, String source) {
        /** Its share of a view's mean latency, nanoseconds. */
        public double totalNs() {
            return perRequest * eachNs;
        }
    }

    /** 4 KiB blocks in one image (at least one). */
    public int blocksPerImage() {
        return (int) Math.max(1, Math.ceil(estimate.assumptions().imageBytes() / 4096));
    }

    /** The steps of one view, in order. */
    public List<Step> viewSteps() {
        double image = estimate.assumptions().imageBytes();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("HTTP request and reply (server and client)", 1, costs.http().roundTripNs(),
                "measured here: real HTTP on 127.0.0.1, median"));
        steps.add(new Step("network round trip in a data centre", 1, DATACENTRE_ROUND_TRIP_NS,
                "stated: classic table (Dean 2009); loopback crosses no network"));
        steps.add(new Step("cache lookup (hash table)", REFERENCES_PER_LOOKUP, costs.memoryReferenceNs(),
                "measured in 05: random memory reference"));
        steps.add(new Step("read the image on a cache miss (4 KiB blocks)", (1 - cacheHitRatio) * blocksPerImage(),
                costs.diskReadNs(), costs.diskReadSource()));
        steps.add(new Step("send the image over the server's link", 1, image * 8 / server.nicGigabitsPerSecond(),
                "stated: the server's " + Units.number(server.nicGigabitsPerSecond()) + " Gbit/s link"));
        return steps;
    }

    /** A view's mean latency: the sum of its steps, nanoseconds. */
    public double viewLatencyNs() {
        return viewSteps().stream().mapToDouble(Step::totalNs).sum();
    }

    /** The latency budget: one row per step, with its share of the total. */
    public Table latencyTable() {
        double total = viewLatencyNs();
        StringColumn step = StringColumn.create("step"), source = StringColumn.create("source");
        DoubleColumn per = DoubleColumn.create("per view"), each = DoubleColumn.create("each µs"),
                sum = DoubleColumn.create("adds µs"), share = DoubleColumn.create("share %");
        for (Step s : viewSteps()) {
            step.append(s.step());
            per.append(round(s.perRequest(), 3));
            each.append(round(s.eachNs() / 1e3, 2));
            sum.append(round(s.totalNs() / 1e3, 2));
            share.append(round(100 * s.totalNs() / total, 1));
            source.append(s.source());
        }
        step.append("a view, on average");
        per.append(Double.NaN);
        each.append(Double.NaN);
        sum.append(round(total / 1e3, 2));
        share.append(100);
        source.append("the sum");
        return Table.create(String.format(Locale.ROOT, "Latency budget of one view (cache hit ratio %.2f)", cacheHitRatio))
                .addColumns(step, per, each, sum, share, source);
    }

    /** Requests one core can answer per second if HTTP handling were all its work: 1 / CPU per request. */
    public double requestsPerCoreMeasured() {
        return 1e9 / costs.http().cpuPerRequestNs();
    }

    /** Uploads one disk makes durable per second with one fsync each (and {@link #GROUP_COMMIT} per fsync). */
    public double uploadsPerDisk(int perFsync) {
        Check.inRange("perFsync", perFsync, 1, 1_000_000);
        return perFsync * 1e9 / costs.fsyncNs();
    }

    /** One row of the throughput budget. */
    public record Resource(String resource, double neededPerSecond, double oneUnitPerSecond, String unit, String source) {
        /** Units needed at the peak (not rounded). */
        public double units() {
            return neededPerSecond / oneUnitPerSecond;
        }
    }

    /** The throughput budget at the daily peak: what each resource must do and what one unit of it does. */
    public List<Resource> resources() {
        Assumptions a = estimate.assumptions();
        double peak = estimate.peakRequestRate().in(Units.REQUEST.per(Units.SECOND));
        double peakViews = estimate.viewRate().in(Units.REQUEST.per(Units.SECOND)) * a.peakToAverage();
        double peakUploads = estimate.uploadRate().in(Units.REQUEST.per(Units.SECOND)) * a.peakToAverage();
        List<Resource> out = new ArrayList<>();
        out.add(new Resource("requests (assumed rate per server)", peak, a.requestsPerServerPerSecond(), "server",
                "stated in the estimate's assumptions"));
        out.add(new Resource("requests (HTTP cost measured here)", peak, requestsPerCoreMeasured() * server.cores(), "server",
                String.format(Locale.ROOT, "%d cores x 1 / CPU per request (client included, so a lower bound)", server.cores())));
        out.add(new Resource("disk reads on cache misses", peakViews * (1 - cacheHitRatio) * blocksPerImage(),
                1e9 / costs.diskReadNs(), "disk", "one read at a time (queue depth 1); an SSD serves many at once"));
        out.add(new Resource("uploads, one fsync each", peakUploads, uploadsPerDisk(1), "disk", "measured in 05: write + fsync"));
        out.add(new Resource("uploads, " + GROUP_COMMIT + " per fsync", peakUploads, uploadsPerDisk(GROUP_COMMIT), "disk",
                "group commit: one fsync makes a batch durable"));
        return out;
    }

    /** The throughput budget as a table. */
    public Table throughputTable() {
        StringColumn resource = StringColumn.create("resource"), unit = StringColumn.create("unit"),
                source = StringColumn.create("source");
        DoubleColumn needed = DoubleColumn.create("needed at peak /s"), one = DoubleColumn.create("one unit does /s"),
                units = DoubleColumn.create("units needed");
        for (Resource r : resources()) {
            resource.append(r.resource());
            needed.append(Math.round(r.neededPerSecond()));
            one.append(Math.round(r.oneUnitPerSecond()));
            unit.append(r.unit());
            units.append(round(r.units(), 3));
            source.append(r.source());
        }
        return Table.create("Throughput budget at the daily peak").addColumns(resource, needed, one, unit, units, source);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
