package sdx.cdn;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A few CDN runs side by side (TTL expiry vs purge, or pull vs push), one row each.
 *
 * @param runs the runs, in the order shown
 */
public record Staleness(List<CdnRun> runs) {

    /** Copies the list. */
    public Staleness {
        runs = List.copyOf(runs);
    }

    /** The run at {@code i}. */
    public CdnRun get(int i) {
        return runs.get(i);
    }

    /** One row per run: staleness columns for TTL vs purge, delivery columns when a run pushes. */
    public Table table() {
        int n = runs.size();
        int pops = runs.isEmpty() ? 0 : (int) java.util.Arrays.stream(
                java.util.stream.IntStream.range(0, runs.get(0).geography().regions().size()).map(runs.get(0).geography()::popOf).toArray()).distinct().count();
        String[] mode = new String[n];
        double[] ttl = new double[n], stale = new double[n], origin = new double[n], perSecond = new double[n],
                mean = new double[n], max = new double[n], theory = new double[n], first = new double[n], unread = new double[n], transfers = new double[n];
        for (int i = 0; i < n; i++) {
            CdnRun r = runs.get(i);
            CdnSettings s = r.settings();
            mode[i] = s.delivery() == Delivery.PUSH ? "push" : s.purge() ? "pull, TTL + purge" : "pull, TTL only";
            ttl[i] = s.delivery() == Delivery.PUSH ? Double.NaN : s.ttlSeconds();
            stale[i] = CdnRun.round(r.staleShare(), 5);
            origin[i] = CdnRun.round(r.originShare(), 4);
            perSecond[i] = CdnRun.round(r.originPerSecond(), 1);
            transfers[i] = r.totalTransfers();
            mean[i] = CdnRun.round(r.meanConvergence(), 2);
            max[i] = CdnRun.round(r.maxConvergence(), 2);
            theory[i] = s.delivery() == Delivery.PULL && !s.purge() ? CdnRun.round(Theory.untilEveryPopNew(s.ttlSeconds(), pops), 1) : Double.NaN;
            first[i] = CdnRun.round(r.firstRequestMs(), 1);
            unread[i] = r.pushedUnread();
        }
        boolean push = runs.stream().anyMatch(r -> r.settings().delivery() == Delivery.PUSH);
        Table t = Table.create(push ? "Pull vs push from a cold start" : "After an update: TTL expiry vs purge");
        t.addColumns(StringColumn.create("mode", mode));
        if (push) {
            t.addColumns(DoubleColumn.create("requests to origin", origin), DoubleColumn.create("objects origin sent, total", transfers),
                    DoubleColumn.create("first request at a PoP, mean ms", first), DoubleColumn.create("pushed, never read", unread),
                    DoubleColumn.create("stale share", stale));
        } else {
            t.addColumns(DoubleColumn.create("TTL s", ttl), DoubleColumn.create("stale share", stale),
                    DoubleColumn.create("origin requests/s", perSecond),
                    DoubleColumn.create("until no PoP serves old, mean s", mean), DoubleColumn.create("max s", max),
                    DoubleColumn.create("mean s, theory if cached everywhere", theory));
        }
        return t;
    }
}
