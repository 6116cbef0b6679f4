package sdx.replication;

import java.util.ArrayList;
import java.util.List;
import sdx.core.Check;
import sdx.sim.Clients;
import sdx.sim.Delay;
import sdx.sim.Simulation;
import sdx.sim.Time;

/**
 * A leader–follower cluster on the simulator: leader n1, followers n2, n3, ..., clients that write to
 * whichever replica the failover last named leader (as a client would after asking service discovery),
 * and the run's {@link History}. Clients reach replicas in {@link #CLIENT_DELAY} (constant), replicas
 * reach each other with the settings' replication delay.
 *
 * <pre>{@code
 * Cluster c = Cluster.start(7, Cluster.Settings.of(Mode.ASYNC));
 * c.writes(ms(5), 200);
 * c.crashLeaderAt(ms(500));            // and a proper failover 50 ms later
 * c.sim().runFor(s(2));
 * c.lostWrites();                       // acknowledged writes the new leader does not have
 * }</pre>
 */
public final class Cluster {
    /** One-way delay between clients and replicas. */
    public static final long CLIENT_DELAY = Time.ms(1);
    /** Time from a leader's crash to the failover's promotion of a follower (failure detection). */
    public static final long DETECTION = Time.ms(50);

    /**
     * How a cluster is built.
     *
     * @param mode             when the leader acknowledges
     * @param followers        followers besides the leader (1 to 8)
     * @param replicationDelay one-way delay between replicas
     * @param fencing          whether replicas refuse older epochs
     * @param clients          number of writing clients
     */
    public record Settings(Mode mode, int followers, Delay replicationDelay, boolean fencing, int clients) {
        public Settings {
            Check.notNull("mode", mode);
            Check.inRange("followers", followers, 1, 8);
            Check.notNull("replicationDelay", replicationDelay);
            Check.inRange("clients", clients, 1, 100);
        }

        /** Two followers, replication delay log-normal with median 5 ms (sigma 0.5), no fencing, two clients. */
        public static Settings of(Mode mode) {
            return new Settings(mode, 2, Delay.logNormal(Time.ms(5), 0.5), false, 2);
        }

        /** The same with {@code delay} between replicas. */
        public Settings replicationDelay(Delay delay) {
            return new Settings(mode, followers, delay, fencing, clients);
        }

        /** The same with fencing on or off. */
        public Settings fencing(boolean on) {
            return new Settings(mode, followers, replicationDelay, on, clients);
        }

        /** The same with {@code n} writing clients. */
        public Settings clients(int n) {
            return new Settings(mode, followers, replicationDelay, fencing, n);
        }

        /** The same with {@code n} followers. */
        public Settings followers(int n) {
            return new Settings(mode, n, replicationDelay, fencing, clients);
        }
    }

    /** Added to the values a second client group writes, so every write's value is unique. */
    public static final long SECOND_GROUP = 1_000_000;

    private final Simulation sim;
    private final History history = new History();
    private final Settings settings;
    private final Clients clients;
    private final List<String> names = new ArrayList<>();
    private String leader = "n1";
    private long epoch = 1;
    private int failovers;

    private Cluster(long seed, Settings settings) {
        this.settings = settings;
        this.sim = Simulation.seeded(seed);
        for (int i = 1; i <= settings.followers() + 1; i++) names.add("n" + i);
        for (String n : names) {
            boolean isLeader = n.equals("n1");
            sim.add(n, () -> new Replica(isLeader, "n1", settings.mode(), settings.fencing(), history));
        }
        sim.network().delay(Delay.constant(CLIENT_DELAY));
        for (String a : names) for (String b : names) if (!a.equals(b)) sim.network().link(a, b).delay(settings.replicationDelay());
        clients = sim.clients(settings.clients(), Time.s(1));
    }

    /** A new cluster with {@code settings}; every random choice follows from {@code seed}. */
    public static Cluster start(long seed, Settings settings) {
        return new Cluster(seed, Check.notNull("settings", settings));
    }

