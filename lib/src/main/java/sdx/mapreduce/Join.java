package sdx.mapreduce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Joining two datasets with MapReduce: revenue per country from a big table of orders and a small
 * table of users (an order names its user, a user has a country). Two classic plans:
 * <ul>
 * <li><b>reduce-side sort-merge join</b>: map both tables to {@code (userId, tagged record)}; the
 *     shuffle brings a user and all their orders to one reducer, which (keys arriving sorted) merges the
 *     two sides. Both tables cross the shuffle.</li>
 * <li><b>broadcast hash join</b> (map-side): every map task gets a copy of the small table as a hash
 *     map and looks the user up while reading the orders; only the per-country sums are shuffled. It
 *     pays by copying the small table to every map task, so it fits only when that table is small.</li>
 * </ul>
 * Spark chooses between the same two plans ({@code spark.sql.autoBroadcastJoinThreshold}, 10 MB).
 *
 * @param users  the small table
 * @param orders the big table
 */
public record Join(List<User> users, List<Order> orders) {

    /** A user. @param id user id @param country ISO country code */
    public record User(int id, String country) {}

    /** An order. @param id order id @param userId who ordered @param cents the amount */
    public record Order(int id, int userId, long cents) {}

    private static final String[] COUNTRIES = {"BR", "DE", "FR", "IN", "JP", "KE", "NG", "US"};

    /** Copies the lists. */
    public Join {
        users = List.copyOf(Check.notNull("users", users));
        orders = List.copyOf(Check.notNull("orders", orders));
    }

    /** {@code users} users in 8 countries and {@code orders} orders by uniformly chosen users, seeded. */
    public static Join generate(int users, int orders, long seed) {
        Check.inRange("users", users, 1, 10_000_000);
        Check.inRange("orders", orders, 0, 50_000_000);
        UniformRandomProvider rng = Rng.of(seed);
        List<User> us = new ArrayList<>(users);
        for (int i = 0; i < users; i++) us.add(new User(i, COUNTRIES[rng.nextInt(COUNTRIES.length)]));
        List<Order> os = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) os.add(new Order(i, rng.nextInt(users), 100 + rng.nextInt(10_000)));
        return new Join(us, os);
    }

    /** The oracle: revenue per country, computed sequentially with a hash map. */
    public Map<String, Long> revenueByCountry() {
        Map<Integer, String> country = new HashMap<>();
        for (User u : users) country.put(u.id(), u.country());
        Map<String, Long> out = new TreeMap<>();
        for (Order o : orders) out.merge(country.get(o.userId()), o.cents(), Long::sum);
        return out;
    }

    /**
     * Reduce-side sort-merge join on the engine: records tagged "U|country" or "O|cents" by user id;
     * each reducer gets one user's record and orders and emits (country, cents) for that user. The
     * output is user id -> "country|cents"; {@link #byCountry} sums it per country.
     */
    public JobResult<Integer, String> reduceSide(int workers, int mapTasks, int reducers) {
        List<Object> both = new ArrayList<>(users.size() + orders.size());
        both.addAll(users);
        both.addAll(orders);
        Mapper<Object, Integer, String> tag = (rec, out) -> {
            if (rec instanceof User u) out.emit(u.id(), "U|" + u.country());
            else if (rec instanceof Order o) out.emit(o.userId(), "O|" + o.cents());
        };
        Reducer<Integer, String, String> merge = (userId, tagged) -> {
            String country = "?";
            long cents = 0;
            for (String t : tagged) {
                if (t.startsWith("U|")) country = t.substring(2);
                else cents += Long.parseLong(t.substring(2));
            }
            return country + "|" + cents;
        };
        return MapReduce.job(tag, merge).workers(workers).mapTasks(mapTasks).reducers(reducers).run(both);
    }

    /** Broadcast hash join on the engine: the users table as a hash map in every map task; combiner on. */
    public JobResult<String, Long> broadcast(int workers, int mapTasks, int reducers) {
        Map<Integer, String> small = new HashMap<>(); // "broadcast": every map task reads this copy
        for (User u : users) small.put(u.id(), u.country());
        Mapper<Order, String, Long> lookUp = (o, out) -> out.emit(small.get(o.userId()), o.cents());
        Reducer<String, Long, Long> sum = (country, cents) -> {
            long s = 0;
            for (long c : cents) s += c;
            return s;
        };
        return MapReduce.job(lookUp, sum).combiner(sum).workers(workers).mapTasks(mapTasks).reducers(reducers)
                .run(orders);
    }

    /** Sums a reduce-side join's per-user output to revenue per country. */
    public static Map<String, Long> byCountry(Map<Integer, String> perUser) {
        Check.notNull("perUser", perUser);
        Map<String, Long> out = new TreeMap<>();
        for (String v : perUser.values()) {
            int bar = v.indexOf('|');
            out.merge(v.substring(0, bar), Long.parseLong(v.substring(bar + 1)), Long::sum);
        }
        return out;
    }

    /** Bytes of the users table as text lines {@code id TAB country NEWLINE}: what a broadcast copies. */
    public long usersBytes() {
        long b = 0;
        for (User u : users) b += Shuffle.pairBytes(u.id(), u.country());
        return b;
    }

    /**
     * The two plans' data movement side by side (no timings: those depend on the machine): pairs and
     * bytes through the shuffle, and bytes copied by the broadcast (the users table once per map task).
     */
    public Table compare(JobResult<Integer, String> reduceSide, JobResult<String, Long> broadcast) {
        Check.notNull("reduceSide", reduceSide);
        Check.notNull("broadcast", broadcast);
        boolean same = byCountry(reduceSide.output()).equals(broadcast.output())
                && broadcast.output().equals(revenueByCountry());
        StringColumn plan = StringColumn.create("plan");
        LongColumn pairs = LongColumn.create("pairs shuffled"), bytes = LongColumn.create("bytes shuffled"),
                copied = LongColumn.create("bytes broadcast");
        plan.append("reduce-side sort-merge join");
        pairs.append(reduceSide.shuffleRecords());
        bytes.append(reduceSide.shuffleBytes());
        copied.append(0);
        plan.append("broadcast hash join");
        pairs.append(broadcast.shuffleRecords());
        bytes.append(broadcast.shuffleBytes());
        copied.append(usersBytes() * broadcast.mapTasks());
        return Table.create(String.format(Locale.ROOT, "%,d users joined with %,d orders; revenue per country equal: %s",
                users.size(), orders.size(), same ? "yes" : "NO")).addColumns(plan, pairs, bytes, copied);
    }

    /** The two plans' wall times, with units (a separate table, so the one above stays deterministic). */
    public static Table times(JobResult<Integer, String> reduceSide, JobResult<String, Long> broadcast) {
        StringColumn plan = StringColumn.create("plan"), time = StringColumn.create("whole job");
        plan.append("reduce-side sort-merge join");
        time.append(JobResult.millis(reduceSide.totalMillis()));
        plan.append("broadcast hash join");
        time.append(JobResult.millis(broadcast.totalMillis()));
        return Table.create("wall time").addColumns(plan, time);
    }
}
