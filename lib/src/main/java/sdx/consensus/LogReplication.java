package sdx.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import sdx.sim.Delay;
import sdx.sim.SequenceDiagram;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.sim.TraceLog;
import sdx.viz.Picture;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Log replication in brief, on the course simulator: five Raft servers; the leader commits {@code x=1} (a
 * majority stores it); then a partition cuts the leader off with one follower. The old leader accepts
 * {@code x=2} but can reach only two of five servers, so {@code x=2} never commits. The majority side elects a
 * new leader in a higher term, which commits {@code x=3} at the same index. After the heal the old leader
 * hears the higher term, steps down, and its uncommitted {@code x=2} is overwritten by {@code x=3} everywhere.
 */
public final class LogReplication {
    private LogReplication() {}

    static final int SERVERS = 5;

    /**
     * One server's copy of the contested log slot (the index where {@code x=2} and then {@code x=3} went).
     *
     * @param server             its name
     * @param side               "old leader's side" or "majority side" of the partition
     * @param beforeHeal         the entry it stores there just before the heal ("—": none)
     * @param committedBeforeHeal whether it knew that slot committed just before the heal
     * @param afterHeal          the entry it stores there at the end
     * @param committedAfterHeal whether it knows that slot committed at the end
     */
    public record Row(String server, String side, String beforeHeal, boolean committedBeforeHeal, String afterHeal,
            boolean committedAfterHeal) {}

    /**
     * What happened.
     *
     * @param seed      the run's seed
     * @param oldLeader the leader that was cut off
     * @param newLeader the leader the majority side elected
     * @param index     the contested log index
     * @param rows      one per server
     * @param trace     the trace from just before the partition to the end, heartbeats left out
     */
    public record Result(long seed, String oldLeader, String newLeader, int index, List<Row> rows, TraceLog trace) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** True if some server, at any moment recorded, knew the old leader's {@code x=2} committed. */
        public boolean oldEntryCommitted() {
            return rows.stream().anyMatch(r -> (r.beforeHeal().startsWith("x=2") && r.committedBeforeHeal())
                    || (r.afterHeal().startsWith("x=2") && r.committedAfterHeal()));
        }

        /** True if every server ends with the new leader's {@code x=3} at the contested index, committed. */
        public boolean newEntryEverywhere() {
            return rows.stream().allMatch(r -> r.afterHeal().startsWith("x=3") && r.committedAfterHeal());
        }

        /** The contested slot on every server, before and after the heal. */
        public Table table() {
            StringColumn server = StringColumn.create("server"), side = StringColumn.create("side"),
                    before = StringColumn.create("log[" + index + "] before heal"),
                    after = StringColumn.create("log[" + index + "] after heal");
            BooleanColumn cBefore = BooleanColumn.create("committed before heal"),
                    cAfter = BooleanColumn.create("committed after heal");
            for (Row r : rows) {
                server.append(r.server());
                side.append(r.side());
                before.append(r.beforeHeal());
                cBefore.append(r.committedBeforeHeal());
                after.append(r.afterHeal());
                cAfter.append(r.committedAfterHeal());
            }
            return Table.create("Old leader " + oldLeader + ", new leader " + newLeader + " (seed " + seed + ")")
                    .addColumns(server, side, before, cBefore, after, cAfter);
        }

