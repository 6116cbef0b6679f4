package sdx.queues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.Time;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import java.util.stream.Collectors;

/**
 * A small log-based broker on the course's simulator, shaped like Kafka and small enough to read: a topic is
 * {@code P} partitions, each an append-only list; a message goes to partition {@code hash(key) mod P}. Every
 * consumer GROUP sees every message (fan-out: a topic); inside a group each partition belongs to exactly one
 * member (partition p to member p mod size), so the members share the work (a queue). A consumer pulls: it asks
 * for its partitions from its offset, one request per partition at a time, so it reads a partition in order.
 * Simulated: the network and the nodes' timing (virtual time, seeded); nothing here is Kafka's code.
 */
public final class PubSub {
    private PubSub() {}

    /** Every message and timer of the protocol. */
    public sealed interface Msg permits Publish, Fetch, Batch, Tick {}

    /** Producer to broker: append {@code value} under {@code key}. {@code seq} is the producer's global order. */
    public record Publish(String key, int seq) implements Msg {}

    /** Consumer to broker: records of {@code partition} from {@code offset} on, for {@code group}. */
    public record Fetch(String group, int partition, int offset) implements Msg {}

    /** Broker to consumer: the records of one partition from {@code offset} (possibly none). */
    public record Batch(int partition, int offset, List<Publish> records) implements Msg {
        public Batch {
            records = List.copyOf(records);
        }
    }

    /** A node's timer. */
    public record Tick() implements Msg {}

    /** The partition a key goes to: a non-negative hash of the key, mod the partition count. */
    public static int partitionOf(String key, int partitions) {
        Check.notNull("key", key);
        Check.positive("partitions", partitions);
        return Math.floorMod(key.hashCode(), partitions);
    }

    /** The broker: a topic of {@code partitions} append-only logs, answering fetches. */
    public static final class Broker implements Node<Msg> {
        private final List<List<Publish>> log = new ArrayList<>();

        Broker(int partitions) {
            for (int p = 0; p < partitions; p++) log.add(new ArrayList<>());
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Publish m) {
                log.get(partitionOf(m.key(), log.size())).add(m);
            } else if (message instanceof Fetch f) {
                List<Publish> part = log.get(f.partition());
                List<Publish> batch = part.subList(Math.min(f.offset(), part.size()), Math.min(f.offset() + 5, part.size()));
                ctx.send(from, new Batch(f.partition(), f.offset(), batch));
            }
        }

        /** Messages stored in each partition. */
        public int[] sizes() {
            return log.stream().mapToInt(List::size).toArray();
        }
    }

    /** Sends {@code count} messages, one every {@code periodMicros}, with keys k0 .. k(keys-1) in turn. */
    public static final class Producer implements Node<Msg> {
        private final int count, keys;
        private final long periodMicros;
        private int next;

        Producer(int count, int keys, long periodMicros) {
            this.count = count;
            this.keys = keys;
            this.periodMicros = periodMicros;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            ctx.set(new Tick(), periodMicros);
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {}

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (next >= count) return;
            ctx.send("broker", new Publish("k" + (next % keys), next));
            next++;
            ctx.set(new Tick(), periodMicros);
        }
    }

    /** A member of a consumer group: pulls its partitions, in order within each, and records what it got. */
    public static final class Consumer implements Node<Msg> {
        private final String group;
        private final List<Integer> partitions;
        private final long pollMicros;
        private final Map<Integer, Integer> offsets = new HashMap<>();
        private final List<Publish> received = new ArrayList<>();

        Consumer(String group, List<Integer> partitions, long pollMicros) {
            this.group = group;
            this.partitions = List.copyOf(partitions);
            this.pollMicros = pollMicros;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            for (int p : partitions) {
                offsets.put(p, 0);
                ctx.send("broker", new Fetch(group, p, 0));
            }
        }

        @Override
        public void onMessage(String from, Msg message, Context<Msg> ctx) {
            if (message instanceof Batch b) {
                received.addAll(b.records());
                offsets.put(b.partition(), b.offset() + b.records().size());
                if (b.records().isEmpty()) ctx.set(new Fetch(group, b.partition(), b.offset()), pollMicros);
                else ctx.send("broker", new Fetch(group, b.partition(), offsets.get(b.partition())));
            }
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (timer instanceof Fetch f) ctx.send("broker", f);
        }

        /** What this consumer received, in arrival order. */
        public List<Publish> received() {
            return List.copyOf(received);
        }

        /** The partitions this member owns. */
        public List<Integer> partitions() {
            return partitions;
        }
    }

    /**
     * A topic of {@code partitions} partitions, one producer sending {@code messages} messages with {@code keys}
     * keys, and consumer groups given as name to member count (e.g. {@code Map.of("billing", 2, "audit", 1)}).
     * Node names: {@code producer}, {@code broker}, and {@code <group>-<i>} for members (groups in name order). Run it with
     * {@link Simulation#runFor}.
     */
    public static Simulation topic(int partitions, int messages, int keys, Map<String, Integer> groups, long seed) {
        Check.inRange("partitions", partitions, 1, 64);
        Check.inRange("messages", messages, 1, 100_000);
        Check.inRange("keys", keys, 1, 10_000);
        Check.notNull("groups", groups);
        Check.that(!groups.isEmpty(), "groups", groups, "at least one consumer group");
        Simulation sim = Simulation.seeded(seed);
        sim.network().delay(Delay.uniform(Time.ms(1), Time.ms(3)));
        sim.add("producer", () -> new Producer(messages, keys, Time.ms(1)));
        sim.add("broker", () -> new Broker(partitions));
        for (var g : new TreeMap<>(groups).entrySet()) { // by name: the same node order in every JVM
            int members = Check.inRange("members of " + g.getKey(), g.getValue(), 1, 64);
            for (int i = 0; i < members; i++) {
                List<Integer> owned = new ArrayList<>();
                for (int p = i; p < partitions; p += members) owned.add(p);
                sim.add(g.getKey() + "-" + (i + 1), () -> new Consumer(g.getKey(), owned, Time.ms(2)));
            }
        }
        return sim;
    }

    /**
     * One row per consumer of a run: its group, the partitions it owns, messages received, messages out of order
     * within a key (0 when order per partition holds), messages that arrived after a message produced later
     * (global order broken), and the first sequence numbers it received.
     */
    public static Table table(Simulation sim) {
        Check.notNull("sim", sim);
        StringColumn name = StringColumn.create("consumer"), owns = StringColumn.create("partitions"),
                first = StringColumn.create("first messages received (producer's sequence numbers)");
        IntColumn got = IntColumn.create("received"), perKey = IntColumn.create("out of order within a key"),
                global = IntColumn.create("out of global order");
        for (var e : sim.nodes(Consumer.class).entrySet()) {
            Map<String, Integer> lastPerKey = new HashMap<>();
            int keyViolations = 0, inversions = 0, last = -1;
            List<Publish> received = e.getValue().received();
            for (Publish m : received) {
                Integer prev = lastPerKey.put(m.key(), m.seq());
                if (prev != null && prev > m.seq()) keyViolations++;
                if (m.seq() < last) inversions++;
                last = m.seq();
            }
            name.append(e.getKey());
            owns.append(e.getValue().partitions().toString());
            got.append(received.size());
            perKey.append(keyViolations);
            global.append(inversions);
            first.append(received.stream().limit(10).map(m -> Integer.toString(m.seq())).collect(Collectors.joining(" ")));
        }
        return Table.create("Who received what: every group sees every message; inside a group, one member per partition")
                .addColumns(name, owns, got, perKey, global, first);
    }
}
