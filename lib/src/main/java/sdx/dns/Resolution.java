package sdx.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Labelled;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.Time;
import sdx.sim.TraceLog;
import sdx.viz.Picture;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Name resolution on the simulator: a stub resolver (the one in your laptop's OS) asks a recursive
 * resolver (your ISP's, or a public one) <i>recursively</i> ("give me the final answer"); the recursive
 * resolver asks the root, the TLD and the authoritative server <i>iteratively</i> (each answers with what
 * it knows: a referral or the answer), and caches every answer and referral for its TTL.
 *
 * <p>Simulated: the five machines and the network between them, in virtual time; the delays are constant
 * and <b>assumed</b> (see {@link Latencies#typical()}), so each lookup's time is an exact sum of round trips.
 */
public final class Resolution {
    private Resolution() {}

    /** The messages (and the stub's timer) of the simulated protocol. */
    public sealed interface Msg {}

    /** A question: which addresses does {@code name} have? */
    public record Query(int id, String name) implements Msg, Labelled {
        @Override public String label() { return "A? " + name; }
    }

    /** The final answer from a server that holds the name, with its TTL in seconds. */
    public record Answer(int id, String name, String address, long ttl) implements Msg, Labelled {
        @Override public String label() { return address + ", TTL " + ttl; }
    }

    /** "I do not know, ask {@code server}, which serves {@code zone}", with the delegation's TTL in seconds. */
    public record Referral(int id, String name, String zone, String server, long ttl) implements Msg, Labelled {
        @Override public String label() { return "ask " + server; }
    }

    /** No such name. */
    public record NxDomain(int id, String name) implements Msg, Labelled {
        @Override public String label() { return "NXDOMAIN " + name; }
    }

    /** The recursive resolver's reply to the stub: the address (or null), and how many servers it asked. */
    public record Resolved(int id, String name, String address, int upstreamQueries) implements Msg, Labelled {
        @Override public String label() { return name + " = " + address; }
    }

    /** The stub's timer: start looking up {@code name}. */
    public record Lookup(String name) implements Msg {}

    /** One-way delays in milliseconds from the recursive resolver to each server, and from the stub to it. */
    public record Latencies(double stubMs, double rootMs, double tldMs, double authMs) {
        /** Validates. */
        public Latencies {
            Check.atLeast("stubMs", stubMs, 0);
            Check.atLeast("rootMs", rootMs, 0);
            Check.atLeast("tldMs", tldMs, 0);
            Check.atLeast("authMs", authMs, 0);
        }

        /**
         * Assumed one-way delays: 5 ms to the ISP's resolver (same metro area), 10 ms to a root server
         * (anycast: an instance is usually near), 20 ms to a TLD server (also anycast, fewer sites), 40 ms to
         * the domain's authoritative server (one site, possibly on another continent). Not measurements: change
         * them and the sums change with them.
         */
        public static Latencies typical() {
            return new Latencies(5, 10, 20, 40);
        }
    }

    /** One lookup as the stub saw it. */
    public record LookupResult(String name, double startS, double latencyMs, int upstreamQueries, String address) {}

    /** A finished run: the lookups, the trace and the latencies used. */
    public record Run(List<LookupResult> lookups, TraceLog trace, Latencies latencies) {
        /** Copies the list. */
        public Run {
            lookups = List.copyOf(lookups);
        }

        /** The lookups as a table. */
        public Table table() {
            Table t = Table.create("Lookups through one recursive resolver (one-way delays: " + latencies + ")");
            StringColumn name = StringColumn.create("name");
            DoubleColumn start = DoubleColumn.create("asked at (s)"), latency = DoubleColumn.create("latency (ms)");
            IntColumn upstream = IntColumn.create("servers asked by the resolver");
            StringColumn address = StringColumn.create("address");
            for (LookupResult r : lookups) {
                name.append(r.name());
                start.append(r.startS());
                latency.append(r.latencyMs());
                upstream.append(r.upstreamQueries());
                address.append(r.address() == null ? "NXDOMAIN" : r.address());
            }
            return t.addColumns(name, start, latency, upstream, address);
        }

        /** The messages of lookup {@code index} (0 = the first) as a sequence diagram. */
        public Picture diagram(int index) {
            Check.inRange("index", index, 0, lookups.size() - 1);
            LookupResult r = lookups.get(index);
            long from = Time.s(r.startS());
            return trace.between(from, from + Time.ms(r.latencyMs()) + 1).diagram();
        }
    }

    /** The names the simulated authoritative server holds (TTL 300 s), and the delegations' TTLs. */
    public static final long ANSWER_TTL = 300, TLD_DELEGATION_TTL = 172_800, ZONE_DELEGATION_TTL = 86_400;

    /**
     * Resolves each name at its time in seconds ({@code names[i]} at {@code atSeconds[i]}) through one
     * recursive resolver with an empty cache at time 0.
     */
    public static Run run(String[] names, double[] atSeconds, Latencies latencies, long seed) {
        Check.notNull("names", names);
        Check.notNull("atSeconds", atSeconds);
        Check.notNull("latencies", latencies);
        Check.that(names.length == atSeconds.length && names.length > 0, "names and atSeconds",
                names.length + " and " + atSeconds.length, "must have the same, non-zero, length");
        for (int i = 1; i < atSeconds.length; i++) {
            Check.that(atSeconds[i] > atSeconds[i - 1] && atSeconds[0] >= 0, "atSeconds", atSeconds[i], "must increase from >= 0");
        }
        Simulation sim = Simulation.seeded(seed);
        List<LookupResult> results = new ArrayList<>();
        sim.add("stub", () -> new Stub(names, atSeconds, results));
        sim.add("recursive", Recursive::new);
        sim.add("root", () -> new Server(Map.of("test.", "tld"), Map.of()));
        sim.add("tld", () -> new Server(Map.of("course.test.", "auth"), Map.of()));
        sim.add("auth", () -> new Server(Map.of(), Map.of("www.course.test.", "192.0.2.10", "api.course.test.", "192.0.2.11")));
        link(sim, "stub", "recursive", latencies.stubMs());
        link(sim, "recursive", "root", latencies.rootMs());
        link(sim, "recursive", "tld", latencies.tldMs());
        link(sim, "recursive", "auth", latencies.authMs());
        sim.runFor(Time.s(atSeconds[atSeconds.length - 1] + 10));
        return new Run(results, sim.trace(), latencies);
    }

    /** The notebook's scenario: www cold; api (delegations cached); www again (cached); www after its TTL. */
    public static Run coldAndWarm(Latencies latencies, long seed) {
        return run(new String[] {"www.course.test.", "api.course.test.", "www.course.test.", "nope.course.test.", "www.course.test."},
                new double[] {0, 1, 2, 3, 1 + ANSWER_TTL}, latencies, seed);
    }

    /** Theory: a lookup's latency is one stub round trip plus one round trip to each server the resolver asks. */
    public static double theoryMs(Latencies l, boolean root, boolean tld, boolean auth) {
        return 2 * (l.stubMs() + (root ? l.rootMs() : 0) + (tld ? l.tldMs() : 0) + (auth ? l.authMs() : 0));
    }

    private static void link(Simulation sim, String a, String b, double ms) {
        sim.network().link(a, b).delay(Delay.constant(Time.ms(ms)));
        sim.network().link(b, a).delay(Delay.constant(Time.ms(ms)));
    }

    /** The stub resolver: starts each lookup on a timer and records when the reply came. */
    static final class Stub implements Node<Msg> {
        private final String[] names;
        private final double[] at;
        private final List<LookupResult> results;
        private final Map<Integer, Long> started = new HashMap<>();
        private int next;

        Stub(String[] names, double[] at, List<LookupResult> results) {
            this.names = names.clone();
            this.at = at.clone();
            this.results = results;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            for (int i = 0; i < names.length; i++) ctx.set(new Lookup(names[i]), Time.s(at[i]));
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            if (timer instanceof Lookup l) {
                int id = next++;
                started.put(id, ctx.now());
                ctx.send("recursive", new Query(id, l.name()));
            }
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Resolved r) {
                long start = started.remove(r.id());
                results.add(new LookupResult(r.name(), Time.toMs(start) / 1000, Time.toMs(ctx.now() - start),
                        r.upstreamQueries(), r.address()));
            }
        }
    }

    /** The recursive resolver: a cache of answers and referrals, each kept for its TTL; asks iteratively. */
    static final class Recursive implements Node<Msg> {
        private record Cached(String value, long expiresMicros) {}

        private record Pending(String client, int clientId, String name, int asked) {}

        private final Map<String, Cached> answers = new HashMap<>();
        private final Map<String, Cached> delegations = new HashMap<>();
        private final Map<Integer, Pending> pending = new HashMap<>();
        private int nextId = 1000;

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Query q) {
                Cached hit = fresh(answers, q.name(), ctx);
                if (hit != null) {
                    ctx.send(from, new Resolved(q.id(), q.name(), hit.value(), 0));
                } else {
                    ask(new Pending(from, q.id(), q.name(), 0), ctx);
                }
            } else if (m instanceof Referral r) {
                Pending p = pending.remove(r.id());
                delegations.put(r.zone(), new Cached(r.server(), ctx.now() + Time.s(r.ttl())));
                ask(p, ctx);
            } else if (m instanceof Answer a) {
                Pending p = pending.remove(a.id());
                answers.put(a.name(), new Cached(a.address(), ctx.now() + Time.s(a.ttl())));
                ctx.send(p.client(), new Resolved(p.clientId(), p.name(), a.address(), p.asked()));
            } else if (m instanceof NxDomain n) {
                Pending p = pending.remove(n.id());
                ctx.send(p.client(), new Resolved(p.clientId(), p.name(), null, p.asked()));
            }
        }

        /** Sends the question to the closest server known for the name: the longest cached zone, else a root. */
        private void ask(Pending p, Context<Msg> ctx) {
            String server = "root";
            int best = 0;
            for (String zone : delegations.keySet()) {
                Cached c = fresh(delegations, zone, ctx);
                if (c != null && p.name().endsWith(zone) && zone.length() > best) {
                    best = zone.length();
                    server = c.value();
                }
            }
            int id = nextId++;
            pending.put(id, new Pending(p.client(), p.clientId(), p.name(), p.asked() + 1));
            ctx.send(server, new Query(id, p.name()));
        }

        private static Cached fresh(Map<String, Cached> cache, String key, Context<Msg> ctx) {
            Cached c = cache.get(key);
            return c != null && ctx.now() < c.expiresMicros() ? c : null;
        }
    }

    /** A root, TLD or authoritative server: answers what it holds, refers what it delegates. */
    static final class Server implements Node<Msg> {
        private final Map<String, String> delegations;
        private final Map<String, String> addresses;

        Server(Map<String, String> delegations, Map<String, String> addresses) {
            this.delegations = delegations;
            this.addresses = addresses;
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (!(m instanceof Query q)) return;
            String name = q.name().toLowerCase(Locale.ROOT);
            if (addresses.containsKey(name)) {
                ctx.send(from, new Answer(q.id(), q.name(), addresses.get(name), ANSWER_TTL));
                return;
            }
            for (Map.Entry<String, String> d : delegations.entrySet()) {
                if (name.endsWith(d.getKey())) {
                    long ttl = d.getKey().equals("test.") ? TLD_DELEGATION_TTL : ZONE_DELEGATION_TTL;
                    ctx.send(from, new Referral(q.id(), q.name(), d.getKey(), d.getValue(), ttl));
                    return;
                }
            }
            ctx.send(from, new NxDomain(q.id(), q.name()));
        }
    }
}
