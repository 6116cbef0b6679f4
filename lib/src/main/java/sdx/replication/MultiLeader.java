package sdx.replication;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sdx.core.Check;
import sdx.sim.ClientReply;
import sdx.sim.Clients;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.viz.Tables;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Multi-leader replication: two leaders ("eu" and "us"), each accepting writes from its clients and
 * sending every write to the other asynchronously. Two writes to one key at the two leaders within the
 * replication delay are concurrent. Last-writer-wins keeps the one with the later timestamp at both
 * leaders and drops the other without telling anyone; version vectors see that neither write knew the
 * other and keep both as siblings for the application (or the next writer) to merge.
 */
public final class MultiLeader {
    private MultiLeader() {}

    /** How a leader resolves a concurrent write. */
    public enum Resolution { LAST_WRITER_WINS, VERSION_VECTORS }

    /** One stored version: the value, the writer's timestamp (its clock), the leader it was written at, its vector. */
    public record Version(String value, long timestamp, String origin, VersionVector vector) {}

    /** Messages of the protocol. */
    public sealed interface M permits Put, PutOk, Sync {}

    /** A client writes {@code value} to {@code key}. */
    public record Put(long opId, String key, String value) implements M {}

    /** The leader stored it. */
    public record PutOk(long opId) implements M, ClientReply {}

    /** A leader passes a version on to the other leader. */
    public record Sync(String key, Version version) implements M {}

    /** Versions dropped by last-writer-wins, and keys that held siblings, across the run. */
    static final class Tally {
        final Set<String> silentlyLost = new HashSet<>();
        final Set<String> conflicts = new HashSet<>();
    }

    /** A leader. Its clock runs {@code skewMicros} ahead of true time (last-writer-wins timestamps use it). */
    static final class Leader implements Node<M> {
        private final Resolution resolution;
        private final long skew;
        private final Tally tally;
        final Map<String, List<Version>> store = new TreeMap<>();

        Leader(Resolution resolution, long skewMicros, Tally tally) {
            this.resolution = resolution;
            this.skew = skewMicros;
            this.tally = tally;
        }

        @Override
        public void onMessage(String from, M m, Context<M> ctx) {
            if (m instanceof Put p) {
                VersionVector seen = VersionVector.empty();
                for (Version v : store.getOrDefault(p.key(), List.of())) seen = seen.merge(v.vector());
                Version mine = new Version(p.value(), ctx.now() + skew, ctx.self(), seen.increment(ctx.self()));
                store.put(p.key(), new ArrayList<>(List.of(mine))); // the writer saw every sibling here: it replaces them
                ctx.broadcast(new Sync(p.key(), mine));
                ctx.send(from, new PutOk(p.opId()));
            } else if (m instanceof Sync s) {
                merge(s.key(), s.version());
            }
        }

        private void merge(String key, Version incoming) {
            List<Version> mine = store.computeIfAbsent(key, k -> new ArrayList<>());
            for (Version v : mine) {
                VersionVector.Order o = incoming.vector().compare(v.vector());
                if (o == VersionVector.Order.BEFORE || o == VersionVector.Order.EQUAL) return; // old news
            }
            List<Version> concurrent = new ArrayList<>();
            mine.removeIf(v -> incoming.vector().compare(v.vector()) == VersionVector.Order.AFTER);
            concurrent.addAll(mine);
            if (concurrent.isEmpty()) {
                mine.add(incoming);
            } else if (resolution == Resolution.VERSION_VECTORS) {
                mine.add(incoming);
                tally.conflicts.add(key);
            } else {
                Version winner = incoming;
                for (Version v : concurrent) if (later(v, winner)) winner = v;
                for (Version v : concurrent) if (v != winner) tally.silentlyLost.add(v.value());
                if (winner != incoming) tally.silentlyLost.add(incoming.value());
                mine.clear();
                mine.add(winner);
            }
        }

        private static boolean later(Version a, Version b) {
            return a.timestamp() != b.timestamp() ? a.timestamp() > b.timestamp() : a.origin().compareTo(b.origin()) > 0;
        }
    }

