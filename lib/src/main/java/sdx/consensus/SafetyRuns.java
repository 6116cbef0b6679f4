package sdx.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import sdx.core.Check;
import sdx.sim.Time;
import sdx.sim.Delay;
import sdx.sim.Simulation;
import sdx.sim.TraceLog;
import sdx.viz.Picture;

/**
 * Raft under a random nemesis, run over many seeds, with its safety invariants checked after every
 * event: the way MIT 6.5840's testers and Jepsen look for bugs. Each run: three servers, 5% message
 * loss, every 50–250 ms one fault (crash a server, restart one, cut the network in two, heal it,
 * reboot one quickly), and a targeted fault: a quarter of the servers that grant a vote reboot at once;
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

    /**
     * Runs {@code handler} as the RequestVote rule of every server, over {@code runs} seeds of the
     * nemesis scenario (with or without crashes), and stops at the first run that breaks
     * {@code invariant} (null: any invariant). This is what the exercise's grader calls.
     */
    public static Result explore(VoteHandler handler, int runs, long seed, String invariant, boolean crashes) {
        Check.notNull("handler", handler);
        Check.inRange("runs", runs, 1, 1_000_000);
        Check.that(invariant == null || RaftAudit.ALL.contains(invariant), "invariant", invariant,
                "must be null (any) or one of " + RaftAudit.ALL);
        return explore(handler, runs, seed, RUN_TIME, true, invariant, crashes);
    }

    /**
     * The first of {@code runs} seeds in which a healthy cluster (no faults) running {@code handler}
     * has no leader after one second, or -1 when every run elected one.
     */
    public static long firstRunWithoutLeader(VoteHandler handler, int runs, long seed) {
        Check.notNull("handler", handler);
        Check.inRange("runs", runs, 1, 1_000_000);
        for (int i = 0; i < runs; i++) {
            RaftAudit audit = new RaftAudit();
            Simulation c = cluster(handler, seed + i, audit, false);
            if (!c.runUntil(sim -> !audit.wins.isEmpty(), Time.s(1))) return seed + i;
        }
        return -1;
    }

    static Result explore(VoteHandler votes, int runs, long seed, long runTime, boolean stopAtFirst, String only) {
        return explore(votes, runs, seed, runTime, stopAtFirst, only, true);
    }

    static Result explore(VoteHandler votes, int runs, long seed, long runTime, boolean stopAtFirst, String only,
            boolean crashes) {
        int failed = 0;
        long elections = 0, commits = 0, first = -1, at = 0;
        String invariant = "", detail = "";
        for (int i = 0; i < runs; i++) {
            RaftAudit audit = run(votes, seed + i, runTime, false, only, crashes).audit;
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

    record Run(Simulation sim, RaftAudit audit) {}

    /** One run of the nemesis scenario on {@code sdx.sim}; stops at the first violation (of {@code only}, if set). */
    static Run run(VoteHandler votes, long seed, long runTime, boolean tracing, String only) {
        return run(votes, seed, runTime, tracing, only, true);
    }

    private static Simulation cluster(VoteHandler votes, long seed, RaftAudit audit, boolean faulty) {
        RaftConfig config = RaftConfig.timeouts(150, 300).withCommands().withVotes(votes);
        Simulation c = Simulation.seeded(seed);
        c.network().delay(Delay.uniform(Raft.LATENCY_MIN, Raft.LATENCY_MAX)).loss(faulty ? 0.05 : 0);
        for (int i = 0; i < SERVERS; i++) c.add(Raft.name(i), () -> new RaftNode(config, audit));
        return c;
    }

    static Run run(VoteHandler votes, long seed, long runTime, boolean tracing, String only, boolean crashes) {
        RaftAudit audit = new RaftAudit();
        Simulation c = cluster(votes, seed, audit, true).tracing(tracing);
        List<String> names = c.nodeNames();
        SplittableRandom nemesis = new SplittableRandom(seed ^ 0xC0FFEEL);
        Set<String> down = new HashSet<>();
        if (crashes) { // a targeted fault, as Jepsen's nemeses do: sometimes reboot a server right after it votes
            SplittableRandom targeted = new SplittableRandom(seed ^ 0xBADC0DEL);
            audit.onVote = voter -> {
                if (down.contains(voter) || targeted.nextInt(4) != 0) return;
                c.at(c.now(), sim -> {
                    if (sim.isUp(voter)) sim.crash(voter);
                });
                c.at(c.now() + targeted.nextLong(Time.ms(5), Time.ms(40)), sim -> {
                    if (!down.contains(voter) && !sim.isUp(voter)) sim.restart(voter);
                });
            };
        }
        for (long t = Raft.BOOT_SPREAD + nemesis.nextLong(Time.ms(50), Time.ms(250)); t < runTime;
                t += nemesis.nextLong(Time.ms(50), Time.ms(250))) {
            int action = nemesis.nextInt(5);
            if (!crashes && (action == 0 || action == 1 || action == 4)) action = 2 + nemesis.nextInt(2);
            String who = names.get(nemesis.nextInt(names.size()));
            long bits = nemesis.nextLong();
            int chosen = action;
            c.at(t, sim -> fault(sim, chosen, who, bits, down, names));
        }
        c.runUntil(sim -> audit.first(only) != null, runTime);
        return new Run(c, audit);
    }

    private static void fault(Simulation c, int action, String who, long bits, Set<String> down,
            List<String> names) {
        switch (action) {
            case 0 -> { // crash, keeping a majority of servers able to run
                if (down.size() < (SERVERS - 1) / 2 && c.isUp(who) && down.add(who)) c.crash(who);
            }
            case 1 -> { // restart a crashed server
                String any = down.contains(who) ? who : down.isEmpty() ? null : down.iterator().next();
                if (any != null) {
                    down.remove(any);
                    if (!c.isUp(any)) c.restart(any);
                }
            }
            case 2 -> { // a random split of the network in two
                Set<String> side = new HashSet<>();
                for (int i = 0; i < names.size(); i++) if ((bits >>> i & 1) == 1) side.add(names.get(i));
                c.partition(side);
            }
            case 3 -> c.heal();
            default -> { // a quick reboot: down for 5-50 ms
                if (down.contains(who) || !c.isUp(who)) return;
                c.crash(who);
                c.at(c.now() + 5_000 + (bits & 0xFFFF) % 45_000, sim -> {
                    if (!down.contains(who) && !sim.isUp(who)) sim.restart(who);
                });
            }
        }
    }

    /**
     * The sequence diagram of {@code seed}'s run over the {@code windowMs} before its first violation
     * of {@code invariant} (null: of any invariant), heartbeats and their replies left out.
     */
    public static Picture diagram(Variant variant, long seed, String invariant, double windowMs) {
        Check.notNull("variant", variant);
        Check.that(invariant == null || RaftAudit.ALL.contains(invariant), "invariant", invariant,
                "must be null (any) or one of " + RaftAudit.ALL);
        Check.inRange("windowMs", windowMs, 1, Time.toMs(RUN_TIME));
        Run r = run(variant.votes, seed, RUN_TIME, true, invariant);
        RaftAudit.Violation v = r.audit.first(invariant);
        long end = v == null ? r.sim.now() : v.time() + 1;
        TraceLog log = r.sim.trace().between(Math.max(0, end - Time.ms(windowMs)), end)
                .filter(e -> !(e.message() instanceof RaftMessage.AppendEntries ae && ae.entries().isEmpty())
                        && !(e.message() instanceof RaftMessage.AppendReply)
                        && !(e.message() instanceof RaftMessage.HeartbeatDue));
        return log.diagram();
    }

    /** What went wrong in {@code seed}'s run (its first violation of {@code invariant}, null: any), or "no violation". */
    public static String explain(Variant variant, long seed, String invariant) {
        Check.notNull("variant", variant);
        Run r = run(variant.votes, seed, RUN_TIME, false, invariant);
        RaftAudit.Violation v = r.audit.first(invariant);
        return v == null ? "seed " + seed + ": no violation"
                : String.format(Locale.ROOT, "seed %d, %s at %.1f ms: %s", seed, v.invariant(), Time.toMs(v.time()), v.detail());
    }
}
