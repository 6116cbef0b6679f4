package sdx.capstone;

import java.util.ArrayList;
import java.util.List;
import sdx.capacity.Quantity;
import sdx.capacity.Units;
import sdx.core.Check;
import sdx.viz.Tables;
import sdx.viz.Tables.HtmlTable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The back-of-the-envelope estimate made before the simulation, in notebook 24's units that cannot be mixed
 * up ({@code sdx.capacity.Quantity}): rates, storage, bandwidth and how many app servers the peak needs.
 *
 * @param averageReads      redirects per second, day average
 * @param peakReads         redirects per second at the busiest moment (average x peak-to-average)
 * @param writes            new links per second, day average
 * @param peakBot           the scraping bot's rate while it runs
 * @param storage           bytes of links stored, one copy
 * @param storagePerYear    bytes added per year by new links, one copy
 * @param peakEgress        bytes per second sent out at the peak
 * @param serversAtPeak     app servers that keep the ordinary peak at {@link #TARGET_UTILIZATION} busy
 */
public record Estimate(Quantity averageReads, Quantity peakReads, Quantity writes, Quantity peakBot, Quantity storage,
        Quantity storagePerYear, Quantity peakEgress, Quantity serversAtPeak) {

    /** Busy share the server count is sized for (queueing grows steeply above it: notebook 01). */
    public static final double TARGET_UTILIZATION = 0.7;

    /** The estimate for {@code s}. */
    public static Estimate of(Scenario s) {
        Check.notNull("s", s);
        Quantity reads = Quantity.of(s.readsPerDay(), Units.REQUEST).per(Units.DAY);
        Quantity peak = reads.times(s.peakToAverage()).plus(Quantity.of(s.partnerRequestsPerSecond(), Units.REQUEST).per(Units.SECOND));
        Quantity writes = Quantity.of(s.writesPerDay(), Units.REQUEST).per(Units.DAY);
        Quantity perRequest = Quantity.of(s.bytesPerLink(), Units.BYTE).per(Units.REQUEST);
        Quantity service = Quantity.of(s.appServiceMillis(), Units.MILLISECOND).per(Units.REQUEST);
        Quantity servers = peak.plus(writes.times(s.peakToAverage())).times(service).times(1 / TARGET_UTILIZATION).ceil();
        return new Estimate(reads, peak, writes,
                Quantity.of(s.botRequestsPerSecond(), Units.REQUEST).per(Units.SECOND),
                Quantity.of(s.storedLinks() * s.bytesPerLink(), Units.BYTE),
                writes.times(Units.YEAR).times(perRequest),
                peak.times(Quantity.of(s.responseBytes(), Units.BYTE).per(Units.REQUEST)),
                servers);
    }

    /** One row per figure: what, how, value. */
    public HtmlTable table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"average reads", "reads per day / seconds per day", averageReads.toString()});
        rows.add(new String[] {"peak reads", "average x peak-to-average + the partner", peakReads.toString()});
        rows.add(new String[] {"writes", "new links per day / seconds per day", writes.toString()});
        rows.add(new String[] {"bot while it runs", "assumed", peakBot.toString()});
        rows.add(new String[] {"storage now", "stored links x bytes per link (one copy)", storage.toString()});
        rows.add(new String[] {"storage added per year", "writes x one year x bytes per link", storagePerYear.toString()});
        rows.add(new String[] {"egress at the peak", "peak reads x bytes per response", peakEgress.toString()});
        rows.add(new String[] {"app servers for the peak", "peak requests x CPU per request / 0.7, rounded up", serversAtPeak.toString()});
        Table t = Table.create("the estimate");
        StringColumn what = StringColumn.create("figure"), how = StringColumn.create("how"), value = StringColumn.create("value");
        for (String[] r : rows) {
            what.append(r[0]);
            how.append(r[1]);
            value.append(r[2]);
        }
        t.addColumns(what, how, value);
        return Tables.html(t);
    }
}
