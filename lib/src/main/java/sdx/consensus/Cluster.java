package sdx.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Disk;
import sdx.sim.Node;
import sdx.sim.TimerId;

/**
 * A small deterministic discrete-event runner for this topic's protocols: virtual time in
 * microseconds, one event queue ordered by (time, sequence), a network with uniform latency, loss and
 * partitions, crashes that throw a node's memory away and restarts that keep its {@link Disk}.
 *
 * <p>It drives the nodes through the shared {@code sdx.sim} node API ({@link Node}, {@link Context}),
 * so the same protocol classes run on the course's full simulator; this runner exists so the topic's
 * many-trial experiments (thousands of elections per chart) stay small and fast, and it records a
 * {@link Trace} for tables and sequence diagrams.
 *
 * @param <M> the protocol's message type
 */
final class Cluster<M> {

    /** One recorded event. {@code kind}: send, deliver, drop, timer, crash, restart, note. */
    record Event(long time, String kind, String from, String to, String label) {}

    private final class Member implements Context<M> {
        final String name;
        final Supplier<? extends Node<M>> factory;
        final RandomGenerator random;
        final Map<String, Object> disk = new HashMap<>();
        Node<M> node;
        boolean up = true;
        int incarnation;

        Member(String name, Supplier<? extends Node<M>> factory, long seed, int index) {
            this.name = name;
            this.factory = factory;
            this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (index + 1));
        }

