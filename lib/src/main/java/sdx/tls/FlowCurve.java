package sdx.tls;

import java.util.List;
import java.util.Map;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Time until the response arrives vs the round-trip time, per kind of connection, simulated
 * ({@link HandshakeFlow#curve}), beside the round-trip count of the RFCs.
 *
 * @param rttMillis the round-trip times simulated
 * @param measured  per kind, the simulated times (ms), one per round-trip time
 */
public record FlowCurve(double[] rttMillis, Map<HandshakeFlow.Kind, double[]> measured) {
    public FlowCurve {
        rttMillis = rttMillis.clone();
        measured = copy(measured);
    }

    private static Map<HandshakeFlow.Kind, double[]> copy(Map<HandshakeFlow.Kind, double[]> m) {
        Map<HandshakeFlow.Kind, double[]> out = new java.util.EnumMap<>(HandshakeFlow.Kind.class);
        m.forEach((k, v) -> out.put(k, v.clone()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Per kind, a copy of the simulated times (ms). */
    @Override
    public Map<HandshakeFlow.Kind, double[]> measured() {
        return copy(measured);
    }

    @Override
    public double[] rttMillis() {
        return rttMillis.clone();
    }

    /** Simulated time per kind, with the count (round trips x RTT) as a dashed line in the same hue. */
    public Plot plot() {
        Plot p = Plot.line("Time until the response arrives vs round-trip time", "round-trip time (ms)",
                "time to response (ms)");
        for (HandshakeFlow.Kind k : HandshakeFlow.Kind.values()) {
            double[] theory = new double[rttMillis.length];
            int trips = 1 + k.tlsRoundTrips() + 1;
            for (int i = 0; i < theory.length; i++) theory[i] = trips * rttMillis[i];
            p.points(k.label(), rttMillis, measured.get(k));
            p.theoryOf(k.label(), k.label() + ": " + trips + " round trips", rttMillis, theory);
        }
        return p;
    }

    /** One row per round-trip time, one column per kind. */
    public Table table() {
        Table t = Table.create("Simulated time until the response arrives (ms)");
        t.addColumns(DoubleColumn.create("round trip (ms)", rttMillis));
        for (HandshakeFlow.Kind k : List.of(HandshakeFlow.Kind.values())) {
            double[] v = measured.get(k).clone();
            for (int i = 0; i < v.length; i++) v[i] = Math.round(v[i] * 10) / 10.0;
            t.addColumns(DoubleColumn.create(k.label(), v));
        }
        return t;
    }
}
