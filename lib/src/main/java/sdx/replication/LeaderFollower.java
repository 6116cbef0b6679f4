package sdx.replication;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import sdx.core.Check;
import sdx.sim.Clients;
import sdx.sim.Exploration;
import sdx.sim.Explorer;
import sdx.sim.Invariant;
import sdx.sim.Time;

/**
 * Notebook 12's leader–follower experiments, each one call on a seeded {@link Cluster}: the three
 * replication modes, lost writes against Little's law, stale reads and read-your-writes, split brain with
 * and without fencing, and the "no acknowledged write lost" invariant over many seeds.
 */
public final class LeaderFollower {
    private LeaderFollower() {}

    /** The invariant the explorer checks after every event. */
    public static final String NO_ACKED_WRITE_LOST = "no acknowledged write lost";

    /**
     * Each mode over {@code runs} seeds ({@code seed}, {@code seed + 1}, ...): two clients write 200 times
     * a second for 0.8 s; the leader crashes at a seed-drawn moment between 0.2 and 0.6 s; a proper
     * failover promotes the most advanced follower 50 ms later.
     */
    public static ModeStudy modes(long seed, int runs) {
        Check.inRange("runs", runs, 1, 200);
        List<ModeStudy.Row> rows = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            List<Long> latencies = new ArrayList<>(), lags = new ArrayList<>();
            long acked = 0, lost = 0;
            int losing = 0;
            for (int i = 0; i < runs; i++) {
                Cluster c = failoverRun(seed + i, Cluster.Settings.of(mode), Time.ms(10), 80);
                for (Clients.Op op : c.clients().ops()) if (op.outcome() == Clients.Outcome.OK) latencies.add(op.latency());
                for (long l : c.history().lags()) lags.add(l);
                acked += c.history().acked().size();
                int l = c.lostWrites();
                lost += l;
                if (l > 0) losing++;
            }
            long[] lat = toArray(latencies), lag = toArray(lags);
            rows.add(new ModeStudy.Row(mode, Percentiles.ms(lat, 50), Percentiles.ms(lat, 99), Percentiles.ms(lag, 50),
                    Percentiles.ms(lag, 99), acked, lost, losing));
        }
        return new ModeStudy(runs, rows);
    }

    /** One failover run: writes every {@code periodMicros} per client, a crash at a seed-drawn time, failover, 1.2 s. */
    static Cluster failoverRun(long seed, Cluster.Settings settings, long periodMicros, int writesPerClient) {
        Cluster c = Cluster.start(seed, settings).writes(periodMicros, writesPerClient);
        c.sim().tracing(false); // figures only: no trace to keep
        c.crashLeaderAt(crashTime(seed));
        c.sim().runFor(Time.ms(1200));
        return c;
    }

    /** The crash time of seed {@code seed}'s run: uniform between 0.2 and 0.6 s. */
    static long crashTime(long seed) {
        return Time.ms(200) + new SplittableRandom(seed).nextLong(Time.ms(400));
    }

    /**
     * Asynchronous replication to one follower at each write rate (two clients, 0.8 s of writes), a crash
     * per run: acknowledged writes lost, and the mean replication lag of the same runs.
     */
    public static LossCurve asyncLoss(long seed, double[] ratesPerSecond, int runs) {
        Check.notNull("ratesPerSecond", ratesPerSecond);
        Check.that(ratesPerSecond.length > 0, "ratesPerSecond", "[]", "must hold at least one rate");
        Check.inRange("runs", runs, 1, 500);
        double[] lost = new double[ratesPerSecond.length], lag = new double[ratesPerSecond.length];
        for (int k = 0; k < ratesPerSecond.length; k++) {
            double rate = Check.inRange("ratesPerSecond[" + k + "]", ratesPerSecond[k], 1.0, 5_000.0);
            long period = Math.round(2e6 / rate);
            int count = (int) Math.ceil(0.8e6 / period);
            long total = 0;
            List<Long> lags = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Cluster c = failoverRun(seed + i, Cluster.Settings.of(Mode.ASYNC).followers(1), period, count);
                total += c.lostWrites();
                for (long l : c.history().lags("n2")) lags.add(l);
            }
            lost[k] = (double) total / runs;
            lag[k] = Percentiles.meanMicros(toArray(lags)) / 1000;
        }
        return new LossCurve(ratesPerSecond, lost, lag, runs);
    }

    /**
     * Write-then-read pairs on an asynchronous cluster: for each gap, {@code trials} times a client writes a
     * fresh key to the leader and, {@code gap} after the acknowledgement reaches it, reads the key from a
     * follower twice: once plainly, once with its session token (the index of its write).
     */
    public static StaleReads staleReads(long seed, double[] gapsMs, int trials) {
        Check.notNull("gapsMs", gapsMs);
        Check.that(gapsMs.length > 0, "gapsMs", "[]", "must hold at least one gap");
        Check.inRange("trials", trials, 1, 10_000);
        Cluster.Settings settings = new Cluster.Settings(Mode.ASYNC, 2, sdx.sim.Delay.logNormal(MEDIAN_DELAY, SIGMA), false, 1);
        Cluster c = Cluster.start(seed, settings);
        int pairs = gapsMs.length * trials;
        long[] write = new long[pairs], plain = new long[pairs], token = new long[pairs];
        long spacing = Time.ms(40);
        for (int g = 0; g < gapsMs.length; g++) {
            long gap = Time.ms(Check.inRange("gapsMs[" + g + "]", gapsMs[g], 0.0, 1_000.0));
            for (int t = 0; t < trials; t++) {
                int k = g * trials + t;
                long base = Time.ms(10) + k * spacing;
                String key = "s" + k, follower = k % 2 == 0 ? "n2" : "n3";
                c.sim().at(base, s -> write[k] = c.clients().call("n1", id -> new Msg.Write(id, key, id)));
                c.sim().at(base + 2 * Cluster.CLIENT_DELAY + gap, s -> {
                    plain[k] = c.clients().call(follower, id -> new Msg.Read(id, key, 0));
                    token[k] = c.clients().call(follower, id -> new Msg.Read(id, key, c.history().ackedIndex(write[k])));
                });
            }
        }
        c.sim().tracing(false).runFor(Time.ms(20) + pairs * spacing + Time.s(1));
        double[] stale = new double[gapsMs.length], staleToken = new double[gapsMs.length], fwd = new double[gapsMs.length];
        double[] theory = new double[gapsMs.length];
        for (int g = 0; g < gapsMs.length; g++) {
            for (int t = 0; t < trials; t++) {
                int k = g * trials + t;
                long wrote = c.history().ackedIndex(write[k]);
                if (c.history().readIndex(plain[k]) < wrote) stale[g]++;
                if (c.history().readIndex(token[k]) < wrote) staleToken[g]++;
                if (c.history().readBy(token[k]).equals("n1")) fwd[g]++;
            }
            stale[g] /= trials;
            staleToken[g] /= trials;
            fwd[g] /= trials;
            theory[g] = Theory.staleLogNormal(Time.ms(gapsMs[g]) + 2 * Cluster.CLIENT_DELAY, MEDIAN_DELAY, SIGMA);
        }
        return new StaleReads(gapsMs, stale, staleToken, fwd, theory, trials);
    }

    /** Median one-way replication delay of the stale-read experiment. */
    public static final long MEDIAN_DELAY = Time.ms(5);
    /** Its log-normal shape. */
    public static final double SIGMA = 0.5;

    /** When the split-brain run cuts the leader off, promotes n2, and heals. */
    public static final long CUT = Time.ms(150), PROMOTE = Time.ms(200), HEAL = Time.ms(350);

    /**
     * Split brain on a semi-synchronous cluster: at 150 ms leader n1 is cut off from the other replicas
     * (clients still reach it), at 200 ms the failover promotes n2, at 350 ms the cut heals. One client
     * follows the failover; another keeps writing to n1.
     */
    public static SplitBrain splitBrain(long seed, boolean fencing) {
        Cluster c = Cluster.start(seed, Cluster.Settings.of(Mode.SEMI_SYNC).fencing(fencing)
                .clients(1)).writes(Time.ms(10), 60);
        Clients stale = c.staleClientWrites("n1", Time.ms(10), 60);
        c.sim().at(CUT, s -> s.partition(Set.of("n1")));
        c.sim().at(PROMOTE, s -> c.failover());
        c.sim().at(HEAL, s -> s.heal());
        c.sim().runFor(Time.ms(1000));
        int byOld = 0, refused = 0, byNew = 0;
        for (Clients.Op op : stale.ops()) {
            if (op.start() >= PROMOTE && op.outcome() == Clients.Outcome.OK) byOld++;
            if (op.outcome() == Clients.Outcome.FAILED) refused++;
        }
        for (Clients.Op op : c.clients().ops()) if (op.start() >= PROMOTE && op.outcome() == Clients.Outcome.OK) byNew++;
        List<Msg.Entry> n1 = c.replica("n1").log(), n2 = c.replica("n2").log(), n3 = c.replica("n3").log();
        int divergent = Math.max(disagreements(n2, n3), Math.max(disagreements(n1, n2), disagreements(n1, n3)));
        return new SplitBrain(fencing, byOld, byNew, refused, c.lostWrites(), divergent,
                c.replica("n1").role().name(), (int) c.replica("n1").discarded(), c.sim().trace());
    }

    private static int disagreements(List<Msg.Entry> a, List<Msg.Entry> b) {
        Map<Long, Long> ma = new java.util.HashMap<>(), mb = new java.util.HashMap<>();
        for (Msg.Entry e : a) ma.put(e.index(), e.value());
        for (Msg.Entry e : b) mb.put(e.index(), e.value());
        Set<Long> all = new HashSet<>(ma.keySet());
        all.addAll(mb.keySet());
        int n = 0;
        for (Long i : all) if (!java.util.Objects.equals(ma.get(i), mb.get(i))) n++;
        return n;
    }

    /**
     * The explorer's scenario for one seed: two clients write 100 times a second to the leader, which
     * crashes at a seed-drawn moment; a proper failover follows.
     */
    public static Cluster scenario(long seed, Mode mode) {
        Check.notNull("mode", mode);
        Cluster c = Cluster.start(seed, Cluster.Settings.of(mode)).writes(Time.ms(20), 40);
        c.crashLeaderAt(crashTime(seed));
        return c;
    }

    /**
     * Runs {@link #scenario} for seeds {@code first..last}, 1 s each, checking {@link #NO_ACKED_WRITE_LOST}
     * after every event; stops at the first seed that breaks it.
     */
    public static Exploration explore(Mode mode, long first, long last) {
        Check.notNull("mode", mode);
        Cluster[] current = new Cluster[1];
        return Explorer.seeds(first, last).runFor(Time.s(1)).check(seed -> {
            current[0] = scenario(seed, mode);
            return current[0].sim();
        }, Invariant.of(NO_ACKED_WRITE_LOST, s -> current[0].noAcknowledgedWriteLost()));
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
