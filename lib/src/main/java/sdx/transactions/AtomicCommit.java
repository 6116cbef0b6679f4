package sdx.transactions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import sdx.core.Check;
import sdx.sim.Delay;
import sdx.sim.Disk;
import sdx.sim.Schedule;
import sdx.sim.Simulation;
import sdx.sim.Time;

/**
 * Two-phase and three-phase commit on the simulator ({@code sdx.sim}): a coordinator and participants
 * on a simulated network with crashes and partitions, which a laptop cannot stage with real machines.
 */
public final class AtomicCommit {
    private AtomicCommit() {}

    /** The coordinator's node name. */
    public static final String COORDINATOR = "coord";

    /** How long every run lasts, in ms of virtual time. */
    public static final double RUN_MS = 1_000;

    /** Two-phase commit with the reference participant. */
    public static CommitRun twoPc(CommitScenario s) {
        return twoPc(s, TwoPcParticipant::new);
    }

    /** Two-phase commit with participants built by {@code participant} (the exercise plugs yours in here). */
    public static CommitRun twoPc(CommitScenario s, java.util.function.Function<Participant.Settings, ? extends Participant> participant) {
        return twoPc(s, participant, Schedule.none(), 0);
    }

    /**
     * Two-phase commit with participants built by {@code participant}, an extra nemesis schedule (for
     * example a participant's crash and restart) and a message-loss probability on every link.
     */
    public static CommitRun twoPc(CommitScenario s, java.util.function.Function<Participant.Settings, ? extends Participant> participant,
                                  Schedule nemesis, double lossProbability) {
        Check.notNull("scenario", s);
        Check.notNull("participant", participant);
        Check.notNull("nemesis", nemesis);
        Check.inRange("lossProbability", lossProbability, 0.0, 1.0);
        Simulation sim = network(s);
        sim.network().loss(lossProbability);
        List<String> names = names(s);
        long timeout = Time.ms(s.timeoutMs());
        sim.add(COORDINATOR, () -> new TwoPcCoordinator(new TwoPcCoordinator.Settings(names, timeout, timeout)));
        for (int i = 0; i < names.size(); i++) {
            Participant.Settings ps = new Participant.Settings(COORDINATOR, s.noVoter() != i + 1, timeout);
            sim.add(names.get(i), () -> participant.apply(ps));
        }
        slowLastVoter(sim, names);
        crash(sim, s);
        sim.schedule(nemesis);
        sim.runFor(Time.ms(RUN_MS));
        Map<String, String> decisions = new LinkedHashMap<>();
        Map<String, Double> locked = new LinkedHashMap<>();
        for (String n : names) {
            decisions.put(n, decision(sim.isUp(n) ? sim.node(n, Participant.class).decision() : null));
            locked.put(n, lockedMs(sim.disk(n), sim.now()));
        }
        return new CommitRun("2PC", s, decision(sim.isUp(COORDINATOR) ? sim.node(COORDINATOR, TwoPcCoordinator.class).decision() : null), decisions, locked, sim);
    }

    /** Three-phase commit with the classic timeout rules. */
    public static CommitRun threePc(CommitScenario s) {
        return threePc(s, Schedule.none());
    }

    /** Three-phase commit under an extra nemesis schedule (for example a partition). */
    public static CommitRun threePc(CommitScenario s, Schedule nemesis) {
        Check.notNull("scenario", s);
        Check.notNull("nemesis", nemesis);
        Simulation sim = network(s);
        List<String> names = names(s);
        long timeout = Time.ms(s.timeoutMs());
        sim.add(COORDINATOR, () -> new ThreePcCoordinator(names, timeout));
        for (String n : names) sim.add(n, () -> new ThreePcParticipant(timeout));
        slowLastVoter(sim, names);
        crash(sim, s);
        sim.schedule(nemesis);
        sim.runFor(Time.ms(RUN_MS));
        Map<String, String> decisions = new LinkedHashMap<>();
        Map<String, Double> locked = new LinkedHashMap<>();
        for (String n : names) {
            decisions.put(n, decision(sim.isUp(n) ? sim.node(n, ThreePcParticipant.class).decision() : null));
            locked.put(n, Double.NaN);
        }
        return new CommitRun("3PC", s, decision(sim.isUp(COORDINATOR) ? sim.node(COORDINATOR, ThreePcCoordinator.class).decision() : null), decisions, locked, sim);
    }