        public String self() { return name; }
        public List<String> peers() { return peersOf(name); }
        public long now() { return now; }
        public void send(String to, M message) { transmit(this, to, message); }
        public void broadcast(M message) { for (String p : peersOf(name)) transmit(this, p, message); }
        public TimerId set(M timer, long delayMicros) { return setTimer(this, timer, delayMicros); }
        public void cancel(TimerId timer) {
            Ev e = timers.remove(timer.id());
            if (e != null) e.cancelled = true;
        }
        public Disk disk() {
            return new Disk() {
                public void put(String key, Object value) { disk.put(key, value); }
                public <T> java.util.Optional<T> get(String key, Class<T> type) {
                    return java.util.Optional.ofNullable(disk.get(key)).map(type::cast);
                }
            };
        }
        public RandomGenerator random() { return random; }
        public void note(String text) { record("note", name, name, text); }
    }

    private final class Ev implements Comparable<Ev> {
        final long time, seq;
        final Runnable action;
        boolean cancelled;

        Ev(long time, Runnable action) {
            this.time = time;
            this.seq = nextSeq++;
            this.action = action;
        }

        public int compareTo(Ev o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, List<String>> peerLists = new HashMap<>();
    private final PriorityQueue<Ev> queue = new PriorityQueue<>();
    private final Map<Long, Ev> timers = new HashMap<>();
    private final SplittableRandom net;
    private final long seed;
    private final long latencyMin, latencyMax;
    private final List<Event> trace = new ArrayList<>();
    private final Map<String, Integer> group = new HashMap<>();
    private double loss;
    private List<String> names;
    private final Map<String, Long> bootTimes = new HashMap<>();
    private long stagger, timerJitter;
    private boolean tracing;
    private long now, nextSeq, nextTimer, messages, events;
    private boolean started;

    /**
     * @param seed       the run's seed
     * @param latencyMin smallest one-way delay, microseconds
     * @param latencyMax largest one-way delay, microseconds (delays are uniform in between)
     */
    Cluster(long seed, long latencyMin, long latencyMax) {
        Check.that(latencyMin >= 0, "latencyMin", latencyMin, "must be >= 0 microseconds");
        Check.that(latencyMax >= latencyMin, "latencyMax", latencyMax, "must be >= latencyMin (" + latencyMin + ")");
        this.seed = seed;
        this.net = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.latencyMin = latencyMin;
        this.latencyMax = latencyMax;
    }

    Cluster<M> add(String name, Supplier<? extends Node<M>> factory) {
        Check.notNull("name", name);
        Check.that(!members.containsKey(name), "name", name, "must be unique");
        Check.that(!started, "name", name, "nodes must be added before the run starts");
        members.put(name, new Member(name, factory, seed, members.size()));
        peerLists.clear();
        names = null;
        return this;
    }

    Cluster<M> tracing(boolean on) {
        tracing = on;
        return this;
    }

    Cluster<M> loss(double probability) {
        loss = Check.inRange("loss", probability, 0.0, 1.0);
        return this;
    }

    /** Cuts the network into groups: messages cross no group boundary. Nodes not named form one more group. */
    @SafeVarargs
    final void partition(Set<String>... groups) {
        group.clear();
        for (int g = 0; g < groups.length; g++) {
            for (String n : groups[g]) {
                member(n);
                group.put(n, g + 1);
            }
        }
        record("partition", "", "", describePartition(groups));
    }

    void heal() {
        group.clear();
        record("heal", "", "", "network healed");
    }

    void crash(String name) {
        Member m = member(name);
        if (!m.up) return;
        m.up = false;
        m.node = null;
        m.incarnation++;
        record("crash", name, name, "crash");
    }

    void restart(String name) {
        Member m = member(name);
        if (m.up) return;
        m.up = true;
        m.incarnation++;
        record("restart", name, name, "restart");
        m.node = m.factory.get();
        m.node.onStart(m);
    }

    /** Runs {@code action} at virtual time {@code time} (a nemesis step, a client request). */
    void at(long time, Runnable action) {
        Check.that(time >= now, "time", time, "must not be in the past (now " + now + ")");
        queue.add(new Ev(time, action));
    }

    /** Each timer fires up to {@code maxMicros} late (uniformly), as a real machine's scheduler makes it. */
    Cluster<M> timerJitter(long maxMicros) {
        Check.that(maxMicros >= 0, "maxMicros", maxMicros, "must be >= 0");
        timerJitter = maxMicros;
        return this;
    }

    /** Boots the nodes at random moments in [0, maxMicros) instead of all at time 0, as real servers do. */
    Cluster<M> stagger(long maxMicros) {
        Check.that(maxMicros >= 0, "maxMicros", maxMicros, "must be >= 0");
        stagger = maxMicros;
        return this;
    }

    /** Boots node {@code name} at {@code time} instead of at a staggered moment. */
    Cluster<M> bootAt(String name, long time) {
        member(name);
        Check.that(time >= 0, "time", time, "must be >= 0");
        bootTimes.put(name, time);
        return this;
    }

    void start() {
        if (started) return;
        started = true;
        for (Member m : members.values()) {
            Long boot = bootTimes.get(m.name);
            if (boot == null && stagger == 0) {
                m.node = m.factory.get();
                m.node.onStart(m);
            } else {
                m.up = false;
                queue.add(new Ev(boot != null ? boot : net.nextLong(stagger), () -> {
                    m.up = true;
                    m.node = m.factory.get();
                    m.node.onStart(m);
                }));
            }
        }
    }

    /** Runs events until virtual time {@code until}. */
    void runUntil(long until) {
        runUntil(() -> false, until);
    }

    /** Runs events until {@code stop} holds (checked after each event) or virtual time passes {@code limit}. */
    boolean runUntil(BooleanSupplier stop, long limit) {
        start();
        if (stop.getAsBoolean()) return true;
        while (!queue.isEmpty() && queue.peek().time <= limit) {
            Ev e = queue.poll();
            if (e.cancelled) continue;
            now = e.time;
            events++;
            e.action.run();
            if (stop.getAsBoolean()) return true;
        }
        now = Math.max(now, limit);
        return false;
    }

    long now() { return now; }

    long messages() { return messages; }

    /** Events processed so far (deliveries, timers, nemesis steps). */
    long events() { return events; }

    boolean isUp(String name) { return member(name).up; }

    List<String> names() {
        if (names == null) names = List.copyOf(members.keySet());
        return names;
    }

    /** The live node object of {@code name}, or null while it is down. */
    Node<M> node(String name) { return member(name).node; }

    List<Event> trace() { return List.copyOf(trace); }

    private List<String> peersOf(String name) {
        return peerLists.computeIfAbsent(name, n -> members.keySet().stream().filter(p -> !p.equals(n)).toList());
    }

    private Member member(String name) {
        Member m = members.get(name);
        if (m == null) throw Check.fail("unknown node '" + name + "': the nodes are " + members.keySet());
        return m;
    }

    private void transmit(Member from, String to, M message) {
        Member dest = member(to);
        messages++;
        String label = label(message);
        record("send", from.name, to, label);
        if (group.getOrDefault(from.name, 0).intValue() != group.getOrDefault(to, 0).intValue()) {
            record("drop", from.name, to, label + " (partition)");
            return;
        }
        if (loss > 0 && net.nextDouble() < loss) {
            record("drop", from.name, to, label + " (lost)");
            return;
        }
        long delay = latencyMax == latencyMin ? latencyMin : net.nextLong(latencyMin, latencyMax + 1);
        String sender = from.name;
        queue.add(new Ev(now + delay, () -> {
            if (!dest.up) {
                record("drop", sender, to, label + " (" + to + " down)");
                return;
            }
            record("deliver", sender, to, label);
            dest.node.onMessage(sender, message, dest);
        }));
    }

    private TimerId setTimer(Member m, M timer, long delay) {
        Check.that(delay >= 0, "delayMicros", delay, "must be >= 0");
        long id = nextTimer++;
        int incarnation = m.incarnation;
        long late = timerJitter == 0 ? 0 : m.random.nextLong(timerJitter + 1);
        Ev e = new Ev(now + delay + late, () -> {
            timers.remove(id);
            if (!m.up || m.incarnation != incarnation) return;
            m.node.onTimer(timer, m);
        });
        timers.put(id, e);
        queue.add(e);
        return new TimerId(id);
    }

    private void record(String kind, String from, String to, String label) {
        if (tracing) trace.add(new Event(now, kind, from, to, label));
    }

    private static String label(Object message) {
        return String.valueOf(message); // the protocols' records print short labels
    }

    private static String describePartition(Set<String>[] groups) {
        StringBuilder sb = new StringBuilder("partition ");
        for (int i = 0; i < groups.length; i++) {
            if (i > 0) sb.append(" | ");
            sb.append(String.join(",", new java.util.TreeSet<>(groups[i])));
        }
        return sb.toString();
    }
}
