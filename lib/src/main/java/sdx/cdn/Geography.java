package sdx.cdn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where the CDN's points of presence (PoPs), its users and the origin server are. Users in a region go to the PoP
 * with the smallest round-trip time ({@link RoundTrips}); the origin is in one city.
 *
 * @param origin  the origin server's city
 * @param pops    the PoPs' cities
 * @param regions the users' cities
 * @param shares  each region's share of all requests (sum 1)
 */
public record Geography(String origin, List<String> pops, List<String> regions, double[] shares) {

    /** Checks every city has round-trip times, copies the lists and the array. */
    public Geography {
        Check.notNull("origin", origin);
        pops = List.copyOf(Check.notEmpty("pops", pops));
        regions = List.copyOf(Check.notEmpty("regions", regions));
        Check.notNull("shares", shares);
        Check.that(shares.length == regions.size(), "shares", shares.length + " values",
                "must hold one share per region (" + regions.size() + ")");
        double sum = 0;
        for (double s : shares) {
            Check.inRange("share", s, 0, 1);
            sum += s;
        }
        Check.that(Math.abs(sum - 1) < 1e-9, "shares", String.format(Locale.ROOT, "sum %.4f", sum), "must add up to 1");
        shares = shares.clone();
        for (String p : pops) RoundTrips.ms(p, origin);
        for (String r : regions) {
            RoundTrips.ms(r, origin);
            for (String p : pops) RoundTrips.ms(r, p);
        }
    }

    /**
     * The course's example: origin in Fremont (California); PoPs in Dallas, Paris and Sydney; users in Baltimore
     * (40% of requests), Milan (25%), Moscow (15%) and Brisbane (20%). The shares are made up for the example; the
     * round-trip times are measured ({@link RoundTrips}).
     */
    public static Geography standard() {
        return new Geography("Fremont", List.of("Dallas", "Paris", "Sydney"),
                List.of("Baltimore", "Milan", "Moscow", "Brisbane"), new double[] {0.40, 0.25, 0.15, 0.20});
    }

    /** The shares, copied. */
    @Override
    public double[] shares() {
        return shares.clone();
    }

    /** The index (in {@link #pops()}) of the PoP nearest to region {@code r}: the smallest round-trip time. */
    public int popOf(int r) {
        Check.inRange("region", r, 0, regions.size() - 1);
        int best = 0;
        for (int p = 1; p < pops.size(); p++) {
            if (RoundTrips.ms(regions.get(r), pops.get(p)) < RoundTrips.ms(regions.get(r), pops.get(best))) best = p;
        }
        return best;
    }

    /** Round-trip time from region {@code r}'s users to their PoP, ms. */
    public double userToPop(int r) {
        return RoundTrips.ms(regions.get(r), pops.get(popOf(r)));
    }

    /** Round-trip time from region {@code r}'s users straight to the origin, ms. */
    public double userToOrigin(int r) {
        return RoundTrips.ms(regions.get(r), origin);
    }

    /** Round-trip time from PoP {@code p} to the origin, ms. */
    public double popToOrigin(int p) {
        Check.inRange("pop", p, 0, pops.size() - 1);
        return RoundTrips.ms(pops.get(p), origin);
    }

    /** Each PoP's share of all requests: the sum of the shares of the regions it serves. */
    public double[] popShares() {
        double[] s = new double[pops.size()];
        for (int r = 0; r < regions.size(); r++) s[popOf(r)] += shares[r];
        return s;
    }

    /** One row per region: its share, nearest PoP, and the round-trip times a request pays. */
    public Table table() {
        List<String> pop = new ArrayList<>();
        double[] toPop = new double[regions.size()], popOrigin = new double[regions.size()], direct = new double[regions.size()];
        for (int r = 0; r < regions.size(); r++) {
            pop.add(pops.get(popOf(r)));
            toPop[r] = userToPop(r);
            popOrigin[r] = popToOrigin(popOf(r));
            direct[r] = userToOrigin(r);
        }
        Table t = Table.create("Users, their nearest PoP and round-trip times (origin in " + origin + "; ms from Reinheimer 2011)");
        t.addColumns(StringColumn.create("users in", regions), DoubleColumn.create("share of requests", shares),
                StringColumn.create("nearest PoP", pop), DoubleColumn.create("user-PoP ms", toPop),
                DoubleColumn.create("PoP-origin ms", popOrigin), DoubleColumn.create("user-origin ms", direct));
        return t;
    }
}
