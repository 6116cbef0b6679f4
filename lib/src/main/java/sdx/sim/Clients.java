package sdx.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import sdx.core.Check;

/**
 * Simulated clients that send operations to nodes and time them, for Maelstrom's figures: operations
 * ok / failed / unknown (no answer before the timeout), latency percentiles, messages per operation.
 * A request is a protocol message carrying the operation id (unique across all client groups of one
 * simulation); the node answers with a record that
 * implements {@link ClientReply} carrying the same id. Client messages are never lost or partitioned;
 * they take the network's default delay.
 *
 * <pre>{@code
 * Clients clients = sim.clients(2, ms(500));                       // c1, c2; ops time out after 500 ms
 * clients.every(ms(20), 50, (id, rnd) -> Call.to("n1", new Add(id, 1)));
 * sim.runFor(s(3));
 * sim.report()                                                      // RunReport: ok/failed/unknown, p50..max
 * }</pre>
 */
public final class Clients {
    /** Where and what to send: node {@code node} gets {@code request}. */
    public record Call(String node, Object request) {
        public Call {
            Check.notNull("node", node);
            Check.notNull("request", request);
        }

        /** Same as the constructor. */
        public static Call to(String node, Object request) {
            return new Call(node, request);
        }
    }

    /** Builds operation {@code id}'s call, drawing any randomness from {@code random}. */
    @FunctionalInterface
    public interface Generator {
        Call call(long id, SplittableRandom random);
    }

    /** One operation's outcome. */
    public enum Outcome { PENDING, OK, FAILED, UNKNOWN }

    /** One operation: who sent what to whom, when, and how it ended (latency in µs, -1 if none). */
    public record Op(long id, String client, String node, Object request, long start, Outcome outcome, long latency) {}

    private final Simulation sim;
    private final List<String> names;
    private final long timeout;
    private final SplittableRandom random;
    private final Map<Long, Integer> pending = new HashMap<>();
    private final List<Op> ops = new ArrayList<>();
    private int rr;

    Clients(Simulation sim, List<String> names, long timeoutMicros, SplittableRandom random) {
        this.sim = sim;
        this.names = List.copyOf(names);
        this.timeout = timeoutMicros;
        this.random = random;
        for (String n : names) sim.registerClient(n, (from, message) -> onReply(n, from, message));
    }

    /** The client names (c1, c2, ...). */
    public List<String> names() {
        return names;
    }

    /** Sends one operation now, from the next client in turn; returns its id. */
    public long call(String node, LongFunction<?> request) {
        Check.notNull("request", request);
        long id = sim.nextOperationId();
        Object r = Check.notNull("request(" + id + ")", request.apply(id));
        issue(names.get(rr++ % names.size()), id, new Call(node, r));
        return id;
    }

    /**
     * Each client sends {@code count} operations, one every {@code periodMicros} starting one period from
     * now (clients staggered evenly inside the period), built by {@code generator}; returns this.
     */
    public Clients every(long periodMicros, int count, Generator generator) {
        Check.positive("periodMicros", periodMicros);
        Check.atLeast("count", count, 0);
        Check.notNull("generator", generator);
        long start = sim.now();
        for (int k = 0; k < names.size(); k++) {
            String client = names.get(k);
            long offset = periodMicros * k / names.size();
            for (int i = 1; i <= count; i++) {
                sim.at(start + offset + i * periodMicros, s -> {
                    long id = sim.nextOperationId();
                    issue(client, id, Check.notNull("generator's call", generator.call(id, random)));
                });
            }
        }
        return this;
    }

    private void issue(String client, long id, Call call) {
        sim.requireNode("call node", call.node());
        int index = ops.size();
        ops.add(new Op(id, client, call.node(), call.request(), sim.now(), Outcome.PENDING, -1));
        pending.put(id, index);
        sim.record(TraceEvent.Kind.CLIENT_CALL, client, call.node(), call.request(), id, "");
        sim.sendFromOutside(client, call.node(), call.request());
        sim.at(sim.now() + timeout, s -> {
            Integer i = pending.remove(id);
            if (i == null) return;
            ops.set(i, finish(ops.get(i), Outcome.UNKNOWN, -1));
            sim.record(TraceEvent.Kind.CLIENT_TIMEOUT, client, call.node(), call.request(), id, "timeout");
        });
    }

    private void onReply(String client, String from, Object message) {
        if (!(message instanceof ClientReply reply)) {
            throw new IllegalStateException("node " + from + " sent client " + client + " a "
                    + message.getClass().getSimpleName() + ", which does not implement sdx.sim.ClientReply; "
                    + "replies to clients must carry the operation id");
        }
        Integer i = pending.get(reply.opId());
        if (i == null || !ops.get(i).client().equals(client)) return; // late, duplicate, or not ours
        pending.remove(reply.opId());
        Op op = ops.get(i);
        long took = sim.now() - op.start();
        Outcome outcome = reply.ok() ? Outcome.OK : Outcome.FAILED;
        ops.set(i, finish(op, outcome, took));
        sim.record(TraceEvent.Kind.CLIENT_REPLY, client, from, message, reply.opId(), reply.ok() ? "ok" : "fail");
    }

    private static Op finish(Op op, Outcome outcome, long latency) {
        return new Op(op.id(), op.client(), op.node(), op.request(), op.start(), outcome, latency);
    }

    /** Every operation so far, in the order issued. */
    public List<Op> ops() {
        return List.copyOf(ops);
    }

    /** Count of operations with {@code outcome}. */
    public long count(Outcome outcome) {
        return ops.stream().filter(o -> o.outcome() == outcome).count();
    }
}
