package sdx.consensus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import sdx.core.Check;
import sdx.sim.Time;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Raft under a random nemesis, run over many seeds, with its safety invariants checked after every
 * event: the way MIT 6.5840's testers and Jepsen look for bugs. Each run: three servers, 5% message
 * loss, and every 50–250 ms one fault (crash a server, restart one, cut the network in two, heal it,
 * reboot one quickly);
 * the leader appends a command at every heartbeat so logs and commits are exercised too.
 */
public final class SafetyRuns {

    /** Servers per run: three, so that one double vote is enough for two leaders. */
    public static final int SERVERS = 3;

    /** Virtual time per run. */
    public static final long RUN_TIME = Time.s(3);

    /** A Raft variant to explore. */
    public enum Variant {
        /** Raft as the paper specifies it. */
        RAFT(RaftNode.RAFT_VOTE),
        /** Votes like Raft but keeps its vote only in memory: a restart forgets whom it voted for. */
        FORGETS_VOTE_ON_RESTART(RaftNode.FORGETFUL_VOTE);

        final VoteHandler votes;

        Variant(VoteHandler votes) {
            this.votes = votes;
        }
    }

    /**
     * The outcome of many runs.
     *
     * @param runs        runs made
     * @param failedRuns  runs that broke an invariant
     * @param elections   elections won in all runs together
     * @param commits     entries committed in all runs together
     * @param firstSeed   the first failing seed, or -1
     * @param invariant   the invariant it broke first (empty when none)
     * @param detail      what happened (empty when none)
     * @param atMicros    when, in the failing run
     */
    public record Result(int runs, int failedRuns, long elections, long commits, long firstSeed, String invariant,
            String detail, long atMicros) {
        /** True when every run kept every invariant. */
        public boolean safe() {
            return failedRuns == 0;
        }

        @Override
        public String toString() {
            return safe()
                    ? String.format(Locale.ROOT, "%,d runs, %,d elections, %,d entries committed: no invariant broken",
                            runs, elections, commits)
                    : String.format(Locale.ROOT, "%,d of %,d runs broke an invariant. First: seed %d, %s at %.1f ms: %s",
                            failedRuns, runs, firstSeed, invariant, Time.toMs(atMicros), detail);
        }
    }

    private SafetyRuns() {}

    /** Runs {@code runs} seeds (seed, seed + 1, ...) of {@code variant}, checking every invariant; stops at the first violation. */
    public static Result explore(Variant variant, int runs, long seed) {
        Check.notNull("variant", variant);
        Check.inRange("runs", runs, 1, 1_000_000);
        return explore(variant.votes, runs, seed, RUN_TIME, true, null);
    }

    /**
     * Hunts one invariant: runs seeds until one breaks {@code invariant} (other violations are counted
     * but do not stop the hunt). Invariants: ELECTION_SAFETY, ONE_VOTE_PER_TERM, NO_STALE_VOTE,
     * UP_TO_DATE_VOTE, STATE_MACHINE_SAFETY, LEADER_COMPLETENESS.
     */
    public static Result explore(Variant variant, int runs, long seed, String invariant) {
        Check.notNull("variant", variant);
        Check.inRange("runs", runs, 1, 1_000_000);
        Check.that(RaftAudit.ALL.contains(invariant), "invariant", invariant, "must be one of " + RaftAudit.ALL);
        return explore(variant.votes, runs, seed, RUN_TIME, true, invariant);
    }

    static Result explore(VoteHandler votes, int runs, long seed, long runTime, boolean stopAtFirst, String only) {
        int failed = 0;
        long elections = 0, commits = 0, first = -1, at = 0;
        String invariant = "", detail = "";
        for (int i = 0; i < runs; i++) {
            RaftAudit audit = run(votes, seed + i, runTime, false, only).audit;
            elections += audit.wins.size();
            commits += audit.committedCount();
            RaftAudit.Violation v = audit.first(only);
            if (!audit.violations().isEmpty()) failed++;
            if (v != null) {
                if (first < 0) {
                    first = seed + i;
                    invariant = v.invariant();
                    detail = v.detail();
                    at = v.time();
                    if (stopAtFirst) return new Result(i + 1, failed, elections, commits, first, invariant, detail, at);
                }
            }
        }
        return new Result(runs, failed, elections, commits, first, invariant, detail, at);
    }

