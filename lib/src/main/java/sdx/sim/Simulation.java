package sdx.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import sdx.core.Check;

/**
 * A deterministic discrete-event simulation of nodes exchanging messages over a modelled network.
 * Virtual time (microseconds, see {@link Time}), one event queue ordered by (time, sequence number),
 * single-threaded, all randomness from one seed: the same seed gives the same {@link #trace()}, event
 * for event.
 *
 * <pre>{@code
 * Simulation sim = Simulation.seeded(7);
 * for (String n : List.of("n1", "n2", "n3")) sim.add(n, Raft::new);
 * sim.network().delay(Delay.uniform(ms(1), ms(10))).loss(0.05);
 * sim.schedule(Schedule.at(ms(200)).crash("n1").then(ms(900)).restart("n1"));
 * sim.check(Invariant.of("one leader per term", s -> ...));
 * sim.runFor(s(2));
 * sim.trace().between(ms(150), ms(400)).diagram();
 * }</pre>
 *
 * <p><b>Crashes and messages in flight.</b> A message reaches only the incarnation of its addressee that
 * was running when it was sent: one sent to a node that is down, or that crashes before the message
 * arrives, is dropped (reason "crashed"), even if the node has restarted by then, as a connection to
 * a crashed process is gone. A message a node sent BEFORE it crashed is already on the wire and may
 * still arrive after the crash, as in a real network.
 */
public final class Simulation {
    private static final int DEFAULT_TRACE_LIMIT = 2_000_000;

    private final long seed;
    private final SplittableRandom random;
    private final EventQueue queue = new EventQueue();
    private final Map<String, Slot<?>> slots = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, BiConsumer<String, Object>> clients = new HashMap<>();
    private final Network network = new Network(this);
    private final ArrayList<TraceEvent> trace = new ArrayList<>();
    private final List<Invariant> invariants = new ArrayList<>();
    private final List<Clients> clientGroups = new ArrayList<>();
    private Map<String, Integer> partition;
    private Class<?> cachedType;
    private Map<String, ?> cachedNodes;
    private long now;
    private long seq;
    private long messageIds;
    private long operationIds;
    private long timerIds;
    private long events;
    private boolean tracing = true;
    private int traceLimit = DEFAULT_TRACE_LIMIT;
    private boolean truncated;

