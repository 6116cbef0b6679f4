package sdx.streaming;

import java.util.List;
import sdx.core.Check;
import sdx.viz.Plot;
import tech.tablesaw.api.Table;

/**
 * Short polling at several intervals, beside long polling and streaming (which do not depend on the interval),
 * on the simulator.
 *
 * @param polls    one short-polling run per interval, in the order given
 * @param longPoll the long-polling run
 * @param sse      the streaming run
 */
public record IntervalSweep(List<DeliveryRun> polls, DeliveryRun longPoll, DeliveryRun sse) {
    public IntervalSweep {
        polls = List.copyOf(Check.notEmpty("polls", polls));
        Check.notNull("longPoll", longPoll);
        Check.notNull("sse", sse);
    }

    /** The polling intervals, ms. */
    public double[] intervals() {
        return polls.stream().mapToDouble(r -> r.settings().intervalMs()).toArray();
    }

    private double[] flat(double v) {
        double[] a = new double[polls.size()];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** Mean staleness vs polling interval; theory dashed (I/2 + d for short polling). */
    public Plot plotStaleness() {
        double[] x = intervals();
        return Plot.line("Mean staleness: how old an event is when a client has it", "polling interval (ms)",
                        "mean staleness (ms)")
                .series(Protocol.SHORT_POLL.label(), x, polls.stream().mapToDouble(DeliveryRun::meanStalenessMs).toArray())
                .theoryOf(Protocol.SHORT_POLL.label(), "theory: I/2 + d", x,
                        polls.stream().mapToDouble(DeliveryRun::theoryStaleness).toArray())
                .series(Protocol.LONG_POLL.label(), x, flat(longPoll.meanStalenessMs()))
                .series(Protocol.SSE.label(), x, flat(sse.meanStalenessMs()));
    }

    /** Requests per second at the server vs polling interval; theory dashed (C/I for short polling). */
    public Plot plotRequests() {
        double[] x = intervals();
        return Plot.line("Requests per second at the server", "polling interval (ms)", "requests per second")
                .series(Protocol.SHORT_POLL.label(), x, polls.stream().mapToDouble(DeliveryRun::requestsPerSecond).toArray())
                .theoryOf(Protocol.SHORT_POLL.label(), "theory: C/I", x,
                        polls.stream().mapToDouble(DeliveryRun::theoryRequestsPerSecond).toArray())
                .series(Protocol.LONG_POLL.label(), x, flat(longPoll.requestsPerSecond()))
                .theoryOf(Protocol.LONG_POLL.label(), "theory: C/(held + 2d)", x, flat(longPoll.theoryRequestsPerSecond()))
                .series(Protocol.SSE.label(), x, flat(sse.requestsPerSecond()))
                .logY();
    }

    /** One row per run: measured beside theory. */
    public Table table() {
        List<DeliveryRun> all = new java.util.ArrayList<>(polls);
        all.add(longPoll);
        all.add(sse);
        return Runs.table("Delivering one feed (simulator)", all);
    }
}
