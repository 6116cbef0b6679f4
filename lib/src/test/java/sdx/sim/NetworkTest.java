package sdx.sim;

import static org.junit.jupiter.api.Assertions.*;
import static sdx.sim.Time.ms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sdx.sim.TestProtocol.Sender;
import sdx.sim.TestProtocol.Sink;
import sdx.sim.TraceEvent.Kind;

class NetworkTest {
    static final int N = 10_000;

    static Simulation pair(long seed, int count, long gap) {
        Simulation sim = Simulation.seeded(seed);
        sim.add("a", () -> new Sender("b", count, gap));
        sim.add("b", Sink::new);
        return sim;
    }

    @Test
    void lossRateWithinBinomialTolerance() {
        Simulation sim = pair(3, N, 0);
        sim.network().loss(0.2);
        sim.runFor(ms(100));
        int got = sim.node("b", Sink.class).got.size();
        // drops ~ Binomial(10,000, 0.2): mean 2,000, sd 40; 4 sd (160) is passed by chance once in 16,000 seeds
        assertEquals(2000, N - got, 160);
        assertEquals(N - got, sim.trace().kind(Kind.DROP).filter(e -> e.detail().equals("loss")).size());
        assertEquals(N - got, sim.dropped("a"));
    }

    @Test
    void noLossByDefaultAndTotalLossDropsEverything() {
        Simulation sim = pair(3, 500, 0);
        sim.runFor(ms(100));
        assertEquals(500, sim.node("b", Sink.class).got.size());
        Simulation all = pair(3, 500, 0);
        all.network().loss(1.0);
        all.runFor(ms(100));
        assertEquals(0, all.node("b", Sink.class).got.size());
    }

    @Test
    void duplicationDeliversSomeMessagesTwice() {
        Simulation sim = pair(5, N, 0);
        sim.network().duplicate(0.1);
        sim.runFor(ms(100));
        List<Integer> got = sim.node("b", Sink.class).got;
        long dups = sim.trace().count(Kind.DUPLICATE);
        assertEquals(N + dups, got.size(), "every duplicate is delivered once more");
        // duplicates ~ Binomial(10,000, 0.1): mean 1,000, sd 30; 4 sd tolerance
        assertEquals(1000, dups, 120);
        assertEquals(N, got.stream().distinct().count());
    }

    static int inversions(List<Integer> xs) {
        int inv = 0;
        for (int i = 1; i < xs.size(); i++) if (xs.get(i) < xs.get(i - 1)) inv++;
        return inv;
    }

    @Test
    void jitterReordersAndConstantDelayDoesNot() {
        Simulation fifo = pair(7, 1000, 100); // one message every 0.1 ms
        fifo.network().delay(Delay.constant(ms(5)));
        fifo.runFor(ms(500));
        List<Integer> inOrder = fifo.node("b", Sink.class).got;
        assertEquals(1000, inOrder.size());
        assertEquals(0, inversions(inOrder));

        Simulation jitter = pair(7, 1000, 100);
        jitter.network().delay(Delay.uniform(ms(1), ms(10)));
        jitter.runFor(ms(500));
        List<Integer> shuffled = jitter.node("b", Sink.class).got;
        assertEquals(1000, shuffled.size());
        assertTrue(inversions(shuffled) > 100, "9 ms of jitter on 0.1 ms gaps reorders often: " + inversions(shuffled));
    }

