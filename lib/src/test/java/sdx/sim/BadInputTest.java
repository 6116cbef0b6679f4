package sdx.sim;

import static org.junit.jupiter.api.Assertions.*;
import static sdx.sim.Time.ms;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import sdx.sim.TestProtocol.Msg;
import sdx.sim.TestProtocol.Num;

class BadInputTest {
    static String error(Executable e) {
        Throwable t = assertThrows(RuntimeException.class, e);
        return t.getMessage();
    }

    static Simulation two() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", TestProtocol.Sink::new);
        sim.add("b", TestProtocol.Sink::new);
        return sim;
    }

    @Test
    void messageToAnUnknownNodeNamesIt() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new TestProtocol.Sender("zz", 1, 0));
        String m = error(() -> sim.runFor(ms(1)));
        assertTrue(m.contains("\"zz\"") && m.contains("[a]") && m.contains("Num"), m);
    }

    @Test
    void negativeTimerDelay() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new Node<Msg>() {
            @Override
            public void onStart(Context<Msg> ctx) {
                ctx.set(new Num(1), -5);
            }

            @Override
            public void onMessage(String from, Msg m, Context<Msg> ctx) {}
        });
        String m = error(() -> sim.runFor(ms(1)));
        assertTrue(m.contains("delayMicros must be >= 0, was -5"), m);
    }

    @Test
    void networkAndNemesisSettings() {
        Simulation sim = two();
        assertEquals("loss probability must be in [0.0, 1.0], was 1.5", error(() -> sim.network().loss(1.5)));
        assertTrue(error(() -> sim.network().duplicate(-0.1)).startsWith("duplicate probability must be in [0.0, 1.0]"));
        assertTrue(error(() -> sim.partition(Set.of("a", "x"))).contains("was \"x\""));
        assertTrue(error(() -> sim.schedule(Schedule.at(ms(5)).partition(Set.of("q")))).contains("was \"q\""));
        assertTrue(error(() -> sim.partition(Set.of("a"), Set.of("a", "b"))).contains("must not repeat"));
        assertTrue(error(() -> sim.network().link("a", "c")).startsWith("to must name a node"));
        assertTrue(error(() -> Delay.uniform(5, 2)).startsWith("maxMicros must be >= minMicros"));
        assertTrue(error(() -> Delay.constant(-1)).startsWith("micros must be >= 0"));
        assertTrue(error(() -> sim.add("a", TestProtocol.Sink::new)).contains("must be new"));
        assertTrue(error(() -> sim.crash("c")).contains("was \"c\""));
        sim.crash("a");
        assertTrue(error(() -> sim.crash("a")).contains("already down"));
        assertTrue(error(() -> sim.node("a", TestProtocol.Sink.class)).contains("is down"));
        assertTrue(error(() -> sim.restart("b")).contains("is up"));
        sim.runFor(ms(10));
        assertTrue(error(() -> sim.schedule(Schedule.at(ms(5)).heal())).contains("must not be in the past"));
        assertTrue(error(() -> sim.runFor(-1)).startsWith("durationMicros must be >= 0"));
        assertTrue(error(() -> sim.node("b", String.class)).contains("Sink"));
        assertTrue(error(() -> Explorer.seeds(5, 1)).startsWith("last must be >= first"));
    }

    @Test
    void aReplyToAClientMustCarryTheOperationId() {
        Simulation sim = Simulation.seeded(1);
        sim.add("n1", () -> (Node<Msg>) (from, m, ctx) -> ctx.send(from, new Num(0)));
        sim.clients(1, ms(100)).call("n1", id -> new TestProtocol.Put(id, 1));
        String m = error(() -> sim.runFor(ms(10)));
        assertTrue(m.contains("does not implement sdx.sim.ClientReply"), m);
    }
}