    /**
     * One run's result.
     *
     * @param resolution  how conflicts were resolved
     * @param writes      writes acknowledged to clients
     * @param silentlyLost acknowledged writes that last-writer-wins dropped (0 with version vectors)
     * @param keysWithSiblings keys where version vectors kept concurrent siblings (0 with last-writer-wins)
     * @param agree       whether both leaders hold the same versions at the end
     * @param versions    the "eu" leader's final versions by key
     */
    public record Run(Resolution resolution, long writes, int silentlyLost, int keysWithSiblings, boolean agree,
            Map<String, List<Version>> versions) {

        /** The keys with more than one version (siblings), with their values and vectors. */
        public Tables.HtmlTable siblings(int maxKeys) {
            Check.positive("maxKeys", maxKeys);
            Table t = Table.create("Siblings kept by version vectors").addColumns(StringColumn.create("key"),
                    StringColumn.create("value"), StringColumn.create("written at"), StringColumn.create("version vector"));
            int shown = 0;
            for (var e : versions.entrySet()) {
                if (e.getValue().size() < 2 || shown++ >= maxKeys) continue;
                for (Version v : e.getValue()) {
                    t.stringColumn(0).append(e.getKey());
                    t.stringColumn(1).append(v.value());
                    t.stringColumn(2).append(v.origin());
                    t.stringColumn(3).append(v.vector().toString());
                }
            }
            return Tables.html(t);
        }
    }

    /** The one-way delay between the leaders (a transatlantic link). */
    public static final long LINK = Time.ms(40);
    /** How far the "us" leader's clock runs ahead. */
    public static final long SKEW = Time.ms(5);

    /**
     * Two leaders 40 ms apart, {@code keys} keys, two clients per leader each writing a random key every
     * {@code periodMs} for one second; the same seed gives the same writes and delays for both resolutions.
     */
    public static Run run(long seed, Resolution resolution, int keys, double periodMs) {
        Check.notNull("resolution", resolution);
        Check.inRange("keys", keys, 1, 10_000);
        Check.inRange("periodMs", periodMs, 1.0, 1_000.0);
        Tally tally = new Tally();
        Simulation sim = Simulation.seeded(seed);
        sim.add("eu", () -> new Leader(resolution, 0, tally));
        sim.add("us", () -> new Leader(resolution, SKEW, tally));
        sim.network().delay(Delay.constant(Time.ms(1)));
        sim.network().link("eu", "us").delay(Delay.uniform(LINK - Time.ms(5), LINK + Time.ms(5)));
        sim.network().link("us", "eu").delay(Delay.uniform(LINK - Time.ms(5), LINK + Time.ms(5)));
        Clients clients = sim.clients(4, Time.s(1));
        long period = Time.ms(periodMs);
        int count = (int) (Time.s(1) / period);
        clients.every(period, count, (id, r) -> Clients.Call.to(id % 2 == 0 ? "eu" : "us",
                new Put(id, "key" + r.nextInt(keys), "v" + id)));
        sim.runFor(Time.s(1) + Time.ms(200));
        Leader eu = sim.node("eu", Leader.class), us = sim.node("us", Leader.class);
        Map<String, List<Version>> fin = new LinkedHashMap<>(eu.store);
        return new Run(resolution, clients.count(Clients.Outcome.OK), tally.silentlyLost.size(), tally.conflicts.size(),
                asSets(eu.store).equals(asSets(us.store)), fin);
    }

    private static Map<String, Set<Version>> asSets(Map<String, List<Version>> store) {
        Map<String, Set<Version>> out = new TreeMap<>();
        store.forEach((k, v) -> out.put(k, new HashSet<>(v)));
        return out;
    }

    /** Both resolutions on the same seed, in one table. */
    public static Tables.HtmlTable compare(long seed, int keys, double periodMs) {
        Table t = Table.create("Concurrent writes at two leaders").addColumns(StringColumn.create("resolution"),
                IntColumn.create("writes acknowledged"), IntColumn.create("dropped silently"),
                IntColumn.create("keys with siblings"), StringColumn.create("leaders agree"));
        for (Resolution r : Resolution.values()) {
            Run run = run(seed, r, keys, periodMs);
            t.stringColumn(0).append(r.name());
            t.intColumn(1).append((int) run.writes());
            t.intColumn(2).append(run.silentlyLost());
            t.intColumn(3).append(run.keysWithSiblings());
            t.stringColumn(4).append(run.agree() ? "yes" : "no");
        }
        return Tables.html(t);
    }
}
