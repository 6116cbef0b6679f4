package sdx.streaming;

import java.util.List;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.Table;

/**
 * Every protocol at several numbers of clients (on the simulator, or on loopback).
 *
 * @param clients the client counts, ascending
 * @param runs    for each protocol in {@link Protocol} order, one run per count
 * @param where   "simulator" or "loopback", for titles
 */
public record ClientSweep(int[] clients, List<DeliveryRun> runs, String where) {
    public ClientSweep {
        clients = Check.notNull("clients", clients).clone();
        runs = List.copyOf(Check.notNull("runs", runs));
        Check.that(runs.size() == clients.length * Protocol.values().length, "runs", runs.size(),
                "must hold one run per protocol and client count");
        Check.notNull("where", where);
    }

    @Override public int[] clients() { return clients.clone(); }

    /** The runs of one protocol, one per client count. */
    public List<DeliveryRun> of(Protocol p) {
        return runs.subList(p.ordinal() * clients.length, (p.ordinal() + 1) * clients.length);
    }

    private double[] x() {
        return java.util.Arrays.stream(clients).asDoubleStream().toArray();
    }

    private double[] values(Protocol p, java.util.function.ToDoubleFunction<DeliveryRun> f) {
        return of(p).stream().mapToDouble(f).toArray();
    }

    /** Mean connections held open at the server vs clients; theory dashed. */
    public Plot plotOpen() {
        Plot plot = Plot.line("Connections held open at the server (" + where + ")", "clients", "mean open connections");
        for (Protocol p : Protocol.values()) {
            plot.series(p.label(), x(), values(p, DeliveryRun::meanOpen));
            if (p != Protocol.SHORT_POLL || where.equals("simulator")) {
                plot.theoryOf(p.label(), "theory, " + p.label(), x(), values(p, DeliveryRun::theoryOpen));
            }
        }
        return plot;
    }

    /** Requests per second at the server vs clients; theory dashed. */
    public Plot plotRequests() {
        Plot plot = Plot.line("Requests per second at the server (" + where + ")", "clients", "requests per second");
        for (Protocol p : Protocol.values()) {
            plot.series(p.label(), x(), values(p, DeliveryRun::requestsPerSecond));
            if (p != Protocol.LONG_POLL || where.equals("simulator")) {
                plot.theoryOf(p.label(), "theory, " + p.label(), x(), values(p, DeliveryRun::theoryRequestsPerSecond));
            }
        }
        return plot;
    }

    /** Mean staleness vs clients; theory dashed. */
    public Plot plotStaleness() {
        Plot plot = Plot.line("Mean staleness (" + where + ")", "clients", "mean staleness (ms)");
        for (Protocol p : Protocol.values()) {
            plot.series(p.label(), x(), values(p, DeliveryRun::meanStalenessMs));
            if (p == Protocol.SHORT_POLL) plot.theoryOf(p.label(), "theory: I/2 + d", x(), values(p, DeliveryRun::theoryStaleness));
        }
        return plot;
    }

    /** One row per run. */
    public Table table() {
        return Runs.table("Delivering one feed (" + where + ")", runs);
    }
}
