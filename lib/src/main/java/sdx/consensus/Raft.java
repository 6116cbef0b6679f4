package sdx.consensus;

import java.util.Set;
import java.util.function.Supplier;
import sdx.sim.Time;

/** Builds Raft clusters on this topic's runner: nodes n1..nN with one shared audit. */
final class Raft {
    private Raft() {}

    /** One-way network delay in the election experiments: uniform 1–5 ms (a busy LAN; a vote round trip of 2–10 ms). */
    static final long LATENCY_MIN = Time.ms(1), LATENCY_MAX = Time.ms(5);

    /** Servers boot at random moments within this window (a cluster never boots in lockstep). */
    static final long BOOT_SPREAD = Time.ms(300);

    /** A timer fires up to this late: the scheduling noise of a real machine, which breaks perfect ties. */
    static final long TIMER_JITTER = Time.ms(0.1);

    static String name(int i) {
        return "n" + (i + 1);
    }

    static Cluster<RaftMessage> cluster(int n, RaftConfig config, RaftAudit audit, long seed) {
        return cluster(n, () -> config, audit, seed, LATENCY_MIN, LATENCY_MAX);
    }

    static Cluster<RaftMessage> cluster(int n, Supplier<RaftConfig> config, RaftAudit audit, long seed, long latMin,
            long latMax) {
        Cluster<RaftMessage> c = new Cluster<RaftMessage>(seed, latMin, latMax).stagger(BOOT_SPREAD).timerJitter(TIMER_JITTER);
        for (int i = 0; i < n; i++) {
            RaftConfig cfg = config.get();
            c.add(name(i), () -> new RaftNode(cfg, audit));
        }
        return c;
    }

    /** The live leader with the highest term, or null. */
    static String leader(Cluster<RaftMessage> c) {
        String best = null;
        long term = -1;
        for (String n : c.names()) {
            if (c.node(n) instanceof RaftNode r && r.role() == RaftNode.Role.LEADER && r.term() > term) {
                best = n;
                term = r.term();
            }
        }
        return best;
    }

    static RaftNode node(Cluster<RaftMessage> c, String name) {
        return (RaftNode) c.node(name);
    }

    static Set<String> set(String... names) {
        return Set.of(names);
    }
}