    private Simulation(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** A new, empty simulation whose every random choice follows from {@code seed}. */
    public static Simulation seeded(long seed) {
        return new Simulation(seed);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    // ---------------------------------------------------------------- nodes

    /**
     * Adds a node named {@code name}, built by {@code factory} now and again after every restart (a crash
     * throws the object away; its {@link Disk} survives). It starts ({@link Node#onStart}) at the current
     * time, in the order nodes were added.
     */
    public <M> Simulation add(String name, Supplier<? extends Node<M>> factory) {
        Check.notNull("name", name);
        Check.that(!name.isBlank(), "name", "\"" + name + "\"", "must not be blank");
        Check.notNull("factory", factory);
        Check.that(!slots.containsKey(name) && !clients.containsKey(name), "name", name,
                "must be new: a node or client with that name exists already");
        Slot<M> slot = new Slot<>(name, factory, random.split());
        slots.put(name, slot);
        names.add(name);
        slot.start(false);
        at(now, s -> slot.begin(false));
        return this;
    }

    /** The node names, in the order they were added. */
    public List<String> nodeNames() {
        return Collections.unmodifiableList(names);
    }

    /** True if node {@code name} is running (not crashed). */
    public boolean isUp(String name) {
        return slot(name).up;
    }

    /**
     * The object of running node {@code name}, to read its state in a test or a cell. Fails if the node
     * is down (see {@link #isUp}) or is not a {@code type}.
     */
    public <T> T node(String name, Class<T> type) {
        Check.notNull("type", type);
        Slot<?> s = slot(name);
        if (!s.up) throw Check.fail("node " + name + " is down (crashed); check sim.isUp(\"" + name + "\") first");
        Check.that(type.isInstance(s.node), "type", type.getSimpleName(),
                "must match node " + name + "'s class " + s.node.getClass().getSimpleName());
        return type.cast(s.node);
    }

    /**
     * The running nodes that are {@code type}s, by name, in the order they were added (an unmodifiable
     * map, cached until the next start, crash or restart, so an invariant may call it after every event).
     */
    @SuppressWarnings("unchecked")
    public <T> Map<String, T> nodes(Class<T> type) {
        if (cachedType == type) return (Map<String, T>) cachedNodes;
        Check.notNull("type", type);
        Map<String, T> out = new LinkedHashMap<>();
        for (Slot<?> s : slots.values()) {
            if (s.up && type.isInstance(s.node)) out.put(s.name, type.cast(s.node));
        }
        cachedType = type;
        cachedNodes = Collections.unmodifiableMap(out);
        return (Map<String, T>) cachedNodes;
    }

    /** Node {@code name}'s disk (readable whether the node is up or down). */
    public Disk disk(String name) {
        return slot(name).disk;
    }

    // ---------------------------------------------------------------- network and nemesis

    /** The network model, to configure fluently (delay, loss, duplication, per-link overrides). */
    public Network network() {
        return network;
    }

    /**
     * Crashes node {@code name} now: its object, timers and volatile state are gone; its disk stays.
     * Messages on their way to it are lost (also if it restarts before they arrive); messages it sent
     * before the crash still arrive.
     */
    public void crash(String name) {
        Slot<?> s = slot(name);
        if (!s.up) throw Check.fail("cannot crash " + name + ": it is already down");
        s.crash();
    }

    /** Restarts crashed node {@code name} now: a fresh object from its factory, the same disk. */
    public void restart(String name) {
        Slot<?> s = slot(name);
        if (s.up) throw Check.fail("cannot restart " + name + ": it is up (crash it first)");
        s.start(true);
        s.begin(true);
    }

    /**
     * Splits the network now: messages between nodes of different groups are dropped (checked when sent
     * and when they would arrive). Nodes named in no group form one more group together, so
     * {@code partition(Set.of("n1"))} isolates n1. Clients still reach every node.
     */
    @SafeVarargs
    public final void partition(Set<String>... groups) {
        Check.notNull("groups", groups);
        Check.that(groups.length > 0, "groups", "[]", "must name at least one group of nodes");
        Map<String, Integer> map = new HashMap<>();
        for (int g = 0; g < groups.length; g++) {
            Check.notNull("groups[" + g + "]", groups[g]);
            for (String n : groups[g]) {
                requireNode("partition group " + (g + 1), n);
                Check.that(!map.containsKey(n), "partition group " + (g + 1), n, "must not repeat a node of another group");
                map.put(n, g);
            }
        }
        for (String n : names) map.putIfAbsent(n, groups.length);
        partition = map;
        List<String> text = new ArrayList<>();
        for (int g = 0; g <= groups.length; g++) {
            TreeSet<String> members = new TreeSet<>();
            for (var e : map.entrySet()) if (e.getValue() == g) members.add(e.getKey());
            if (!members.isEmpty()) text.add(String.join(",", members));
        }
        record(TraceEvent.Kind.PARTITION, "", "", null, -1, String.join(" | ", text));
    }

    /** Ends the partition now: every node reaches every other again. */
    public void heal() {
        partition = null;
        record(TraceEvent.Kind.HEAL, "", "", null, -1, "");
    }

    /** True if a partition separates {@code a} and {@code b} now. */
    public boolean partitioned(String a, String b) {
        return partition != null && !partition.get(a).equals(partition.get(b));
    }

    /** Schedules a nemesis (crashes, restarts, partitions, heals) at absolute virtual times. */
    public Simulation schedule(Schedule schedule) {
        Check.notNull("schedule", schedule);
        for (Schedule.Step step : schedule.steps()) {
            Check.that(step.time() >= now, "schedule time", step.time(), "must not be in the past (now is " + now + ")");
            step.fault().validate(this);
            at(step.time(), s -> step.fault().apply(s));
        }
        return this;
    }

    /** Runs {@code action} at absolute virtual time {@code timeMicros} (>= now), e.g. to issue a request. */
    public Simulation at(long timeMicros, Consumer<Simulation> action) {
        Check.that(timeMicros >= now, "timeMicros", timeMicros, "must be >= now (" + now + ")");
        Check.notNull("action", action);
        enqueue(new ActionEvent(this, action), timeMicros);
        return this;
    }

    // ---------------------------------------------------------------- running

    /** Runs every event up to {@code now() + durationMicros}, then sets the clock there. */
    public Simulation runFor(long durationMicros) {
        Check.that(durationMicros >= 0, "durationMicros", durationMicros, "must be >= 0");
        long end = now + durationMicros;
        EventQueue.Event e;
        while ((e = queue.peek()) != null && e.time <= end) step(queue.poll());
        now = end;
        return this;
    }

    /**
     * Runs until {@code done} holds (tested before the first and after every event) or {@code limitMicros}
     * of virtual time have passed; returns whether {@code done} holds.
     */
    public boolean runUntil(Predicate<Simulation> done, long limitMicros) {
        Check.notNull("done", done);
        Check.that(limitMicros >= 0, "limitMicros", limitMicros, "must be >= 0");
        long end = now + limitMicros;
        if (done.test(this)) return true;
        EventQueue.Event e;
        while ((e = queue.peek()) != null && e.time <= end) {
            step(queue.poll());
            if (done.test(this)) return true;
        }
        now = end;
        return false;
    }

    private void step(EventQueue.Event e) {
        now = e.time;
        events++;
        e.fire();
        if (!invariants.isEmpty()) checkInvariants();
    }

    /**
     * Checks {@code checks} now and after every later event; a run that breaks one throws an
     * {@link InvariantViolation} naming it, the time and the seed.
     */
    public Simulation check(Invariant... checks) {
        Check.notNull("checks", checks);
        for (Invariant i : checks) invariants.add(Check.notNull("invariant", i));
        checkInvariants();
        return this;
    }

    private void checkInvariants() {
        for (Invariant inv : invariants) {
            if (!inv.holds().test(this)) {
                TraceEvent last = trace.isEmpty() ? null : trace.get(trace.size() - 1);
                throw new InvariantViolation(inv.name(), seed, now, last == null ? -1 : last.index(),
                        last == null ? "" : last.toString());
            }
        }
    }

    /** Virtual time now, in microseconds. */
    public long now() {
        return now;
    }

    /** Number of events processed so far (deliveries, timers, starts, nemesis actions). */
    public long eventCount() {
        return events;
    }

    // ---------------------------------------------------------------- trace

    /** Everything recorded so far (see {@link TraceLog} for queries, JSON and diagrams). */
    public TraceLog trace() {
        return new TraceLog(trace, names);
    }

    /** Turns trace recording on or off (off for benchmarks and long explorations). */
    public Simulation tracing(boolean on) {
        tracing = on;
        return this;
    }

    /** Keeps at most {@code maxEvents} trace events (default 2,000,000); later ones are counted, not kept. */
    public Simulation traceLimit(int maxEvents) {
        traceLimit = Check.positive("maxEvents", maxEvents);
        return this;
    }

    /** True if the trace hit its limit and later events were not kept. */
    public boolean traceTruncated() {
        return truncated;
    }

    /** Adds the experimenter's note to the trace. */
    public void note(String text) {
        record(TraceEvent.Kind.NOTE, "", "", null, -1, Check.notNull("text", text));
    }

    void record(TraceEvent.Kind kind, String node, String peer, Object message, long id, String detail) {
        if (!tracing) return;
        if (trace.size() >= traceLimit) {
            truncated = true;
            return;
        }
        trace.add(new TraceEvent(trace.size(), now, kind, node, peer, message, id, detail));
    }

    // ---------------------------------------------------------------- per-node counters

    /** Messages sent by node {@code name} so far (all incarnations). */
    public long sent(String name) {
        return slot(name).sent;
    }

    /** Messages delivered to node {@code name} so far. */
    public long received(String name) {
        return slot(name).received;
    }

    /** Messages sent by node {@code name} that never arrived (lost, partitioned, or to a crashed node). */
    public long dropped(String name) {
        return slot(name).dropped;
    }

    // ---------------------------------------------------------------- clients and report

    /**
     * Adds {@code count} clients named c1, c2, ... (continuing the numbering if called again) whose
     * operations count as unknown after {@code timeoutMicros} without an answer. See {@link Clients}.
     */
    public Clients clients(int count, long timeoutMicros) {
        Check.positive("count", count);
        Check.positive("timeoutMicros", timeoutMicros);
        List<String> made = new ArrayList<>();
        int base = clients.size();
        for (int i = 1; i <= count; i++) made.add("c" + (base + i));
        Clients c = new Clients(this, made, timeoutMicros, random.split());
        clientGroups.add(c);
        return c;
    }

    /** Maelstrom's figures for the run so far: operations by outcome, messages per operation, latencies, nodes. */
    public RunReport report() {
        long ops = 0, ok = 0, failed = 0, unknown = 0, pending = 0;
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
        List<Long> lat = new ArrayList<>();
        for (Clients c : clientGroups) {
            for (Clients.Op op : c.ops()) {
                ops++;
                switch (op.outcome()) {
                    case OK -> {
                        ok++;
                        h.recordValue(Math.max(1, op.latency()));
                        lat.add(op.latency());
                    }
                    case FAILED -> failed++;
                    case UNKNOWN -> unknown++;
                    case PENDING -> pending++;
                }
            }
        }
        long nodeMessages = 0;
        List<RunReport.NodeRow> rows = new ArrayList<>();
        for (Slot<?> s : slots.values()) {
            nodeMessages += s.sent - s.toClients;
            rows.add(new RunReport.NodeRow(s.name, s.up, s.sent, s.received, s.dropped, s.crashes));
        }
        boolean any = ok > 0;
        return new RunReport(seed, now, events, ops, ok, failed, unknown, pending, nodeMessages,
                ops == 0 ? Double.NaN : (double) nodeMessages / ops,
                any ? h.getValueAtPercentile(50) : -1, any ? h.getValueAtPercentile(95) : -1,
                any ? h.getValueAtPercentile(99) : -1, any ? h.getMaxValue() : -1, rows,
                lat.stream().mapToLong(Long::longValue).toArray());
    }

    // ---------------------------------------------------------------- internals

    void registerClient(String name, BiConsumer<String, Object> onReply) {
        Check.that(!slots.containsKey(name) && !clients.containsKey(name), "client name", name,
                "must differ from every node and client name");
        clients.put(name, onReply);
    }

    boolean isClient(String name) {
        return clients.containsKey(name);
    }

    /** Sends from a client (or any outside party): no loss, no partition, the default delay. */
    void sendFromOutside(String from, String to, Object message) {
        requireNode("to", to);
        long id = ++messageIds;
        record(TraceEvent.Kind.SEND, from, to, message, id, "");
        long delay = network.defaults().delayOrDefault().sample(random);
        enqueue(new Delivery(this, from, to, message, id, addressee(to)), now + delay);
    }

    /** A fresh operation id, unique across every client group of this simulation. */
    long nextOperationId() {
        return ++operationIds;
    }

    /**
     * The incarnation a message to {@code to} is addressed to: the running one, or -1 when {@code to}
     * is down, so that it reaches no later incarnation either.
     */
    private int addressee(String to) {
        Slot<?> target = slots.get(to);
        return target != null && target.up ? target.incarnation : -1;
    }

    RandomGenerator random() {
        return random;
    }

    Slot<?> slot(String name) {
        requireNode("node", name);
        return slots.get(name);
    }

    void requireNode(String parameter, String name) {
        Check.notNull(parameter, name);
        if (!slots.containsKey(name)) {
            throw Check.fail(parameter + " must name a node of this simulation " + names + ", was \"" + name + "\"");
        }
    }

    private void enqueue(EventQueue.Event e, long time) {
        e.time = time;
        e.seq = seq++;
        queue.add(e);
    }

    private void send(Slot<?> from, String to, Object message) {
        Check.notNull("message", message);
        Check.notNull("to", to);
        from.sent++;
        long id = ++messageIds;
        BiConsumer<String, Object> client = clients.get(to);
        if (client != null) {
            from.toClients++;
            record(TraceEvent.Kind.SEND, from.name, to, message, id, "");
            long delay = network.defaults().delayOrDefault().sample(random);
            enqueue(new Delivery(this, from.name, to, message, id, -1), now + delay);
            return;
        }
        if (!slots.containsKey(to)) {
            throw Check.fail("to must name a node " + names + (clients.isEmpty() ? "" : " or a client " + new TreeSet<>(clients.keySet()))
                    + ", was \"" + to + "\" (sending " + message.getClass().getSimpleName() + " from " + from.name + ")");
        }
        record(TraceEvent.Kind.SEND, from.name, to, message, id, "");
        if (partitioned(from.name, to)) {
            drop(from, to, message, id, "partition");
            return;
        }
        Network.Link link = network.effective(from.name, to);
        double loss = link.lossOrDefault();
        if (loss > 0 && random.nextDouble() < loss) {
            drop(from, to, message, id, "loss");
            return;
        }
        Delay delay = link.delayOrDefault();
        enqueue(new Delivery(this, from.name, to, message, id, addressee(to)), now + checkedDelay(delay.sample(random), delay));
        double dup = link.duplicateOrDefault();
        if (dup > 0 && random.nextDouble() < dup) {
            record(TraceEvent.Kind.DUPLICATE, from.name, to, message, id, "");
            enqueue(new Delivery(this, from.name, to, message, id, addressee(to)), now + checkedDelay(delay.sample(random), delay));
        }
    }

    private static long checkedDelay(long d, Delay delay) {
        if (d < 0) throw new IllegalStateException("delay " + delay + " drew a negative delay " + d + " µs; delays must be >= 0");
        return d;
    }

    private void drop(Slot<?> from, String to, Object message, long id, String reason) {
        if (from != null) from.dropped++;
        record(TraceEvent.Kind.DROP, from == null ? "" : from.name, to, message, id, reason);
    }

    private RuntimeException nodeFailure(String node, String what, RuntimeException e) {
        if (e instanceof InvariantViolation) return e;
        return new IllegalStateException("node " + node + " threw " + e.getClass().getSimpleName() + " while handling "
                + what + " at " + String.format(Locale.ROOT, "%.3f", Time.toMs(now)) + " ms (seed " + seed + "): "
                + e.getMessage(), e);
    }

    private static final class ActionEvent extends EventQueue.Event {
        private final Simulation sim;
        private final Consumer<Simulation> action;

        ActionEvent(Simulation sim, Consumer<Simulation> action) {
            this.sim = sim;
            this.action = action;
        }

        @Override
        void fire() {
            action.accept(sim);
        }
    }

    private static final class Delivery extends EventQueue.Event {
        private final Simulation sim;
        private final String from;
        private final String to;
        private final Object message;
        private final long id;
        private final int incarnation;

        Delivery(Simulation sim, String from, String to, Object message, long id, int incarnation) {
            this.sim = sim;
            this.from = from;
            this.to = to;
            this.message = message;
            this.id = id;
            this.incarnation = incarnation;
        }

        @Override
        void fire() {
            BiConsumer<String, Object> client = sim.clients.get(to);
            if (client != null) {
                sim.record(TraceEvent.Kind.DELIVER, to, from, message, id, "");
                client.accept(from, message);
                return;
            }
            Slot<?> target = sim.slots.get(to);
            Slot<?> sender = sim.slots.get(from);
            if (!target.up || target.incarnation != incarnation) {   // down now, or down since it was sent
                sim.drop(sender, to, message, id, "crashed");
            } else if (sender != null && sim.partitioned(from, to)) {
                sim.drop(sender, to, message, id, "partition");
            } else {
                target.received++;
                sim.record(TraceEvent.Kind.DELIVER, to, from, message, id, "");
                target.deliver(from, message);
            }
        }
    }

    private static final class TimerEvent extends EventQueue.Event {
        private final Slot<?> slot;
        private final Object timer;
        private final long id;
        private final int incarnation;
        boolean cancelled;

        TimerEvent(Slot<?> slot, Object timer, long id, int incarnation) {
            this.slot = slot;
            this.timer = timer;
            this.id = id;
            this.incarnation = incarnation;
        }

        @Override
        void fire() {
            if (cancelled || incarnation != slot.incarnation || !slot.up) return;
            slot.timers.remove(id);
            slot.sim().record(TraceEvent.Kind.TIMER_FIRE, slot.name, "", timer, id, "");
            slot.fireTimer(timer);
        }
    }

    /** One node: its factory, current object, disk, randomness, timers and counters. */
    final class Slot<M> implements Context<M> {
        final String name;
        final Supplier<? extends Node<M>> factory;
        final MapDisk disk = new MapDisk();
        final SplittableRandom nodeRandom;
        final Map<Long, TimerEvent> timers = new HashMap<>();
        List<String> peers;
        Node<M> node;
        boolean up;
        int incarnation;
        long sent;
        long received;
        long dropped;
        long toClients;
        long crashes;

        Slot(String name, Supplier<? extends Node<M>> factory, SplittableRandom nodeRandom) {
            this.name = name;
            this.factory = factory;
            this.nodeRandom = nodeRandom;
        }

        Simulation sim() {
            return Simulation.this;
        }

        void start(boolean restart) {
            Node<M> fresh = factory.get();
            if (fresh == null) throw Check.fail("factory for node " + name + " must return a node, returned null");
            node = fresh;
            up = true;
            cachedType = null;
            if (restart) record(TraceEvent.Kind.RESTART, name, "", null, -1, "");
        }

        void begin(boolean restart) {
            if (!up) return;
            if (!restart) record(TraceEvent.Kind.START, name, "", null, -1, "");
            int inc = incarnation;
            try {
                node.onStart(this);
            } catch (RuntimeException e) {
                throw nodeFailure(name, restart ? "onStart after restart" : "onStart", e);
            }
            assert inc == incarnation;
        }

        void crash() {
            up = false;
            node = null;
            cachedType = null;
            incarnation++;
            crashes++;
            timers.clear();
            record(TraceEvent.Kind.CRASH, name, "", null, -1, "");
        }

        @SuppressWarnings("unchecked")
        void deliver(String from, Object message) {
            try {
                node.onMessage(from, (M) message, this);
            } catch (RuntimeException e) {
                throw nodeFailure(name, message + " from " + from, e);
            }
        }

        @SuppressWarnings("unchecked")
        void fireTimer(Object timer) {
            try {
                node.onTimer((M) timer, this);
            } catch (RuntimeException e) {
                throw nodeFailure(name, "timer " + timer, e);
            }
        }

        // ---- Context

        @Override
        public String self() {
            return name;
        }

        @Override
        public List<String> peers() {
            if (peers == null || peers.size() != names.size() - 1) {
                List<String> p = new ArrayList<>(names);
                p.remove(name);
                peers = List.copyOf(p);
            }
            return peers;
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public void send(String to, M message) {
            Simulation.this.send(this, to, message);
        }

        @Override
        public void broadcast(M message) {
            for (String p : peers()) Simulation.this.send(this, p, message);
        }

        @Override
        public TimerId set(M timer, long delayMicros) {
            Check.notNull("timer", timer);
            if (delayMicros < 0) {
                throw Check.fail("delayMicros must be >= 0, was " + delayMicros + " (timer " + timer + " at node " + name + ")");
            }
            long id = ++timerIds;
            TimerEvent e = new TimerEvent(this, timer, id, incarnation);
            timers.put(id, e);
            record(TraceEvent.Kind.TIMER_SET, name, "", timer, id, "");
            enqueue(e, now + delayMicros);
            return new TimerId(id);
        }

        @Override
        public void cancel(TimerId timer) {
            Check.notNull("timer", timer);
            TimerEvent e = timers.remove(timer.id());
            if (e == null) return;
            e.cancelled = true;
            record(TraceEvent.Kind.TIMER_CANCEL, name, "", e.timer, e.id, "");
        }

        @Override
        public Disk disk() {
            return disk;
        }

        @Override
        public RandomGenerator random() {
            return nodeRandom;
        }

        @Override
        public void note(String text) {
            record(TraceEvent.Kind.NOTE, name, "", null, -1, Check.notNull("text", text));
        }
    }

    /** A disk as a map that outlives the node object. */
    static final class MapDisk implements Disk {
        private final Map<String, Object> values = new HashMap<>();

        @Override
        public void put(String key, Object value) {
            Check.notNull("key", key);
            values.put(key, value);
        }

        @Override
        public <T> Optional<T> get(String key, Class<T> type) {
            Check.notNull("key", key);
            Check.notNull("type", type);
            Object v = values.get(key);
            if (v == null) return Optional.empty();
            if (!type.isInstance(v)) {
                throw Check.fail("disk key \"" + key + "\" holds a " + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
            }
            return Optional.of(type.cast(v));
        }

        @Override
        public String toString() {
            return new java.util.TreeMap<>(values).toString();
        }
    }
}
