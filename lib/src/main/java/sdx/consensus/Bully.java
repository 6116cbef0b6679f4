package sdx.consensus;

import java.util.Locale;
import java.util.SplittableRandom;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.sim.TimerId;
import sdx.viz.Plot;

/**
 * The bully algorithm (Garcia-Molina, 1982) on the course simulator: nodes {@code b1..bN}, the highest live
 * id is the coordinator. The coordinator {@code bN} crashes; node {@code bk} notices first and sends ELECTION
 * to every higher id. A live node that receives ELECTION answers OK and starts its own election (once); a node
 * that hears no OK within the answer timeout declares itself coordinator and tells every lower id.
 *
 * <p>Message count when {@code bk} notices: the nodes {@code bk..b(N-1)} each send ELECTION to every higher
 * id, {@code (N-k)(N-k+1)/2} messages; every live receiver answers each one, {@code (N-k-1)(N-k)/2} OKs; the
 * new coordinator {@code b(N-1)} sends {@code N-2} COORDINATOR messages. Together {@code (N-k)^2 + N - 2}:
 * {@code N-1} at best (k = N-1), {@code (N-1)^2 + N - 2} at worst (k = 1), O(N^2).
 */
public final class Bully {
    private Bully() {}

    /** A node that has sent ELECTION and heard no OK for this long becomes coordinator. */
    static final long ANSWER_TIMEOUT = Time.ms(20);
    /** A node that got an OK but no COORDINATOR for this long starts again. */
    static final long COORDINATOR_TIMEOUT = Time.ms(80);

    /** Bully messages and timers. */
    public sealed interface Msg {}

    /** "I am holding an election; are you alive and higher?" */
    public record Election(int from) implements Msg {}

    /** "Yes, I am higher: I take over." */
    public record Ok(int from) implements Msg {}

    /** "I am the coordinator." */
    public record Coordinator(int id) implements Msg {}

    /** Timer: no OK arrived in time. */
    public record NoAnswer() implements Msg {}

    /** Timer: OK arrived, but no COORDINATOR in time. */
    public record NoCoordinator() implements Msg {}

    static final class BullyNode implements Node<Msg> {
        final int id, n;
        Context<Msg> ctx;
        int coordinator;
        boolean electing, answered;
        TimerId timer;

        BullyNode(int id, int n) {
            this.id = id;
            this.n = n;
            this.coordinator = n;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            this.ctx = ctx;
        }

        /** This node notices that the coordinator is gone. */
        void detect() {
            if (!electing) startElection();
        }

        private void startElection() {
            electing = true;
            answered = false;
            for (int higher = id + 1; higher <= n; higher++) ctx.send(name(higher), new Election(id));
            reset(new NoAnswer(), ANSWER_TIMEOUT);
        }

        private void reset(Msg t, long delay) {
            if (timer != null) ctx.cancel(timer);
            timer = ctx.set(t, delay);
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Election e) {
                ctx.send(name(e.from()), new Ok(id));
                if (!electing) startElection();
            } else if (m instanceof Ok && electing && !answered) {
                answered = true;
                reset(new NoCoordinator(), COORDINATOR_TIMEOUT);
            } else if (m instanceof Coordinator c) {
                coordinator = c.id();
                electing = false;
                if (timer != null) ctx.cancel(timer);
                timer = null;
            }
        }

        @Override
        public void onTimer(Msg t, Context<Msg> ctx) {
            timer = null;
            if (t instanceof NoAnswer && electing && !answered) {
                coordinator = id;
                electing = false;
                for (int lower = 1; lower < id; lower++) ctx.send(name(lower), new Coordinator(id));
                ctx.note(ctx.self() + " is coordinator");
            } else if (t instanceof NoCoordinator && electing) {
                startElection();
            }
        }
    }

    static String name(int id) {
        return "b" + id;
    }

    /**
     * One run: {@code n} nodes, the coordinator crashes, node {@code detector} notices first.
     *
     * @param messages the messages sent from the crash until every live node knows the new coordinator
     * @param coordinator the coordinator every live node ends with
     */
    public record Run(int n, int detector, long messages, int coordinator) {}

    /** Runs the election after {@code bn} crashes, noticed first by {@code b<detector>}. */
    public static Run run(int n, int detector, long seed) {
        Check.inRange("n", n, 3, 200);
        Check.inRange("detector", detector, 1, n - 1);
        Simulation sim = Simulation.seeded(seed);
        sim.network().delay(Delay.uniform(Raft.LATENCY_MIN, Raft.LATENCY_MAX));
        for (int i = 1; i <= n; i++) {
            int id = i;
            sim.add(name(i), () -> new BullyNode(id, n));
        }
        sim.runFor(Time.ms(1));
        sim.crash(name(n));
        sim.node(name(detector), BullyNode.class).detect();
        boolean settled = sim.runUntil(s -> {
            for (int i = 1; i < n; i++) {
                BullyNode b = s.node(name(i), BullyNode.class);
                if (b.coordinator != n - 1 || b.electing) return false;
            }
            return true;
        }, Time.s(2));
        Check.that(settled, "seed", seed, "must let the election settle within 2 s (it did not: a bug)");
        sim.runFor(Time.ms(20)); // nothing more may be sent after it settled
        long messages = 0;
        for (int i = 1; i <= n; i++) messages += sim.sent(name(i));
        return new Run(n, detector, messages, sim.node(name(1), BullyNode.class).coordinator);
    }

    /** The formula: {@code (n - detector)^2 + n - 2} messages. */
    public static long expectedMessages(int n, int detector) {
        Check.inRange("n", n, 3, 200);
        Check.inRange("detector", detector, 1, n - 1);
        long m = n - detector;
        return m * m + n - 2;
    }

    /**
     * Messages against cluster size, n = 3..{@code maxN}: best case (the next-highest notices), worst case (the
     * lowest notices) and a random first noticer (mean of {@code trials} seeded runs), each beside its formula.
     */
    public static Plot plot(int maxN, int trials, long seed) {
        Check.inRange("maxN", maxN, 4, 60);
        Check.inRange("trials", trials, 1, 1000);
        int k = maxN - 2;
        double[] ns = new double[k], best = new double[k], worst = new double[k], random = new double[k],
                tBest = new double[k], tWorst = new double[k], tRandom = new double[k];
        SplittableRandom pick = new SplittableRandom(seed);
        for (int j = 0; j < k; j++) {
            int n = j + 3;
            ns[j] = n;
            best[j] = run(n, n - 1, seed + n).messages();
            worst[j] = run(n, 1, seed + n).messages();
            double sum = 0;
            for (int t = 0; t < trials; t++) sum += run(n, 1 + pick.nextInt(n - 1), pick.nextLong()).messages();
            random[j] = sum / trials;
            tBest[j] = expectedMessages(n, n - 1);
            tWorst[j] = expectedMessages(n, 1);
            tRandom[j] = n * (2.0 * n - 1) / 6 + n - 2; // mean of m^2 over m = 1..n-1 is n(2n-1)/6; plus n - 2
        }
        String rnd = String.format(Locale.ROOT, "random first noticer (mean of %d)", trials);
        return Plot.line("Bully algorithm: messages to elect a new coordinator after it crashes", "nodes N", "messages")
                .points("worst: the lowest id notices", ns, worst)
                .theoryOf("worst: the lowest id notices", "(N-1)² + N - 2", ns, tWorst)
                .points(rnd, ns, random)
                .theoryOf(rnd, "mean over first noticers", ns, tRandom)
                .points("best: the next-highest notices", ns, best)
                .theoryOf("best: the next-highest notices", "N - 1", ns, tBest);
    }
}