    record Run(Cluster<RaftMessage> cluster, RaftAudit audit) {}

    /** One run of the nemesis scenario; stops at the first violation. */
    static Run run(VoteHandler votes, long seed, long runTime, boolean tracing, String only) {
        RaftAudit audit = new RaftAudit();
        RaftConfig config = RaftConfig.timeouts(150, 300).withCommands().withVotes(votes);
        Cluster<RaftMessage> c = Raft.cluster(SERVERS, config, audit, seed).tracing(tracing).loss(0.05);
        List<String> names = c.names();
        SplittableRandom nemesis = new SplittableRandom(seed ^ 0xC0FFEEL);
        Set<String> down = new HashSet<>();
        for (long t = Raft.BOOT_SPREAD + nemesis.nextLong(Time.ms(50), Time.ms(250)); t < runTime;
                t += nemesis.nextLong(Time.ms(50), Time.ms(250))) {
            int action = nemesis.nextInt(5);
            String who = names.get(nemesis.nextInt(names.size()));
            long bits = nemesis.nextLong();
            c.at(t, () -> fault(c, action, who, bits, down, names));
        }
        c.runUntil(() -> audit.first(only) != null, runTime);
        return new Run(c, audit);
    }

    private static void fault(Cluster<RaftMessage> c, int action, String who, long bits, Set<String> down,
            List<String> names) {
        switch (action) {
            case 0 -> { // crash, keeping a majority of servers able to run
                if (down.size() < (SERVERS - 1) / 2 && down.add(who)) c.crash(who);
            }
            case 1 -> { // restart the server down the longest (or the named one)
                if (down.remove(who)) c.restart(who);
                else if (!down.isEmpty()) {
                    String any = down.iterator().next();
                    down.remove(any);
                    c.restart(any);
                }
            }
            case 2 -> { // a random split of the network in two
                Set<String> side = new HashSet<>();
                for (int i = 0; i < names.size(); i++) if ((bits >>> i & 1) == 1) side.add(names.get(i));
                c.partition(side);
            }
            case 3 -> c.heal();
            default -> { // a quick reboot: down for 5-50 ms
                if (down.contains(who)) return;
                c.crash(who);
                c.at(c.now() + 5_000 + (bits & 0xFFFF) % 45_000, () -> {
                    if (!down.contains(who)) c.restart(who);
                });
            }
        }
    }

    /**
     * The trace of {@code seed}'s run up to its first violation of {@code invariant} (null: of any
     * invariant): the last {@code rows} events that
     * are not plain sends (deliveries, drops, crashes, restarts, partitions, notes).
     */
    public static Table trace(Variant variant, long seed, String invariant, int rows) {
        Check.notNull("variant", variant);
        Check.inRange("rows", rows, 1, 10_000);
        Check.that(invariant == null || RaftAudit.ALL.contains(invariant), "invariant", invariant,
                "must be null (any) or one of " + RaftAudit.ALL);
        Run r = run(variant.votes, seed, RUN_TIME, true, invariant);
        List<Cluster.Event> events = new ArrayList<>();
        for (Cluster.Event e : r.cluster.trace()) if (!e.kind().equals("send")) events.add(e);
        List<Cluster.Event> tail = events.subList(Math.max(0, events.size() - rows), events.size());
        DoubleColumn ms = DoubleColumn.create("ms");
        StringColumn kind = StringColumn.create("event"), from = StringColumn.create("from"),
                to = StringColumn.create("to"), what = StringColumn.create("what");
        for (Cluster.Event e : tail) {
            ms.append(Math.round(Time.toMs(e.time()) * 10) / 10.0);
            kind.append(e.kind());
            from.append(e.from());
            to.append(e.to());
            what.append(e.label());
        }
        RaftAudit.Violation v = r.audit.first(invariant);
        String title = v == null ? "seed " + seed + ": no violation" : "seed " + seed + ": " + v.invariant() + " — " + v.detail();
        return Table.create(title).addColumns(ms, kind, from, to, what);
    }
}
