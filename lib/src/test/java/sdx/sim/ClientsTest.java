package sdx.sim;

import static org.junit.jupiter.api.Assertions.*;
import static sdx.sim.Time.ms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdx.sim.TestProtocol.Put;
import sdx.sim.TestProtocol.Store;

class ClientsTest {
    static Simulation stores(boolean replicate, boolean failOdd, boolean ignoreFifths) {
        Simulation sim = Simulation.seeded(2);
        for (String n : new String[] {"n1", "n2", "n3"}) sim.add(n, () -> new Store(replicate, failOdd, ignoreFifths));
        sim.network().delay(Delay.constant(ms(2)));
        return sim;
    }

    @Test
    void reportCountsOutcomesLatencyAndMessagesPerOp() {
        Simulation sim = stores(true, true, true);
        int[] value = {0};
        sim.clients(2, ms(50)).every(ms(10), 50, (id, r) -> Clients.Call.to("n1", new Put(id, value[0]++)));
        sim.runFor(ms(1000));
        RunReport r = sim.report();
        assertEquals(100, r.ops());
        assertEquals(20, r.unknown(), "values 0, 5, ..., 95 are ignored");
        assertEquals(40, r.failed(), "odd values not divisible by 5 fail: 50 odd minus 10");
        assertEquals(40, r.ok());
        assertEquals(0, r.pending());
        assertEquals(ms(4), r.p50(), ms(4) * 0.001, "request 2 ms + reply 2 ms");
        assertEquals(ms(4), r.max(), ms(4) * 0.001);
        assertEquals(160, r.nodeMessages(), "80 answered puts, each copied to 2 peers");
        assertEquals(1.6, r.messagesPerOp(), 1e-12);
        assertEquals(40, r.okLatencies().length);
        assertEquals(3, r.nodes().size());
        assertTrue(r.table().html().contains("n1"));
        assertTrue(r.summary().plain().contains("100"));
    }

    @Test
    void operationIdsAreUniqueAcrossClientGroups() {
        Simulation sim = stores(false, false, false);
        Clients first = sim.clients(1, ms(100)), second = sim.clients(1, ms(100));
        long a = first.call("n1", id -> new Put(id, 1)), b = second.call("n2", id -> new Put(id, 2));
        first.every(ms(10), 3, (id, r) -> Clients.Call.to("n1", new Put(id, 3)));
        second.every(ms(10), 3, (id, r) -> Clients.Call.to("n2", new Put(id, 4)));
        sim.runFor(ms(100));
        java.util.List<Long> ids = sim.trace().kind(TraceEvent.Kind.CLIENT_CALL).events().stream().map(TraceEvent::id).toList();
        assertEquals(8, ids.size());
        assertEquals(8, Set.copyOf(ids).size(), "one id per operation in the whole simulation: " + ids);
        assertNotEquals(a, b);
        assertEquals(8, first.count(Clients.Outcome.OK) + second.count(Clients.Outcome.OK));
    }

    @Test
    void anOperationToACrashedNodeIsUnknownAndALateReplyIsIgnored() {
        Simulation sim = stores(false, false, false);
        Clients c = sim.clients(1, ms(3)); // shorter than the 4 ms round trip: every op times out
        c.call("n1", id -> new Put(id, 1));
        sim.runFor(ms(10));
        assertEquals(1, c.count(Clients.Outcome.UNKNOWN));
        assertEquals(0, c.count(Clients.Outcome.OK));
        sim.crash("n2");
        Clients d = sim.clients(1, ms(100));
        assertEquals(java.util.List.of("c2"), d.names());
        d.call("n2", id -> new Put(id, 1));
        sim.runFor(ms(200));
        assertEquals(1, d.count(Clients.Outcome.UNKNOWN));
        assertEquals(2, sim.report().unknown());
    }

    @Test
    void traceExportsAsJsonAndDrawsADiagramMatchingItsCounts() throws Exception {
        Simulation sim = stores(true, false, false);
        sim.network().loss(0.3);
        sim.schedule(Schedule.at(ms(100)).partition(Set.of("n1")).then(ms(200)).heal());
        sim.clients(1, ms(50)).every(ms(20), 15, (id, r) -> Clients.Call.to("n1", new Put(id, (int) id)));
        sim.runFor(ms(400));
        TraceLog log = sim.trace();
        JsonNode json = new ObjectMapper().readTree(log.toJson());
        assertEquals(log.size(), json.size());
        assertEquals("START", json.get(0).get("kind").asText());
        assertTrue(log.toJson().contains("\"type\" : \"Copy\""));
        var pic = log.diagram();
        long drops = log.count(TraceEvent.Kind.DROP);
        long delivered = log.count(TraceEvent.Kind.DELIVER);
        assertTrue(drops > 0);
        assertTrue(pic.altText().contains("(" + delivered + " delivered, " + drops + " dropped)"), pic.altText());
        assertTrue(pic.altText().contains("1 partition"), pic.altText());
        assertTrue(pic.image().getWidth() == 1000 && pic.image().getHeight() > 200);
        var window = SequenceDiagram.of(log.between(ms(90), ms(210))).nodes("n1", "n2").types("Copy").draw();
        assertTrue(window.altText().startsWith("Sequence diagram of n1, n2 from 90.0 to 210.0 ms"), window.altText());
    }
}
