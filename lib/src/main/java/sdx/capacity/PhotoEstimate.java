package sdx.capacity;

import static sdx.capacity.Units.BYTE;
import static sdx.capacity.Units.DAY;
import static sdx.capacity.Units.REQUEST;
import static sdx.capacity.Units.SECOND;
import static sdx.capacity.Units.SERVER;
import static sdx.capacity.Units.USER;
import static sdx.capacity.Units.YEAR;

import java.util.ArrayList;
import java.util.List;
import sdx.viz.Tables;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The photo service worked out from its {@link Assumptions}, one line per figure, each a {@link Quantity}
 * so the units are checked as it is computed. {@link #table()} shows every line with how it was found.
 *
 * @param assumptions      what it was computed from
 * @param uploadRate       uploads per second, on average over a day
 * @param viewRate         views per second, on average over a day
 * @param peakRequestRate  uploads and views per second at the daily peak
 * @param ingress          upload bandwidth, on average
 * @param peakEgress       download bandwidth at the peak
 * @param storagePerYear   image bytes stored per year, all replicas
 * @param userData         profile bytes for every registered user, all replicas
 * @param totalStorage     images for the years kept plus profiles
 * @param cache            memory for the hot share of a day's viewed bytes
 * @param servers          application servers for the peak, plus one spare (N+1)
 */
public record PhotoEstimate(Assumptions assumptions, Quantity uploadRate, Quantity viewRate,
        Quantity peakRequestRate, Quantity ingress, Quantity peakEgress, Quantity storagePerYear,
        Quantity userData, Quantity totalStorage, Quantity cache, Quantity servers) {

    /** Works the estimate out. */
    public static PhotoEstimate of(Assumptions a) {
        Quantity activeUsers = Quantity.of(a.dailyActiveUsers(), USER);
        Quantity image = Quantity.of(a.imageBytes(), BYTE).per(REQUEST);
        Quantity uploadRate = activeUsers.times(Quantity.of(a.uploadsPerActiveUserPerDay(), REQUEST).per(USER).per(DAY));
        Quantity viewRate = activeUsers.times(Quantity.of(a.viewsPerActiveUserPerDay(), REQUEST).per(USER).per(DAY));
        Quantity peak = uploadRate.plus(viewRate).times(a.peakToAverage());
        Quantity ingress = uploadRate.times(image);
        Quantity peakEgress = viewRate.times(a.peakToAverage()).times(image);
        Quantity perYear = uploadRate.times(YEAR).times(image).times(a.replicas());
        Quantity userData = Quantity.of(a.totalUsers(), USER).times(Quantity.of(a.bytesPerUser(), BYTE).per(USER))
                .times(a.replicas());
        Quantity total = perYear.times(a.years()).plus(userData);
        Quantity cache = viewRate.times(DAY).times(image).times(a.hotFraction());
        Quantity perServer = Quantity.of(a.requestsPerServerPerSecond(), REQUEST).per(SECOND).per(SERVER);
        Quantity servers = peak.per(perServer).ceil().plus(Quantity.of(1, SERVER));
        return new PhotoEstimate(a, uploadRate, viewRate, peak, ingress, peakEgress, perYear, userData, total, cache, servers);
    }

    /** Every figure with how it was computed. */
    public Table table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("uploads", "active users x uploads per user per day / 1 day", uploadRate));
        rows.add(row("views", "active users x views per user per day / 1 day", viewRate));
        rows.add(row("peak requests", "(uploads + views) x peak / average", peakRequestRate));
        rows.add(row("ingress", "uploads x image size", ingress));
        rows.add(row("peak egress", "views x peak / average x image size", peakEgress));
        rows.add(row("storage per year", "uploads x 1 year x image size x replicas", storagePerYear));
        rows.add(row("user data", "total users x bytes per user x replicas", userData));
        rows.add(row("total storage", "storage per year x years kept + user data", totalStorage));
        rows.add(row("cache", "views x 1 day x image size x hot fraction", cache));
        rows.add(row("servers", "ceil(peak requests / requests per server) + 1 spare", servers));
        Table t = Table.create("Photo service estimate");
        t.addColumns(StringColumn.create("figure"), StringColumn.create("how"), StringColumn.create("value"));
        for (String[] r : rows) {
            t.stringColumn("figure").append(r[0]);
            t.stringColumn("how").append(r[1]);
            t.stringColumn("value").append(r[2]);
        }
        return t;
    }

    private static String[] row(String figure, String how, Quantity value) {
        return new String[] {figure, how, value.toString()};
    }

    @Override
    public String toString() {
        return Tables.html(table()).plain();
    }
}
