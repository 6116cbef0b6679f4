package sdx.transactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Many random interleavings of the same workload at each isolation level: how often the workload's
 * invariant breaks, and how often a transaction aborts. Two workloads:
 * <ul>
 *   <li>{@link #transfers}: move money between accounts; the invariant is that the total is unchanged
 *       (a lost update breaks it);</li>
 *   <li>{@link #onCall}: each doctor goes off call if at least two are on call; the invariant is that
 *       someone stays on call (write skew breaks it).</li>
 * </ul>
 *
 * @param workload what ran
 * @param rows     one row per isolation level
 */
public record AnomalyStudy(String workload, List<Row> rows) {

    /** The outcome at one isolation level. */
    public record Row(Isolation isolation, int runs, int violations, long transactions, long aborts) {
        /** Share of runs whose invariant broke. */
        public double violationRate() {
            return violations / (double) runs;
        }

        /** Share of transactions that aborted. */
        public double abortRate() {
            return aborts / (double) transactions;
        }
    }

    public AnomalyStudy {
        rows = List.copyOf(rows);
    }

    /**
     * What {@link #transfers(TransferSettings)} runs, named, with defaults: start from {@link #defaults()}
     * and change what the cell is about, e.g. {@code transfers(TransferSettings.defaults().withAccounts(5))}.
     *
     * @param runs       random interleavings per isolation level, at least 1
     * @param concurrent transfers at a time, 2..64
     * @param accounts   accounts holding 100 each, 2..1,000
     * @param seed       which interleavings
     */
    public record TransferSettings(int runs, int concurrent, int accounts, long seed) {
        /** Validates. */
        public TransferSettings {
            Check.positive("runs", runs);
            Check.inRange("concurrent", concurrent, 2, 64);
            Check.inRange("accounts", accounts, 2, 1_000);
        }

        /** 400 runs of 4 transfers at a time over 5 accounts, seed 42. */
        public static TransferSettings defaults() {
            return new TransferSettings(400, 4, 5, 42);
        }

        /** These settings with another number of runs. */
        public TransferSettings withRuns(int n) {
            return new TransferSettings(n, concurrent, accounts, seed);
        }

        /** These settings with another number of transfers at a time. */
        public TransferSettings withConcurrent(int n) {
            return new TransferSettings(runs, n, accounts, seed);
        }

        /** These settings with another number of accounts. */
        public TransferSettings withAccounts(int n) {
            return new TransferSettings(runs, concurrent, n, seed);
        }

        /** These settings with another seed. */
        public TransferSettings withSeed(long s) {
            return new TransferSettings(runs, concurrent, accounts, s);
        }
    }

    /**
     * {@code concurrent} transfers at a time between {@code accounts} accounts holding 100 each, interleaved
     * at random, {@code runs} times per level.
     *
     * @deprecated four positional numbers are easy to swap: use {@link #transfers(TransferSettings)}
     */
    @Deprecated
    public static AnomalyStudy transfers(int runs, int concurrent, int accounts, long seed) {
        return transfers(new TransferSettings(runs, concurrent, accounts, seed));
    }

    /** Transfers between accounts holding 100 each, interleaved at random, as {@code settings} say. */
    public static AnomalyStudy transfers(TransferSettings settings) {
        Check.notNull("settings", settings);
        int runs = settings.runs(), concurrent = settings.concurrent(), accounts = settings.accounts();
        long seed = settings.seed();
        Check.positive("runs", runs);
        Check.inRange("concurrent", concurrent, 2, 64);
        Check.inRange("accounts", accounts, 2, 1_000);
        Map<String, Long> initial = new HashMap<>();
        for (int a = 0; a < accounts; a++) initial.put("acct" + a, 100L);
        long total = 100L * accounts;
        return study("transfers: " + concurrent + " at a time over " + accounts + " accounts", runs, seed, initial,
                rng -> transfer(rng, accounts), concurrent,
                result -> result.values().stream().mapToLong(Long::longValue).sum() != total);
    }

    /** {@code doctors} doctors on call; each one's transaction checks the rota and goes off call if it can. */
    public static AnomalyStudy onCall(int runs, int doctors, long seed) {
        Check.positive("runs", runs);
        Check.inRange("doctors", doctors, 2, 64);
        Map<String, Long> initial = new HashMap<>();
        for (int d = 0; d < doctors; d++) initial.put("doctor" + d, 1L);
        int[] next = {0};
        return study("on call: " + doctors + " doctors, each tries to go off call", runs, seed, initial,
                rng -> offCall(doctors, next[0]++ % doctors), doctors,
                result -> result.values().stream().mapToLong(Long::longValue).sum() < 1);
    }

    private static AnomalyStudy study(String name, int runs, long seed, Map<String, Long> initial,
                                      java.util.function.Function<UniformRandomProvider, Program> programs, int concurrent,
                                      java.util.function.Predicate<Map<String, Long>> broken) {
        List<Row> rows = new ArrayList<>();
        for (Isolation level : Isolation.values()) {
            UniformRandomProvider rng = Rng.of(seed);
            int violations = 0;
            long txns = 0, aborts = 0;
            for (int r = 0; r < runs; r++) {
                MvccStore store = MvccStore.create().load(initial);
                List<Program> ps = new ArrayList<>();
                for (int i = 0; i < concurrent; i++) ps.add(programs.apply(rng));
                interleave(store, level, ps, rng);
                txns += concurrent;
                aborts += store.aborts();
                if (broken.test(store.snapshot())) violations++;
            }
            rows.add(new Row(level, runs, violations, txns, aborts));
        }
        return new AnomalyStudy(name, rows);
    }

    /** One transaction's steps: read, decide, write, commit; each call does one step. */
    interface Program {
        /** Does the next step on {@code t}; returns false when the program has finished (committed or aborted). */
        boolean step(Transaction t);
    }

    private static void interleave(MvccStore store, Isolation level, List<Program> programs, UniformRandomProvider rng) {
        List<Program> running = new ArrayList<>(programs);
        Map<Program, Transaction> txns = new HashMap<>();
        while (!running.isEmpty()) {
            Program p = running.get(rng.nextInt(running.size()));
            Transaction t = txns.computeIfAbsent(p, x -> store.begin(level));
            if (!p.step(t)) running.remove(p);
        }
    }

    private static Program transfer(UniformRandomProvider rng, int accounts) {
        String from = "acct" + rng.nextInt(accounts);
        String to = "acct" + ((Integer.parseInt(from.substring(4)) + 1 + rng.nextInt(accounts - 1)) % accounts);
        long amount = 1 + rng.nextInt(10);
        long[] seen = new long[2];
        int[] pc = {0};
        return t -> switch (pc[0]++) {
            case 0 -> { seen[0] = t.read(from); yield true; }
            case 1 -> { seen[1] = t.read(to); yield true; }
            case 2 -> { t.write(from, seen[0] - amount); yield true; }
            case 3 -> { t.write(to, seen[1] + amount); yield true; }
            default -> { t.commit(); yield false; }
        };
    }

    private static Program offCall(int doctors, int me) {
        long[] onCall = {0};
        int[] pc = {0};
        return t -> {
            int step = pc[0]++;
            if (step < doctors) {
                onCall[0] += t.read("doctor" + step);
                return true;
            }
            if (step == doctors) {
                if (onCall[0] >= 2) t.write("doctor" + me, 0);
                return true;
            }
            t.commit();
            return false;
        };
    }

    /** The rows as a table: level, runs, invariant broken, abort rate. */
    public Table table() {
        Table t = Table.create(workload);
        t.addColumns(StringColumn.create("isolation", rows.stream().map(r -> r.isolation().name()).toList()),
                IntColumn.create("runs", rows.stream().mapToInt(Row::runs).toArray()),
                IntColumn.create("invariant broken", rows.stream().mapToInt(Row::violations).toArray()),
                DoubleColumn.create("share of runs broken", rows.stream().mapToDouble(Row::violationRate).toArray()),
                DoubleColumn.create("share of transactions aborted", rows.stream().mapToDouble(Row::abortRate).toArray()));
        return t;
    }

    /** Bars: share of runs with the invariant broken, and share of transactions aborted, per level. */
    public Plot plot() {
        List<String> levels = rows.stream().map(r -> r.isolation().name()).toList();
        return Plot.bar(workload, "isolation level", "share")
                .bars("runs with the invariant broken", levels, rows.stream().mapToDouble(Row::violationRate).toArray())
                .bars("transactions aborted", levels, rows.stream().mapToDouble(Row::abortRate).toArray());
    }

    /** The row for one level. */
    public Row row(Isolation level) {
        return rows.stream().filter(r -> r.isolation() == level).findFirst().orElseThrow();
    }
}
