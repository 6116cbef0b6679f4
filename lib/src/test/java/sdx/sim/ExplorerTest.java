package sdx.sim;

import static org.junit.jupiter.api.Assertions.*;
import static sdx.sim.Time.ms;
import static sdx.sim.Time.s;

import org.junit.jupiter.api.Test;
import sdx.sim.examples.Election;

class ExplorerTest {
    static final Invariant ONE_LEADER = Invariant.of("one leader per term", Election::oneLeaderPerTerm);

    static Scenario election(boolean forgetVote) {
        return seed -> {
            Simulation sim = Election.cluster(seed, 3, Election.Timing.raft(), forgetVote);
            sim.network().delay(Delay.uniform(ms(1), ms(10))).loss(0.05);
            return sim;
        };
    }

    @Test
    void correctElectionKeepsTheInvariantUnderRandomFaults() {
        Exploration e = Explorer.seeds(1, 500).runFor(s(5)).randomFaults(ms(100), 1).check(election(false), ONE_LEADER);
        assertTrue(e.ok(), e::toString);
        assertEquals(500, e.seedsRun());
        // heartbeats every 50 ms to 2 peers for 5 s alone are ~400 events a run
        assertTrue(e.events() > 500 * 300, "each run does real work: " + e.events());
    }

    @Test
    void findsThePlantedBugAndReproducesItBySeed() {
        // the same scenario and faults as the correct variant above, which keeps the invariant on all 500 seeds
        Exploration e = Explorer.seeds(1, 500).runFor(s(5)).randomFaults(ms(100), 1).check(election(true), ONE_LEADER);
        assertFalse(e.ok(), "a vote kept only in memory lets a restarted node vote twice in a term");
        Counterexample c = e.firstFailure();
        assertEquals("one leader per term", c.invariant());
        assertTrue(c.reproduced());
        assertTrue(c.message().contains("seed " + c.seed()), c.message());
        assertTrue(c.trace().count(TraceEvent.Kind.RESTART) > 0, "the bug needs a restart");
        // reproduce by hand: the same seed and schedule fail at the same time
        Simulation again = election(true).build(c.seed());
        again.schedule(c.schedule());
        again.check(ONE_LEADER);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> again.runFor(s(5)));
        assertEquals(c.time(), v.time());
        assertEquals(c.seed(), v.seed());
        assertTrue(c.diagram().altText().startsWith("Sequence diagram of"));
        assertTrue(c.around(ms(100)).events().stream().allMatch(ev -> ev.time() >= c.time() - ms(100)));
    }

    @Test
    void anInvariantThatNeverHoldsFailsOnTheFirstSeed() {
        Exploration e = Explorer.seeds(10, 20).check(election(false), Invariant.of("never", sim -> false));
        assertEquals(1, e.seedsRun());
        assertEquals(10, e.firstFailure().seed());
        assertEquals(0, e.firstFailure().time());
    }

    @Test
    void anExceptionInNodeCodeIsACounterexampleNamingSeedAndNode() {
        Scenario throwing = seed -> {
            Simulation sim = Simulation.seeded(seed);
            sim.add("a", () -> new TestProtocol.Sender("b", 3, ms(10)));
            sim.add("b", () -> (Node<TestProtocol.Msg>) (from, m, ctx) -> {
                throw new IllegalStateException("boom");
            });
            return sim;
        };
        Counterexample c = Explorer.seeds(1, 5).check(throwing).firstFailure();
        assertEquals("no exception", c.invariant());
        assertTrue(c.message().contains("node b threw IllegalStateException"), c.message());
        assertTrue(c.message().contains("seed 1"), c.message());
        assertEquals(ms(11), c.time());
    }

    @Test
    void invariantIsCheckedAfterEveryEventNotOnlyAtTheEnd() {
        // the sink holds a message count above 2 only between 20 and 30 ms; a check at the end would miss it
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new TestProtocol.Sender("b", 3, ms(10)));
        sim.add("b", TestProtocol.Sink::new);
        sim.schedule(Schedule.at(ms(35)).crash("b").then(ms(36)).restart("b"));
        sim.check(Invariant.of("at most 2 received", s -> !s.isUp("b") || s.node("b", TestProtocol.Sink.class).got.size() <= 2));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sim.runFor(ms(100)));
        assertEquals(ms(31), v.time());
        assertTrue(v.getMessage().contains("'at most 2 received'"), v.getMessage());
    }

    @Test
    void randomSchedulesAreReproducibleAndValid() {
        var nodes = java.util.List.of("n1", "n2", "n3");
        assertEquals(Schedule.random(4, nodes, s(5), ms(200), 1).toString(), Schedule.random(4, nodes, s(5), ms(200), 1).toString());
        assertNotEquals(Schedule.random(4, nodes, s(5), ms(200), 1).toString(), Schedule.random(5, nodes, s(5), ms(200), 1).toString());
        for (long seed = 0; seed < 50; seed++) { // applying it never crashes a down node or restarts an up one
            Simulation sim = Simulation.seeded(seed);
            for (String n : nodes) sim.add(n, TestProtocol.Sink::new);
            sim.schedule(Schedule.random(seed, nodes, s(5), ms(200), 1));
            sim.runFor(s(5) + 1);
            for (String n : nodes) assertTrue(sim.isUp(n));
            assertFalse(sim.partitioned("n1", "n2") || sim.partitioned("n2", "n3"));
        }
    }
}
