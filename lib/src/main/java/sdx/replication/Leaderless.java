package sdx.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.viz.Plot;
import sdx.viz.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Leaderless replication with quorums (Dynamo, Cassandra, Riak): N replicas r1..rN and a coordinator
 * that writes each new version of one key to W replicas and then at once (t = 0) reads it from the first
 * R replicas to answer. The write goes to exactly W replicas chosen at random (no hinted handoff, no
 * anti-entropy, no read repair: the partial-quorum model under which Bailis et al. derived the chance of a
 * stale read, {@link Theory#staleQuorum}); the read asks every replica and keeps the first R answers,
 * a random R of the live replicas because their delays are independent and identically distributed.
 */
public final class Leaderless {
    private Leaderless() {}

    /** Messages of the protocol. */
    public sealed interface Q permits Store, Stored, Fetch, Fetched, Next {}

    /** Store {@code value} (kept if newer than what the replica has). */
    public record Store(long trial, Versioned value) implements Q {}

    /** Stored. */
    public record Stored(long trial) implements Q {}

    /** Send your value. */
    public record Fetch(long trial) implements Q {}

    /** A replica's value (empty if none). */
    public record Fetched(long trial, Optional<Versioned> value) implements Q {}

    /** The coordinator's timer: start the next trial. */
    public record Next() implements Q {}

    static final class Replica implements Node<Q> {
        private Versioned value;

        @Override
        public void onMessage(String from, Q m, Context<Q> ctx) {
            if (m instanceof Store s) {
                if (value == null || Versioned.NEWER.compare(s.value(), value) > 0) value = s.value();
                ctx.send(from, new Stored(s.trial()));
            } else if (m instanceof Fetch f) {
                ctx.send(from, new Fetched(f.trial(), Optional.ofNullable(value)));
            }
        }
    }

    static final class Coordinator implements Node<Q> {
        private final List<String> replicas;
        private final int r, w, trials;
        private final QuorumRead read;
        private long trial;
        private int acks;
        private boolean reading;
        private final List<Reply> replies = new ArrayList<>();
        int stale, failed, done;

        Coordinator(List<String> replicas, int r, int w, int trials, QuorumRead read) {
            this.replicas = replicas;
            this.r = r;
            this.w = w;
            this.trials = trials;
            this.read = read;
        }

        @Override
        public void onStart(Context<Q> ctx) {
            ctx.set(new Next(), 0);
        }

        @Override
        public void onTimer(Q timer, Context<Q> ctx) {
            if (trial >= trials) return;
            trial++;
            acks = 0;
            reading = false;
            replies.clear();
            List<String> pool = new ArrayList<>(replicas);
            Versioned v = new Versioned(trial, ctx.self(), "v" + trial);
            for (int i = 0; i < w; i++) ctx.send(pool.remove(ctx.random().nextInt(pool.size())), new Store(trial, v));
            ctx.set(new Next(), Time.ms(100)); // a write or read that cannot finish in 100 ms is abandoned
        }

        @Override
        public void onMessage(String from, Q m, Context<Q> ctx) {
            if (m instanceof Stored s && s.trial() == trial && !reading && ++acks == w) {
                reading = true;
                for (String rep : replicas) ctx.send(rep, new Fetch(trial));
            } else if (m instanceof Fetched f && f.trial() == trial && reading && replies.size() < r) {
                replies.add(new Reply(from, f.value()));
                if (replies.size() == r) {
                    Optional<Versioned> got = read.read(List.copyOf(replies), r);
                    done++;
                    if (got.isEmpty()) failed++;
                    if (got.isEmpty() || got.get().version() < trial) stale++;
                }
            }
        }
    }

    /**
     * One configuration's result.
     *
     * @param n, r, w the quorum sizes
     * @param reads   reads completed
     * @param stale   reads that did not return the write just acknowledged
     * @param theory  PBS: C(N−W, R) / C(N, R)
     */
    public record Result(int n, int r, int w, int reads, int stale, double theory) {
        /** Measured share of stale reads. */
        public double staleShare() {
            return reads == 0 ? Double.NaN : (double) stale / reads;
        }
    }

    /**
     * Runs {@code trials} write-then-read pairs on N replicas with quorums R and W, each replica's one-way
     * delay log-normal (median 2 ms), {@code down} replicas crashed from the start; reads use {@code read}.
     */
    public static Result run(long seed, int n, int r, int w, int trials, int down, QuorumRead read) {
        Check.inRange("n", n, 1, 20);
        Check.inRange("r", r, 1, n);
        Check.inRange("w", w, 1, n);
        Check.inRange("trials", trials, 1, 100_000);
        Check.inRange("down", down, 0, n - Math.max(r, w));
        Check.notNull("read", read);
        Simulation sim = Simulation.seeded(seed).tracing(false);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) names.add("r" + i);
        for (String name : names) sim.add(name, Replica::new);
        List<String> live = names.subList(down, n);
        sim.add("coord", () -> new Coordinator(List.copyOf(live), r, w, trials, read));
        sim.network().delay(Delay.logNormal(Time.ms(2), 0.5));
        for (int i = 0; i < down; i++) sim.crash(names.get(i));
        sim.runFor(Time.ms(100) * (trials + 1));
        Coordinator c = sim.node("coord", Coordinator.class);
        return new Result(n, r, w, c.done, c.stale, Theory.staleQuorum(n - down, r, w));
    }

    /** Every (R, W) with R, W from 1 to N, {@code trials} pairs each. */
    public static List<Result> sweep(long seed, int n, int trials) {
        Check.inRange("n", n, 1, 9);
        List<Result> out = new ArrayList<>();
        for (int w = 1; w <= n; w++) for (int r = 1; r <= n; r++) out.add(run(seed, n, r, w, trials, 0, QuorumRead.NEWEST));
        return out;
    }

    /** Stale share against R, one series per W, with PBS dashed in each series' hue. */
    public static Plot plot(List<Result> results) {
        Check.notEmpty("results", results);
        int n = results.get(0).n();
        Plot p = Plot.line("Stale reads right after a write, N = " + n, "read quorum R", "share of reads that miss the write");
        Map<Integer, List<Result>> byW = new java.util.TreeMap<>();
        for (Result x : results) byW.computeIfAbsent(x.w(), k -> new ArrayList<>()).add(x);
        for (var e : byW.entrySet()) {
            double[] rs = e.getValue().stream().mapToDouble(Result::r).toArray();
            String name = "W = " + e.getKey();
            p.points(name, rs, e.getValue().stream().mapToDouble(Result::staleShare).toArray());
            p.theoryOf(name, "PBS, W = " + e.getKey(), rs, e.getValue().stream().mapToDouble(Result::theory).toArray());
        }
        return p;
    }

    /** The results as a table. */
    public static Tables.HtmlTable table(List<Result> results) {
        Table t = Table.create("Quorum reads right after a write").addColumns(IntColumn.create("N"), IntColumn.create("R"),
                IntColumn.create("W"), StringColumn.create("R + W > N"), IntColumn.create("reads"),
                DoubleColumn.create("stale measured"), DoubleColumn.create("PBS C(N-W,R)/C(N,R)"));
        for (Result x : results) {
            t.intColumn(0).append(x.n());
            t.intColumn(1).append(x.r());
            t.intColumn(2).append(x.w());
            t.stringColumn(3).append(x.r() + x.w() > x.n() ? "yes" : "no");
            t.intColumn(4).append(x.reads());
            t.doubleColumn(5).append(Percentiles.round(x.staleShare(), 3));
            t.doubleColumn(6).append(Percentiles.round(x.theory(), 3));
        }
        return Tables.html(t);
    }
}
