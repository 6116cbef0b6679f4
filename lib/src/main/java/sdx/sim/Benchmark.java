package sdx.sim;

import static sdx.sim.Time.ms;
import static sdx.sim.Time.s;

import java.util.Locale;
import sdx.sim.examples.Election;
import sdx.sim.examples.PingPong;

/**
 * The simulator's speed, for {@code make bench}: events per second for a ping-pong and for a 5-node
 * Raft-style election, and the wall-clock time to explore 1,000 seeds of a 5-node, 10 s election with
 * 5% loss and the "one leader per term" invariant checked after every event. Wall-clock figures: they
 * vary from run to run and with the machine's load.
 */
public final class Benchmark {
    private Benchmark() {}

    /** Prints the figures. */
    public static void main(String[] args) {
        System.out.println("sdx.sim: single-threaded discrete-event simulator (wall-clock figures, best of 3)");
        pingPong(s(2)); // warm-up
        election(1, 20);
        double pp = 0, el = 0, traced = 0;
        for (int i = 0; i < 3; i++) {
            pp = Math.max(pp, pingPong(s(20)));
            el = Math.max(el, election(1, 200));
            traced = Math.max(traced, pingPongTraced(s(5)));
        }
        System.out.printf(Locale.ROOT, "ping-pong, untraced:            %6.2f M events/s%n", pp / 1e6);
        System.out.printf(Locale.ROOT, "ping-pong, traced:              %6.2f M events/s%n", traced / 1e6);
        System.out.printf(Locale.ROOT, "5-node election, untraced:      %6.2f M events/s (5%% loss, uniform 1-10 ms delays)%n", el / 1e6);
        long best = Long.MAX_VALUE;
        Exploration e = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            e = Explorer.seeds(1, 1000).runFor(s(10)).check(Benchmark::electionScenario,
                    Invariant.of("one leader per term", Election::oneLeaderPerTerm));
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(Locale.ROOT, "1,000 seeds x 5-node 10 s election + invariant: %5.2f s (%d events, %s)%n",
                best / 1e9, e.events(), e.ok() ? "all ok" : "FAILED: " + e.firstFailure().message());
        System.out.println("targets: >= 5 M events/s on one core; 1,000 seeds < 5 s");
    }

    static Simulation electionScenario(long seed) {
        Simulation sim = Election.cluster(seed, 5, Election.Timing.raft(), false);
        sim.network().delay(Delay.uniform(ms(1), ms(10))).loss(0.05);
        return sim;
    }

    private static double pingPong(long duration) {
        Simulation sim = Simulation.seeded(1).tracing(false);
        sim.add("a", () -> new PingPong.Pinger("b", 10));
        sim.add("b", PingPong.Ponger::new);
        sim.network().delay(Delay.uniform(5, 50));
        long t = System.nanoTime();
        sim.runFor(duration);
        return sim.eventCount() / ((System.nanoTime() - t) / 1e9);
    }

    private static double pingPongTraced(long duration) {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new PingPong.Pinger("b", 10));
        sim.add("b", PingPong.Ponger::new);
        sim.network().delay(Delay.uniform(5, 50));
        long t = System.nanoTime();
        sim.runFor(duration);
        return sim.eventCount() / ((System.nanoTime() - t) / 1e9);
    }

    private static double election(long seed, int seconds) {
        long events = 0, t = System.nanoTime();
        for (long sd = seed; sd < seed + 10; sd++) {
            Simulation sim = electionScenario(sd).tracing(false);
            sim.runFor(s(seconds));
            events += sim.eventCount();
        }
        return events / ((System.nanoTime() - t) / 1e9);
    }
}