    /** 2PC with the coordinator crashing at {@code crashAtMs}, for each downtime: the participants' longest lock hold. */
    public static BlockingStudy blocking(double crashAtMs, double[] downtimesMs, long seed) {
        Check.notNull("downtimesMs", downtimesMs);
        double[] held = new double[downtimesMs.length];
        for (int i = 0; i < downtimesMs.length; i++) {
            Check.positive("downtimesMs[" + i + "]", downtimesMs[i]);
            held[i] = twoPc(CommitScenario.of(seed + i).crashCoordinator(crashAtMs, downtimesMs[i])).maxLockedMs();
        }
        return new BlockingStudy(crashAtMs, downtimesMs, held);
    }

    /**
     * Runs 3PC and 2PC under the same random partitions, one per seed: the network splits into two
     * sides at a random moment of the protocol and never heals. Counts runs whose participants disagree
     * (one commits, another aborts) and runs that leave a participant undecided (blocked).
     */
    public static PartitionStudy underPartitions(int runs, long seed) {
        Check.inRange("runs", runs, 1, 100_000);
        SplittableRandom rng = new SplittableRandom(seed);
        int disagree3 = 0, blocked3 = 0, disagree2 = 0, blocked2 = 0;
        CommitRun first = null;
        for (int r = 0; r < runs; r++) {
            CommitScenario s = CommitScenario.of(rng.nextLong());
            Schedule split = randomPartition(s);
            CommitRun three = threePc(s, split);
            if (!three.agree()) {
                disagree3++;
                if (first == null) first = three;
            }
            if (three.decisions().containsValue("undecided")) blocked3++;
            CommitRun two = twoPc(s, TwoPcParticipant::new, split, 0);
            if (!two.agree()) disagree2++;
            if (two.decisions().containsValue("undecided")) blocked2++;
        }
        return new PartitionStudy(runs, disagree3, blocked3, disagree2, blocked2, first);
    }


    /**
     * The partition {@link #underPartitions} uses for a scenario: drawn from the scenario's seed, so a
     * counterexample is reproduced by {@code threePc(scenario, randomPartition(scenario))}. The nodes split
     * into two non-empty sides at a moment uniform in the first 30 ms, and the network never heals.
     */
    public static Schedule randomPartition(CommitScenario s) {
        Check.notNull("scenario", s);
        SplittableRandom rng = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
        List<String> participants = names(s);
        List<String> all = new ArrayList<>();
        all.add(COORDINATOR);
        all.addAll(participants);
        Set<String> a = new TreeSet<>(), b = new TreeSet<>();
        while (a.isEmpty() || b.isEmpty()) {
            a.clear();
            b.clear();
            for (String n : all) (rng.nextBoolean() ? a : b).add(n);
        }
        double atMs = rng.nextDouble() * 30;
        return Schedule.at(Time.ms(atMs)).partition(a, b);
    }

    private static Simulation network(CommitScenario s) {
        Simulation sim = Simulation.seeded(s.seed());
        sim.network().delay(Delay.uniform(Time.ms(1), Time.ms(3)));
        return sim;
    }

    private static List<String> names(CommitScenario s) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= s.participants(); i++) names.add("p" + i);
        return names;
    }

    private static void slowLastVoter(Simulation sim, List<String> names) {
        sim.network().link(names.get(names.size() - 1), COORDINATOR).delay(Delay.constant(Time.ms(20)));
    }

    private static void crash(Simulation sim, CommitScenario s) {
        if (s.crashAtMs() < 0) return;
        sim.schedule(Schedule.at(Time.ms(s.crashAtMs())).crash(COORDINATOR)
                .then(Time.ms(s.crashAtMs() + s.downtimeMs())).restart(COORDINATOR));
    }

    private static String decision(Boolean d) {
        return d == null ? "undecided" : d ? "commit" : "abort";
    }

    private static double lockedMs(Disk disk, long end) {
        Long from = disk.get("lockedAt", Long.class).orElse(null);
        if (from == null) return 0;
        long to = disk.get("decidedAt", Long.class).orElse(end);
        return Time.toMs(to - from);
    }
}
