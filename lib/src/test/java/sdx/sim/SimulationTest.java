package sdx.sim;

import static org.junit.jupiter.api.Assertions.*;
import static sdx.sim.Time.ms;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdx.sim.TraceEvent.Kind;
import sdx.sim.examples.PingPong;

class SimulationTest {

    static Simulation pingPong(long seed) {
        Simulation sim = Simulation.seeded(seed);
        sim.add("a", () -> new PingPong.Pinger("b", ms(10)));
        sim.add("b", PingPong.Ponger::new);
        sim.network().delay(Delay.uniform(ms(1), ms(20))).loss(0.1).duplicate(0.05);
        return sim;
    }

    static List<String> lines(TraceLog log) {
        return log.events().stream().map(TraceEvent::toString).toList();
    }

    @Test
    void sameSeedSameTraceDifferentSeedDifferentTrace() {
        List<String> first = lines(pingPong(7).runFor(ms(2000)).trace());
        List<String> again = lines(pingPong(7).runFor(ms(2000)).trace());
        List<String> other = lines(pingPong(8).runFor(ms(2000)).trace());
        assertTrue(first.size() > 500, "a 2 s ping-pong at 10 ms has hundreds of events: " + first.size());
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void pingPongRoundTripsWithConstantDelay() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new PingPong.Pinger("b", ms(10)));
        sim.add("b", PingPong.Ponger::new);
        sim.network().delay(Delay.constant(ms(2)));
        sim.runFor(ms(1000) + 1);
        // pings at 10, 20, ..., 1000 ms; the ping sent at 1000 ms arrives at 1002 ms, after the end
        assertEquals(100, sim.node("a", PingPong.Pinger.class).sent());
        assertEquals(99, sim.node("a", PingPong.Pinger.class).pongs());
        assertEquals(99, sim.node("b", PingPong.Ponger.class).pings());
        assertEquals(99, sim.trace().kind(Kind.DELIVER).node("b").type("Ping").size());
    }

    @Test
    void crashLosesMemoryKeepsDiskAndCancelsTimers() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new PingPong.Pinger("b", ms(10)));
        sim.add("b", PingPong.Ponger::new);
        sim.network().delay(Delay.constant(ms(1)));
        sim.schedule(Schedule.at(ms(505)).crash("a").then(ms(800)).restart("a"));
        sim.runFor(ms(700));
        assertFalse(sim.isUp("a"));
        assertEquals(50, sim.disk("a").get("next", Integer.class).orElseThrow());
        assertEquals(0, sim.trace().between(ms(505), ms(700)).kind(Kind.TIMER_FIRE, Kind.SEND).node("a").size(),
                "a crashed node's timers never fire");
        sim.runFor(ms(300) + 1);
        PingPong.Pinger a = sim.node("a", PingPong.Pinger.class);
        assertEquals(19, a.pongs(), "pongs since restart at 800: pings at 810..990 answered (the one at 1000 is in flight)");
        assertEquals(70, a.sent(), "the ping counter came back from disk: 50 before, 20 after");
    }

    @Test
    void aMessageReachesOnlyTheIncarnationItWasSentToButOneSentBeforeACrashStillArrives() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new PingPong.Pinger("b", ms(10)));
        sim.add("b", PingPong.Ponger::new);
        sim.network().delay(Delay.constant(ms(5)));
        // pings leave a at 10, 20, 30, 40 ms and arrive 5 ms later
        sim.schedule(Schedule.at(ms(17)).crash("b").then(ms(18)).restart("b")   // after answering ping 1
                .then(ms(22)).crash("b").then(ms(23)).restart("b")               // ping 2 is in flight
                .then(ms(39)).crash("b").then(ms(42)).restart("b"));             // ping 4 is sent while b is down
        sim.runFor(ms(50));
        List<Double> delivered = sim.trace().kind(Kind.DELIVER).node("b").type("Ping").events().stream()
                .map(TraceEvent::ms).toList();
        assertEquals(List.of(15.0, 35.0), delivered,
                "ping 2 (sent to the incarnation that crashed at 22 ms) and ping 4 (sent while b was down) are lost, "
                        + "although b is up again when they arrive");
        List<TraceEvent> lost = sim.trace().kind(Kind.DROP).filter(e -> e.peer().equals("b")).events();
        assertEquals(List.of(25.0, 45.0), lost.stream().map(TraceEvent::ms).toList());
        assertTrue(lost.stream().allMatch(e -> e.detail().equals("crashed")), lost.toString());
        assertEquals(List.of(20.0, 40.0), sim.trace().kind(Kind.DELIVER).node("a").type("Pong").events().stream()
                .map(TraceEvent::ms).toList(), "b's answer to ping 1, sent before b crashed at 17 ms, still arrives");
    }
}