    @Test
    void partitionDropsBothDirectionsAndHeals() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new Sender("b", 100, ms(10)));
        sim.add("b", () -> new Sender("a", 100, ms(10)));
        sim.add("c", Sink::new);
        sim.network().delay(Delay.constant(ms(1)));
        sim.schedule(Schedule.at(ms(305)).partition(Set.of("a"), Set.of("b", "c")).then(ms(605)).heal());
        sim.runFor(ms(1100));
        TraceLog drops = sim.trace().kind(Kind.DROP);
        // sends at 310, 320, ..., 600 ms fall inside the partition: 30 each way
        assertEquals(30, drops.node("a").filter(e -> e.node().equals("a")).size());
        assertEquals(30, drops.filter(e -> e.node().equals("b")).size());
        assertTrue(drops.events().stream().allMatch(e -> e.detail().equals("partition")));
        assertTrue(drops.events().stream().allMatch(e -> e.time() > ms(305) && e.time() < ms(605)));
        assertEquals(70, sim.trace().kind(Kind.DELIVER).filter(e -> e.node().equals("a")).size());
        assertFalse(sim.partitioned("a", "b"));
    }

    @Test
    void messageInFlightWhenThePartitionStartsIsDropped() {
        Simulation sim = pair(1, 1, ms(10)); // one message sent at 10 ms
        sim.network().delay(Delay.constant(ms(20)));
        sim.schedule(Schedule.at(ms(15)).partition(Set.of("a")));
        sim.runFor(ms(100));
        assertTrue(sim.node("b", Sink.class).got.isEmpty());
        TraceEvent drop = sim.trace().kind(Kind.DROP).events().get(0);
        assertEquals(ms(30), drop.time());
        assertEquals("partition", drop.detail());
    }

    @Test
    void messagesToACrashedNodeAreDropped() {
        Simulation sim = pair(1, 50, ms(10));
        sim.network().delay(Delay.constant(ms(1)));
        sim.schedule(Schedule.at(ms(205)).crash("b").then(ms(305)).restart("b"));
        sim.runFor(ms(600));
        assertEquals(10, sim.trace().kind(Kind.DROP).filter(e -> e.detail().equals("crashed")).size());
        assertEquals(20, sim.node("b", Sink.class).got.size(), "the restarted sink is empty, then gets 310..500");
    }

    @Test
    void perLinkOverridesApplyToOneDirectionOnly() {
        Simulation sim = Simulation.seeded(1);
        sim.add("a", () -> new Sender("b", 100, 0));
        sim.add("b", () -> new Sender("a", 100, 0));
        sim.network().delay(Delay.constant(ms(1))).link("a", "b").loss(1.0).delay(Delay.constant(ms(50)));
        sim.runFor(ms(10));
        assertEquals(100, sim.trace().kind(Kind.DELIVER).filter(e -> e.node().equals("a")).size());
        assertEquals(100, sim.dropped("a"));
        assertEquals(0, sim.dropped("b"));
        Simulation slow = Simulation.seeded(1);
        slow.add("a", () -> new Sender("b", 1, 0));
        slow.add("b", Sink::new);
        slow.network().link("a", "b").delay(Delay.constant(ms(50)));
        slow.runFor(ms(100));
        assertEquals(ms(50), slow.trace().kind(Kind.DELIVER).events().get(0).time());
    }

    @Test
    void delayDistributionsHaveTheirShape() {
        SplittableRandom r = new SplittableRandom(1);
        List<Long> logn = new ArrayList<>();
        for (int i = 0; i < N; i++) logn.add(Delay.logNormal(ms(10), 0.5).sample(r));
        logn.sort(null);
        // the sample median's log has sd 1.2533 * 0.5 / sqrt(10,000) = 0.0063; 4 sd is 2.5 % of the median
        assertEquals(ms(10), logn.get(N / 2), ms(10) * 0.025);
        // p99 of a log-normal is median * exp(2.326 sigma) = 3.20 x median; allow 5 %
        assertEquals(ms(10) * Math.exp(2.326 * 0.5), logn.get(N * 99 / 100), ms(10) * 3.2 * 0.05);
        for (int i = 0; i < 1000; i++) {
            long u = Delay.uniform(ms(1), ms(3)).sample(r);
            assertTrue(u >= ms(1) && u <= ms(3));
            long t = Delay.table(5, 7, 9).sample(r);
            assertTrue(t == 5 || t == 7 || t == 9);
        }
    }
}
