package sdx.dcache;

import static sdx.sim.Time.ms;

import java.util.Locale;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Delay;
import sdx.sim.Node;
import sdx.sim.Simulation;
import sdx.sim.TraceLog;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The stale-set race of cache-aside, on the simulator: a reader misses, reads the old value from the
 * database and sets it in the cache; meanwhile a writer updates the database and deletes the cached copy.
 * When the reader's set lands after the delete, the cache holds the old value until it expires. Leases
 * (Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013) fix it: a miss hands the reader a token, a
 * delete invalidates the key's token, and the cache refuses a set whose token is no longer valid.
 *
 * <p>Four simulated nodes ({@code reader}, {@code writer}, {@code cache}, {@code db}) exchange messages over a
 * network with delays uniform in 1–10 ms; the writer starts at a random time in the first 20 ms. Every
 * timing follows from the seed.
 */
public final class StaleSet {
    private StaleSet() {}

    /** Every message and timer of the race. */
    public sealed interface Msg permits Start, Get, Hit, Miss, Read, Value, Set, Write, Written, Delete {}

    /** A client's timer: begin. */
    public record Start() implements Msg {}

    /** Reader to cache: the cached value, please. */
    public record Get() implements Msg {}

    /** Cache to reader: here it is. */
    public record Hit(String value) implements Msg {}

    /** Cache to reader: not cached; with leases, {@code lease} is the token a later set must carry (0 = none). */
    public record Miss(long lease) implements Msg {}

    /** Reader to database: read the key. */
    public record Read() implements Msg {}

    /** Database to reader: the value. */
    public record Value(String value) implements Msg {}

    /** Reader to cache: store {@code value} (with the lease token, 0 without leases). */
    public record Set(String value, long lease) implements Msg {}

    /** Writer to database: store {@code value}. */
    public record Write(String value) implements Msg {}

    /** Database to writer: stored. */
    public record Written() implements Msg {}

    /** Writer to cache: drop the cached copy (and, with leases, its outstanding lease). */
    public record Delete() implements Msg {}

    /** The cache: one key; with leases, the token of the current lease. */
    public static final class Cache implements Node<Msg> {
        private final boolean leases;
        private String value;
        private long lease;
        private long nextToken = 1;

        Cache(boolean leases) {
            this.leases = leases;
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Get) {
                if (value != null) {
                    ctx.send(from, new Hit(value));
                } else {
                    if (leases) lease = nextToken++;
                    ctx.send(from, new Miss(leases ? lease : 0));
                }
            } else if (m instanceof Set s) {
                if (!leases) value = s.value();
                else if (s.lease() == lease && lease != 0) {
                    value = s.value();
                    lease = 0;
                } else {
                    ctx.note("set refused: lease " + s.lease() + " is no longer valid");
                }
            } else if (m instanceof Delete) {
                value = null;
                lease = 0;
            }
        }

        /** The cached value, or null. */
        public String value() {
            return value;
        }
    }

    /** The database: one key, initially "old". */
    public static final class Database implements Node<Msg> {
        private String value = "old";

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Read) ctx.send(from, new Value(value));
            else if (m instanceof Write w) {
                value = w.value();
                ctx.send(from, new Written());
            }
        }

        /** The stored value. */
        public String value() {
            return value;
        }
    }

    /** Cache-aside reader: get; on a miss read the database and set what it read. */
    static final class Reader implements Node<Msg> {
        private long lease;

        @Override
        public void onStart(Context<Msg> ctx) {
            ctx.set(new Start(), 0);
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            ctx.send("cache", new Get());
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Miss miss) {
                lease = miss.lease();
                ctx.send("db", new Read());
            } else if (m instanceof Value v) {
                ctx.send("cache", new Set(v.value(), lease));
            }
        }
    }

    /** Writer: update the database, then delete the cached copy. */
    static final class Writer implements Node<Msg> {
        @Override
        public void onStart(Context<Msg> ctx) {
            ctx.set(new Start(), ctx.random().nextLong(ms(20)));
        }

        @Override
        public void onTimer(Msg timer, Context<Msg> ctx) {
            ctx.send("db", new Write("new"));
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Written) ctx.send("cache", new Delete());
        }
    }

    /**
     * One run of the race.
     *
     * @param leases true to run the cache with leases
     * @param seed   every timing follows from it
     */
    public static Run run(boolean leases, long seed) {
        return run(leases, seed, true);
    }

    private static Run run(boolean leases, long seed, boolean traced) {
        Simulation sim = Simulation.seeded(seed).tracing(traced);
        sim.network().delay(Delay.uniform(ms(1), ms(10)));
        sim.add("reader", Reader::new);
        sim.add("cache", () -> new Cache(leases));
        sim.add("db", Database::new);
        sim.add("writer", Writer::new);
        sim.runFor(ms(100));
        String cached = sim.node("cache", Cache.class).value();
        String stored = sim.node("db", Database.class).value();
        return new Run(leases, seed, cached, stored, sim.trace());
    }

    /** The first seed from 1 on whose run without leases leaves a stale value (searches up to 10,000). */
    public static long firstStaleSeed() {
        for (long seed = 1; seed <= 10_000; seed++) if (run(false, seed, false).stale()) return seed;
        throw new IllegalStateException("no stale run in seeds 1 to 10,000");
    }

    /**
     * Runs seeds {@code 1..seeds} with and without leases and counts the runs that end with a stale value in
     * the cache.
     */
    public static Count count(int seeds) {
        Check.inRange("seeds", seeds, 1, 100_000);
        int without = 0, with = 0;
        for (long s = 1; s <= seeds; s++) {
            if (run(false, s, false).stale()) without++;
            if (run(true, s, false).stale()) with++;
        }
        return new Count(seeds, without, with);
    }

    /**
     * One run's end state and trace.
     *
     * @param leases whether the cache used leases
     * @param seed   the seed
     * @param cached the cache's value at the end (null if none)
     * @param stored the database's value at the end
     * @param trace  every message
     */
    public record Run(boolean leases, long seed, String cached, String stored, TraceLog trace) {
        /** True when the cache holds a value the database no longer has. */
        public boolean stale() {
            return cached != null && !cached.equals(stored);
        }

        /** The sequence diagram of the run. */
        public sdx.viz.Picture diagram() {
            return trace.diagram();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "seed %d, %s: cache holds %s, database holds %s%s", seed,
                    leases ? "with leases" : "no leases", cached == null ? "nothing" : "\"" + cached + "\"",
                    "\"" + stored + "\"", stale() ? " (STALE until it expires)" : "");
        }
    }

    /**
     * Stale endings over many seeds.
     *
     * @param seeds   runs per setting
     * @param without runs without leases that ended stale
     * @param with    runs with leases that ended stale
     */
    public record Count(int seeds, int without, int with) {
        /** The two counts as a table. */
        public Table table() {
            return Table.create("Runs that end with a stale cached value, out of " + seeds + " seeds").addColumns(
                    StringColumn.create("cache", new String[] {"no leases", "leases"}),
                    IntColumn.create("stale runs", new int[] {without, with}));
        }
    }
}
