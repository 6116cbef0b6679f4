package sdx.transactions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.viz.Picture;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of one atomic-commit run: what each participant decided and how long it held its locks.
 *
 * @param protocol     "2PC" or "3PC"
 * @param scenario     what was run
 * @param coordinator  the coordinator's decision at the end: "commit", "abort" or "undecided" (or down)
 * @param decisions    each participant's decision: "commit", "abort" or "undecided"
 * @param lockedMs     how long each participant held its locks (until the end of the run if undecided); NaN
 *                     where the protocol's participants do not report it (3PC here)
 * @param sim          the finished simulation, for its trace
 */
public record CommitRun(String protocol, CommitScenario scenario, String coordinator, Map<String, String> decisions,
                        Map<String, Double> lockedMs, Simulation sim) {
    public CommitRun {
        decisions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
        lockedMs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lockedMs));
    }

    /** True when no participant committed while another aborted. */
    public boolean agree() {
        return !(decisions.containsValue("commit") && decisions.containsValue("abort"));
    }

    /** The longest time any participant held its locks, in ms. */
    public double maxLockedMs() {
        return lockedMs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** One row per participant: decision and time holding locks. */
    public Table table() {
        List<String> names = List.copyOf(decisions.keySet());
        Table t = Table.create(protocol + ": " + (agree() ? "participants agree" : "PARTICIPANTS DISAGREE"));
        t.addColumns(StringColumn.create("participant", names),
                StringColumn.create("decision", names.stream().map(decisions::get).toList()));
        if (lockedMs.values().stream().noneMatch(v -> v.isNaN())) {
            t.addColumns(DoubleColumn.create("locks held (ms)", names.stream().mapToDouble(n -> round(lockedMs.get(n))).toArray()));
        }
        return t;
    }

    /** The messages of the run as a sequence diagram. */
    public Picture diagram() {
        return sim.trace().diagram();
    }

    /** The messages between two times (ms) as a sequence diagram. */
    public Picture diagram(double fromMs, double toMs) {
        return sim.trace().between(Time.ms(fromMs), Time.ms(toMs)).diagram();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