        /** The sequence diagram: partition shaded, ✗ for messages the partition dropped, heartbeats left out. */
        public Picture diagram() {
            return SequenceDiagram.of(trace).timers(false).maxLabels(60).width(1200).draw();
        }
    }

    /** Runs the scenario with {@code seed}; fails with the seed if a step does not happen in time. */
    public static Result partitionedLeader(long seed) {
        Simulation sim = Simulation.seeded(seed).tracing(true);
        sim.network().delay(Delay.uniform(Raft.LATENCY_MIN, Raft.LATENCY_MAX));
        RaftConfig config = RaftConfig.timeouts(150, 300);
        RaftAudit audit = new RaftAudit();
        for (int i = 0; i < SERVERS; i++) sim.add(Raft.name(i), () -> new RaftNode(config, audit));

        require(sim.runUntil(s -> leader(s, 0) != null, Time.s(3)), "a first leader", seed);
        sim.runFor(Time.ms(50));
        String old = leader(sim, 0);
        RaftNode oldNode = node(sim, old);
        oldNode.propose("x=1");
        require(sim.runUntil(s -> node(s, old).commitIndex() >= 1, Time.s(1)), "x=1 committed", seed);
        sim.runFor(Time.ms(100)); // the followers learn the commit with the next heartbeat

        String buddy = sim.nodeNames().stream().filter(n -> !n.equals(old)).findFirst().orElseThrow();
        Set<String> minority = Set.of(old, buddy);
        Set<String> majority = new TreeSet<>(sim.nodeNames());
        majority.removeAll(minority);
        long from = sim.now() - Time.ms(2);
        sim.partition(minority, majority);
        oldNode.propose("x=2");
        int index = oldNode.log().size();
        long oldTerm = oldNode.term();
        require(sim.runUntil(s -> leader(s, oldTerm) != null && majority.contains(leader(s, oldTerm)), Time.s(3)),
                "a new leader on the majority side", seed);
        String next = leader(sim, oldTerm);
        node(sim, next).propose("x=3");
        require(sim.runUntil(s -> node(s, next).commitIndex() >= index, Time.s(1)), "x=3 committed", seed);
        sim.runFor(Time.ms(5));
        List<String[]> before = snapshot(sim, index);
        sim.heal();
        require(sim.runUntil(s -> sim.nodeNames().stream().allMatch(n -> committedAt(s, n, index, "x=3")), Time.s(2)),
                "x=3 on every server after the heal", seed);
        sim.runFor(Time.ms(10)); // let the last replies land inside the diagram
        List<String[]> after = snapshot(sim, index);

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            String n = sim.nodeNames().get(i);
            rows.add(new Row(n, minority.contains(n) ? "old leader's side" : "majority side", before.get(i)[0],
                    Boolean.parseBoolean(before.get(i)[1]), after.get(i)[0], Boolean.parseBoolean(after.get(i)[1])));
        }
        TraceLog trace = sim.trace().between(from, sim.now() + 1)
                .filter(e -> !(e.message() instanceof RaftMessage.AppendEntries ae && ae.entries().isEmpty())
                        && !(e.message() instanceof RaftMessage.AppendReply ar && ar.success() && ar.matchIndex() < index)
                        && !(e.message() instanceof RaftMessage.HeartbeatDue)
                        && !(e.message() instanceof RaftMessage.ResendVotes));
        return new Result(seed, old, next, index, rows, trace);
    }

    private static void require(boolean ok, String step, long seed) {
        if (!ok) throw new IllegalStateException("log replication scenario, seed " + seed + ": no " + step + " in time");
    }

    /** The live leader whose term is above {@code minTerm} (the highest such), or null. */
    private static String leader(Simulation sim, long minTerm) {
        String best = null;
        long term = minTerm;
        for (var e : sim.nodes(RaftNode.class).entrySet()) {
            if (e.getValue().role() == RaftNode.Role.LEADER && e.getValue().term() > term) {
                best = e.getKey();
                term = e.getValue().term();
            }
        }
        return best;
    }

    private static RaftNode node(Simulation sim, String name) {
        return sim.node(name, RaftNode.class);
    }

    private static boolean committedAt(Simulation sim, String name, int index, String command) {
        RaftNode r = node(sim, name);
        return r.log().size() >= index && r.log().get(index - 1).command().equals(command) && r.commitIndex() >= index;
    }

    private static List<String[]> snapshot(Simulation sim, int index) {
        List<String[]> out = new ArrayList<>();
        for (String n : sim.nodeNames()) {
            RaftNode r = node(sim, n);
            String entry = r.log().size() >= index ? r.log().get(index - 1).toString() : "—";
            out.add(new String[] {entry, Boolean.toString(r.commitIndex() >= index)});
        }
        return out;
    }
}