    /** Each client writes every {@code periodMicros}, {@code count} times, to the current leader (keys k0..k9). */
    public Cluster writes(long periodMicros, int count) {
        clients.every(periodMicros, count, (id, r) -> Clients.Call.to(leader, new Msg.Write(id, "k" + (id % 10), id)));
        return this;
    }

    /**
     * Crashes the leader at {@code timeMicros}, together with its network link (what it sent and what is
     * still on the way to it is lost, as when a rack or its power fails), and runs a proper failover
     * {@link #DETECTION} later.
     */
    public Cluster crashLeaderAt(long timeMicros) {
        Check.that(timeMicros >= sim.now(), "timeMicros", timeMicros, "must not be in the past (now is " + sim.now() + ")");
        sim.at(timeMicros, s -> {
            s.partition(java.util.Set.of(leader));
            s.crash(leader);
        });
        sim.at(timeMicros + DETECTION, s -> {
            s.heal();
            failover();
        });
        return this;
    }

    /**
     * A second client group of one client (named after the first group's clients) that keeps writing to
     * {@code node} whatever the failover says: a client with a stale idea of who leads.
     */
    public Clients staleClientWrites(String node, long periodMicros, int count) {
        Check.that(names.contains(node), "node", node, "must be one of " + names);
        Clients stale = sim.clients(1, Time.s(1));
        stale.every(periodMicros, count, (id, r) -> Clients.Call.to(node, new Msg.Write(id, "k" + (id % 10), SECOND_GROUP + id)));
        return stale;
    }

    /**
     * Promotes the most advanced live follower (the highest gap-free index; ties to the lowest name) to
     * leader of the next epoch, replicating to the other live replicas, and sends clients there.
     */
    public String failover() {
        String best = null;
        long bestApplied = -1;
        for (String n : names) {
            if (!sim.isUp(n) || n.equals(leader)) continue;
            long a = replica(n).applied();
            if (a > bestApplied) {
                best = n;
                bestApplied = a;
            }
        }
        if (best == null) throw Check.fail("failover needs a live follower; all of " + names + " but the leader are down");
        List<String> followers = new ArrayList<>();
        for (String n : names) if (!n.equals(best) && !n.equals(leader) && sim.isUp(n)) followers.add(n);
        epoch++;
        replica(best).promote(epoch, followers);
        sim.note("failover: " + best + " leads epoch " + epoch);
        leader = best;
        failovers++;
        return best;
    }

    /** The simulation, to run it, schedule faults, read its trace or report. */
    public Simulation sim() {
        return sim;
    }

    /** What happened: acknowledged writes, lags, reads. */
    public History history() {
        return history;
    }

    /** The clients (their operations and outcomes). */
    public Clients clients() {
        return clients;
    }

    /** The replica names, n1 first. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The replica the last failover named leader (n1 before any). */
    public String leader() {
        return leader;
    }

    /** The epoch of the last failover (1 before any). */
    public long epoch() {
        return epoch;
    }

    /** The state of live replica {@code name}. */
    public Replica replica(String name) {
        return sim.node(name, Replica.class);
    }

    /** Acknowledged writes missing from the current leader's log (0 while the leader is down). */
    public int lostWrites() {
        if (!sim.isUp(leader)) return 0;
        Replica r = replica(leader);
        int lost = 0;
        for (Long op : history.acked().keySet()) if (!r.has(op)) lost++;
        return lost;
    }

    private String checkedLeader = "";
    private int checked;

    /**
     * True while every acknowledged write is in the current leader's log (or the leader is down). Cheap
     * enough to test after every event: it re-checks only writes acknowledged since the last call, and
     * everything again after a failover.
     */
    public boolean noAcknowledgedWriteLost() {
        if (failovers == 0 || !sim.isUp(leader)) return true;
        if (!leader.equals(checkedLeader)) {
            checkedLeader = leader;
            checked = 0;
        }
        Replica r = replica(leader);
        List<Long> order = history.ackedOrder();
        for (; checked < order.size(); checked++) if (!r.has(order.get(checked))) return false;
        return true;
    }
}
