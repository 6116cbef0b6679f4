package sdx.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Exploration;
import sdx.sim.Explorer;
import sdx.sim.Invariant;
import sdx.sim.Node;
import sdx.sim.SequenceDiagram;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.sim.TimerId;
import sdx.viz.Picture;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Single-decree Paxos (Lamport, "Paxos Made Simple", 2001) on the course simulator: three acceptors
 * {@code a1..a3} and two proposers {@code p1}, {@code p2} that want different values ({@code A}, {@code B}).
 * A proposer picks a ballot above any it has used (kept on disk), asks the acceptors to promise (phase 1),
 * and with a majority of promises asks them to accept the value of the highest-ballot acceptance it heard
 * of, or its own if none (phase 2). A value is <b>chosen</b> once a majority of acceptors accept it in one
 * ballot. When a higher ballot pre-empts it, a proposer retries at once ({@link Retry#IMMEDIATE}) or after a
 * random back-off ({@link Retry#RANDOM_BACKOFF}). Each acceptor keeps its promise, its acceptance and the
 * history of everything it accepted on disk, so the invariant can be checked from the disks alone.
 */
public final class Paxos {
    private Paxos() {}

    /** The invariant: no two different values are ever chosen. */
    public static final String AT_MOST_ONE_CHOSEN = "AT_MOST_ONE_VALUE_CHOSEN";

    static final List<String> ACCEPTORS = List.of("a1", "a2", "a3");
    static final int MAJORITY = 2;
    /** A proposer that hears nothing decisive for this long starts a new ballot (messages may be lost). */
    static final long RETRY_TIMEOUT = Time.ms(30);
    /** The random back-off is uniform in [0, this): a few round trips of the 1–5 ms network. */
    static final long BACKOFF_MAX = Time.ms(20);

    /** What a pre-empted proposer does. */
    public enum Retry {
        /** Start a higher ballot at once: two proposers can pre-empt each other again and again. */
        IMMEDIATE,
        /** Wait a random time first, so one proposer usually finishes both phases undisturbed. */
        RANDOM_BACKOFF
    }

    /** Which proposer. */
    public enum Variant {
        /** Lamport's rule: in phase 2, propose the value of the highest-ballot acceptance among the promises. */
        PAXOS(true),
        /** Broken: always propose your own value, ignoring what the promises report. */
        IGNORES_PROMISES(false);

        final boolean adopts;

        Variant(boolean adopts) {
            this.adopts = adopts;
        }
    }

    /** Paxos's messages and timers. */
    public sealed interface Msg {}

    /** Phase 1a: please promise to ignore ballots below {@code ballot}. */
    public record Prepare(long ballot) implements Msg {}

    /** Phase 1b: promised; the highest ballot this acceptor accepted in, and its value (null: none). */
    public record Promise(long ballot, long acceptedBallot, String acceptedValue) implements Msg {}

    /** Phase 2a: please accept {@code value} in {@code ballot}. */
    public record Accept(long ballot, String value) implements Msg {}

    /** Phase 2b: accepted. */
    public record Accepted(long ballot, String value) implements Msg {}

    /** A refusal: the acceptor has promised {@code promised}, higher than {@code ballot}. */
    public record Nack(long ballot, long promised) implements Msg {}

    /** Timer: start (or restart after a back-off) a ballot. */
    public record Start() implements Msg {}

    /** Timer: this ballot heard nothing decisive in time. */
    public record Timeout(long ballot) implements Msg {}

    /** An acceptor; all of its state is on disk, written before it answers. */
    static final class Acceptor implements Node<Msg> {
        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            long promised = ctx.disk().get("promised", Long.class).orElse(0L);
            if (m instanceof Prepare p) {
                if (p.ballot() > promised) {
                    ctx.disk().put("promised", p.ballot());
                    ctx.send(from, new Promise(p.ballot(), ctx.disk().get("acceptedBallot", Long.class).orElse(0L),
                            ctx.disk().get("acceptedValue", String.class).orElse(null)));
                } else {
                    ctx.send(from, new Nack(p.ballot(), promised));
                }
            } else if (m instanceof Accept a) {
                if (a.ballot() >= promised) {
                    ctx.disk().put("promised", a.ballot());
                    ctx.disk().put("acceptedBallot", a.ballot());
                    ctx.disk().put("acceptedValue", a.value());
                    List<String> history = new ArrayList<>(history(ctx.disk()));
                    history.add(a.ballot() + ":" + a.value());
                    ctx.disk().put("history", List.copyOf(history));
                    ctx.send(from, new Accepted(a.ballot(), a.value()));
                } else {
                    ctx.send(from, new Nack(a.ballot(), promised));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> history(sdx.sim.Disk disk) {
        return disk.get("history", List.class).orElse(List.of());
    }

    /** A proposer of one value. Ballots are round × 10 + id, so the two never share one. */
    static final class Proposer implements Node<Msg> {
        final int id;
        final String value;
        final Retry retry;
        final Variant variant;
        final long startDelay;
        Context<Msg> ctx;
        long ballot;
        String proposing;
        boolean phase2;
        String learned;
        final Set<String> promises = new HashSet<>(), accepts = new HashSet<>();
        long bestBallot;
        String bestValue;
        TimerId timer;
        int ballots;
        boolean waiting;

        Proposer(int id, String value, Retry retry, Variant variant, long startDelay) {
            this.id = id;
            this.value = value;
            this.retry = retry;
            this.variant = variant;
            this.startDelay = startDelay;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            this.ctx = ctx;
            ctx.set(new Start(), startDelay);
        }

        @Override
        public void onTimer(Msg t, Context<Msg> ctx) {
            if (learned != null) return;
            if (t instanceof Start) {
                waiting = false;
                newBallot();
            } else if (t instanceof Timeout to && to.ballot() == ballot) {
                preempted();
            }
        }

        private void newBallot() {
            long round = ctx.disk().get("round", Long.class).orElse(0L) + 1;
            ctx.disk().put("round", round); // on disk first: a restarted proposer never reuses a ballot
            ballot = round * 10 + id;
            ballots++;
            phase2 = false;
            promises.clear();
            accepts.clear();
            bestBallot = 0;
            bestValue = null;
            for (String a : ACCEPTORS) ctx.send(a, new Prepare(ballot));
            if (timer != null) ctx.cancel(timer);
            timer = ctx.set(new Timeout(ballot), RETRY_TIMEOUT);
        }

        /** Someone holds a higher ballot (or we heard nothing): try again, now or after a back-off. */
        private void preempted() {
            if (waiting) return;
            if (timer != null) ctx.cancel(timer);
            timer = null;
            if (retry == Retry.IMMEDIATE) {
                newBallot();
            } else {
                waiting = true;
                ballot = -1; // ignore the rest of this ballot's replies while backing off
                ctx.set(new Start(), 1 + ctx.random().nextLong(BACKOFF_MAX));
            }
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (learned != null) return;
            if (m instanceof Promise p && p.ballot() == ballot && !phase2) {
                promises.add(from);
                if (p.acceptedValue() != null && p.acceptedBallot() > bestBallot) {
                    bestBallot = p.acceptedBallot();
                    bestValue = p.acceptedValue();
                }
                if (promises.size() >= MAJORITY) {
                    phase2 = true;
                    proposing = variant.adopts && bestValue != null ? bestValue : value;
                    for (String a : ACCEPTORS) ctx.send(a, new Accept(ballot, proposing));
                }
            } else if (m instanceof Accepted a && a.ballot() == ballot) {
                accepts.add(from);
                if (accepts.size() >= MAJORITY) {
                    learned = a.value();
                    if (timer != null) ctx.cancel(timer);
                    ctx.note(ctx.self() + " learns " + learned + " chosen");
                }
            } else if (m instanceof Nack n && n.ballot() == ballot) {
                ctx.disk().put("round", Math.max(ctx.disk().get("round", Long.class).orElse(0L), n.promised() / 10));
                preempted();
            }
        }
    }

    /** A fresh simulation: 3 acceptors, 2 proposers starting within 2 ms of each other, delays 1–5 ms. */
    static Simulation build(long seed, Retry retry, Variant variant, double loss) {
        Simulation sim = Simulation.seeded(seed);
        sim.network().delay(Delay.uniform(Raft.LATENCY_MIN, Raft.LATENCY_MAX)).loss(loss);
        for (String a : ACCEPTORS) sim.add(a, Acceptor::new);
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x9A7A05L);
        long s1 = r.nextLong(Time.ms(2)), s2 = r.nextLong(Time.ms(2));
        sim.add("p1", () -> new Proposer(1, "A", retry, variant, s1));
        sim.add("p2", () -> new Proposer(2, "B", retry, variant, s2));
        return sim;
    }

    /** The values chosen so far: accepted by a majority of acceptors in one ballot (read from their disks). */
    static Set<String> chosen(Simulation sim) {
        Map<String, Integer> votes = new HashMap<>();
        for (String a : ACCEPTORS) {
            for (String h : new HashSet<>(history(sim.disk(a)))) votes.merge(h, 1, Integer::sum);
        }
        Set<String> out = new HashSet<>();
        votes.forEach((h, n) -> {
            if (n >= MAJORITY) out.add(h.substring(h.indexOf(':') + 1));
        });
        return out;
    }

    static Invariant atMostOneChosen() {
        return Invariant.of(AT_MOST_ONE_CHOSEN, s -> chosen(s).size() <= 1);
    }

    /**
     * Seeds 1..{@code seeds}, 1 s each, 5% message loss and a random crash or restart about every 50 ms (any
     * of the five nodes, at most one down): does any run choose two values?
     */
    public static Exploration explore(Variant variant, int seeds) {
        Check.notNull("variant", variant);
        Check.inRange("seeds", seeds, 1, 100_000);
        return Explorer.seeds(1, seeds).runFor(Time.s(1)).randomFaults(Time.ms(50), 1)
                .check(seed -> build(seed, Retry.RANDOM_BACKOFF, variant, 0.05), atMostOneChosen());
    }

    /**
     * One duel without faults: both proposers run until each has learned the chosen value, or 1 s.
     *
     * @param seed     the seed
     * @param retry    what a pre-empted proposer does
     * @param ballots  phase-1 rounds started by both proposers together
     * @param chosenMs virtual time until both proposers learned the value (Infinity: not within 1 s)
     * @param value    the chosen value, or null
     * @param sim      the finished simulation (traced), for {@link #diagram}
     */
    public record Duel(long seed, Retry retry, int ballots, double chosenMs, String value, Simulation sim) {
        /**
         * Each proposer's ballots over time: a point when it starts a ballot (sends Prepare), a second series
         * when it reaches phase 2 (sends Accept). A pre-emption is a phase-1 point with no phase-2 point after
         * it before the next ballot.
         */
        public sdx.viz.Plot ballotPlot() {
            sdx.viz.Plot p = sdx.viz.Plot.line("Ballots of two duelling proposers (" + retry + ", seed " + seed + ")",
                    "virtual time (ms)", "ballot number");
            for (String who : List.of("p1", "p2")) {
                for (Class<?> type : List.of(Prepare.class, Accept.class)) {
                    List<double[]> pts = new ArrayList<>();
                    long last = -1;
                    for (var e : sim.trace().events()) {
                        if (e.kind() != sdx.sim.TraceEvent.Kind.SEND || !e.node().equals(who) || !type.isInstance(e.message())) continue;
                        long b = e.message() instanceof Prepare pr ? pr.ballot() : ((Accept) e.message()).ballot();
                        if (b == last) continue; // one point per ballot, not per acceptor
                        last = b;
                        pts.add(new double[] {Time.toMs(e.time()), b});
                    }
                    double[] x = pts.stream().mapToDouble(v -> v[0]).toArray(), y = pts.stream().mapToDouble(v -> v[1]).toArray();
                    p.points(who + (type == Prepare.class ? ": starts a ballot (Prepare)" : ": reaches phase 2 (Accept)"), x, y);
                }
            }
            return p;
        }

        /** The first {@code windowMs} of the duel as a sequence diagram. */
        public Picture diagram(double windowMs) {
            Check.inRange("windowMs", windowMs, 1, 1000);
            return SequenceDiagram.of(sim.trace().between(0, Time.ms(windowMs))).timers(false).maxLabels(60)
                    .width(1200).draw();
        }
    }

    /** Runs one duel with tracing. */
    public static Duel duel(long seed, Retry retry) {
        Check.notNull("retry", retry);
        return duel(seed, retry, true);
    }

    static Duel duel(long seed, Retry retry, boolean traced) {
        Simulation sim = build(seed, retry, Variant.PAXOS, 0).tracing(traced);
        boolean done = sim.runUntil(s -> learned(s, "p1") != null && learned(s, "p2") != null, Time.s(1));
        int ballots = sim.node("p1", Proposer.class).ballots + sim.node("p2", Proposer.class).ballots;
        return new Duel(seed, retry, ballots, done ? Time.toMs(sim.now()) : Double.POSITIVE_INFINITY,
                done ? learned(sim, "p1") : null, sim);
    }

    private static String learned(Simulation s, String p) {
        return s.node(p, Proposer.class).learned;
    }

    /** Seeds 1..{@code seeds} of each retry policy: how many ballots and how long until both proposers learn. */
    public static Progress progress(int seeds) {
        Check.inRange("seeds", seeds, 1, 100_000);
        Map<Retry, Duel[]> runs = new java.util.EnumMap<>(Retry.class);
        for (Retry r : Retry.values()) {
            Duel[] d = new Duel[seeds];
            for (int i = 0; i < seeds; i++) d[i] = duel(i + 1, r, false);
            runs.put(r, d);
        }
        return new Progress(runs);
    }

    /** The duels of {@link #progress}, per retry policy. */
    public record Progress(Map<Retry, Duel[]> runs) {
        /** The seed with the most ballots under {@code retry}: the longest stall. */
        public long worstSeed(Retry retry) {
            return Arrays.stream(runs.get(retry)).max(java.util.Comparator.comparingInt(Duel::ballots)).orElseThrow().seed();
        }

        /** One row per policy: ballots (median, p99, max), time to decide (median, p99), runs undecided in 1 s. */
        public Table table() {
            StringColumn policy = StringColumn.create("retry");
            DoubleColumn b50 = DoubleColumn.create("ballots median"), b99 = DoubleColumn.create("ballots p99"),
                    bmax = DoubleColumn.create("ballots max"), t50 = DoubleColumn.create("decided median (virtual ms)"),
                    t99 = DoubleColumn.create("decided p99 (virtual ms)"),
                    none = DoubleColumn.create("undecided after 1 s");
            for (var e : runs.entrySet()) {
                Duel[] d = e.getValue();
                double[] b = Arrays.stream(d).mapToDouble(Duel::ballots).sorted().toArray();
                double[] t = Arrays.stream(d).mapToDouble(Duel::chosenMs).sorted().toArray();
                policy.append(e.getKey().name());
                b50.append(b[(b.length - 1) / 2]);
                b99.append(b[(int) Math.ceil(0.99 * b.length) - 1]);
                bmax.append(b[b.length - 1]);
                t50.append(round1(t[(t.length - 1) / 2]));
                t99.append(round1(t[(int) Math.ceil(0.99 * t.length) - 1]));
                none.append(Arrays.stream(t).filter(x -> !Double.isFinite(x)).count());
            }
            return Table.create(String.format(Locale.ROOT, "Two duelling proposers, %d seeds per policy, no faults",
                    runs.values().iterator().next().length)).addColumns(policy, b50, b99, bmax, t50, t99, none);
        }

        private static double round1(double x) {
            return Double.isFinite(x) ? Math.round(x * 10) / 10.0 : x;
        }
    }
}
