package sdx.consensus;

import sdx.core.Check;
import sdx.sim.Delay;
import sdx.sim.Simulation;
import sdx.sim.Time;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a majority buys: a Raft cluster of n servers with k of them crashed from the start elects a
 * leader and commits an entry only while the n - k survivors are a majority. Measured on the
 * simulator, one run per (n, k); theory says n = 2f + 1 servers tolerate f failures.
 */
public final class Quorums {
    private Quorums() {}

    /** How long a run waits for a committed entry. */
    public static final long WAIT = Time.s(3);

    /** Whether a cluster of {@code n} with {@code crashed} servers down commits an entry within {@link #WAIT}. */
    public static boolean commits(int n, int crashed, long seed) {
        Check.inRange("n", n, 1, 15);
        Check.inRange("crashed", crashed, 0, n);
        RaftAudit audit = new RaftAudit();
        RaftConfig config = RaftConfig.timeouts(150, 300).withCommands();
        Simulation sim = Simulation.seeded(seed);
        sim.network().delay(Delay.uniform(Raft.LATENCY_MIN, Raft.LATENCY_MAX));
        for (int i = 0; i < n; i++) sim.add(Raft.name(i), () -> new RaftNode(config, audit));
        for (int i = 0; i < crashed; i++) sim.crash(Raft.name(n - 1 - i));
        return sim.runUntil(s -> audit.committedCount() > 0, WAIT);
    }

    /** The most crashed servers a cluster of {@code n} survives (still commits), measured. */
    public static int failuresSurvived(int n, long seed) {
        Check.inRange("n", n, 1, 15);
        int k = 0;
        while (k + 1 < n && commits(n, k + 1, seed)) k++;
        return commits(n, k, seed) ? k : -1;
    }

    /** Theory: floor((n - 1) / 2). */
    public static int theory(int n) {
        Check.inRange("n", n, 1, 1_000_000);
        return (n - 1) / 2;
    }

    /** One row per n = 1..maxN: majority size, failures survived (measured), and theory. */
    public static Table table(int maxN, long seed) {
        Check.inRange("maxN", maxN, 1, 15);
        IntColumn n = IntColumn.create("servers n"), majority = IntColumn.create("majority"),
                measured = IntColumn.create("failures survived (simulated)"), theory = IntColumn.create("theory ⌊(n−1)/2⌋");
        for (int i = 1; i <= maxN; i++) {
            n.append(i);
            majority.append(i / 2 + 1);
            measured.append(failuresSurvived(i, seed));
            theory.append(theory(i));
        }
        return Table.create("Crashed servers a Raft cluster survives").addColumns(n, majority, measured, theory);
    }
}
