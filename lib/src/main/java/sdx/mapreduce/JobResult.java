package sdx.mapreduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Locale;
import sdx.core.Stats;
import sdx.viz.Plot;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a job: its output and what each phase cost.
 *
 * @param output             key -> reduced value, keys in natural order when they have one
 * @param phases             map, shuffle and reduce: time, tasks, attempts, crashes, backups
 * @param attempts           every task attempt, in the order the master saw them end
 * @param inputRecords       records read by the committed map tasks
 * @param mapOutputRecords   pairs emitted by the mappers (before the combiner)
 * @param shuffleRecords     pairs sent through the shuffle (after the combiner)
 * @param shuffleBytes       size of the shuffled pairs as text lines {@code key TAB value NEWLINE}
 * @param recordsPerReducer  shuffled pairs received by each reduce partition
 * @param keysPerReducer     distinct keys in each reduce partition
 * @param workers            W
 * @param mapTasks           M (number of splits actually made)
 * @param reducers           R
 * @param combiner           whether a combiner ran
 * @param speculative        whether backup tasks were allowed
 * @param totalMillis        wall time of the whole job
 * @param <K> key type
 * @param <O> output value type
 */
public record JobResult<K, O>(Map<K, O> output, List<PhaseStats> phases, List<TaskAttempt> attempts,
        long inputRecords, long mapOutputRecords, long shuffleRecords, long shuffleBytes, long[] recordsPerReducer,
        long[] keysPerReducer, int workers, int mapTasks, int reducers, boolean combiner, boolean speculative,
        double totalMillis) {

    /** The stats of phase {@code name} ("map", "shuffle" or "reduce"). */
    public PhaseStats phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("phase must be map, shuffle or reduce, was " + name));
    }

    /** Busiest reducer's pairs divided by the mean: 1.0 is perfect balance. */
    public double reducerImbalance() {
        return Stats.imbalance(recordsPerReducer);
    }

    /** Attempts that crashed or failed, over all phases. */
    public long crashedAttempts() {
        return attempts.stream().filter(a -> a.outcome() == TaskAttempt.Outcome.CRASHED
                || a.outcome() == TaskAttempt.Outcome.FAILED).count();
    }

    /** One row per phase: time, tasks, attempts, and the shuffle's volume. */
    public Table table() {
        Table t = Table.create(String.format(Locale.ROOT, "W=%d workers, M=%d map tasks, R=%d reducers%s%s: %.0f ms, "
                        + "%,d input records -> %,d map output -> %,d shuffled (%,d bytes)",
                workers, mapTasks, reducers, combiner ? ", combiner" : "", speculative ? ", backups on" : "",
                totalMillis, inputRecords, mapOutputRecords, shuffleRecords, shuffleBytes));
        StringColumn name = StringColumn.create("phase");
        DoubleColumn ms = DoubleColumn.create("ms");
        IntColumn tasks = IntColumn.create("tasks"), launched = IntColumn.create("attempts"),
                crashed = IntColumn.create("crashed"), backups = IntColumn.create("backups"),
                killed = IntColumn.create("killed");
        for (PhaseStats p : phases) {
            name.append(p.name());
            ms.append(Math.round(p.millis() * 10) / 10.0);
            tasks.append(p.tasks());
            launched.append(p.attempts());
            crashed.append(p.crashed());
            backups.append(p.backups());
            killed.append(p.killed());
        }
        return t.addColumns(name, ms, tasks, launched, crashed, backups, killed);
    }

    /** Every task attempt: phase, task, attempt, worker, start/end (ms since the job began), outcome. */
    public Table attemptsTable() {
        Table t = Table.create("task attempts");
        StringColumn phase = StringColumn.create("phase"), outcome = StringColumn.create("outcome"),
                error = StringColumn.create("error");
        IntColumn task = IntColumn.create("task"), attempt = IntColumn.create("attempt"),
                worker = IntColumn.create("worker");
        BooleanColumn backup = BooleanColumn.create("backup");
        DoubleColumn start = DoubleColumn.create("start ms"), end = DoubleColumn.create("end ms");
        List<TaskAttempt> sorted = new ArrayList<>(attempts);
        sorted.sort((a, b) -> Double.compare(a.startMs(), b.startMs()));
        for (TaskAttempt a : sorted) {
            phase.append(a.phase());
            task.append(a.task());
            attempt.append(a.attempt());
            backup.append(a.backup());
            worker.append(a.worker());
            start.append(Math.round(a.startMs() * 10) / 10.0);
            end.append(Math.round(a.endMs() * 10) / 10.0);
            outcome.append(a.outcome().name().toLowerCase(Locale.ROOT));
            error.append(a.error());
        }
        return t.addColumns(phase, task, attempt, backup, worker, start, end, outcome, error);
    }

    /**
     * Several runs side by side: time per phase, attempts, crashes, backups, and whether each run's
     * output equals the first run's.
     */
    public static Table compare(List<String> names, List<? extends JobResult<?, ?>> results) {
        sdx.core.Check.notNull("names", names);
        sdx.core.Check.notEmpty("results", results);
        sdx.core.Check.that(names.size() == results.size(), "names.size()", names.size(),
                "must equal results.size() = " + results.size());
        StringColumn run = StringColumn.create("run"), same = StringColumn.create("same output as first");
        DoubleColumn map = DoubleColumn.create("map ms"), shuffle = DoubleColumn.create("shuffle ms"),
                reduce = DoubleColumn.create("reduce ms"), total = DoubleColumn.create("total ms");
        IntColumn attempts = IntColumn.create("attempts"), crashed = IntColumn.create("crashed"),
                backups = IntColumn.create("backups"), killed = IntColumn.create("killed");
        for (int i = 0; i < results.size(); i++) {
            JobResult<?, ?> r = results.get(i);
            run.append(names.get(i));
            map.append(Math.round(r.phase("map").millis()));
            shuffle.append(Math.round(r.phase("shuffle").millis()));
            reduce.append(Math.round(r.phase("reduce").millis()));
            total.append(Math.round(r.totalMillis()));
            attempts.append(r.phases().stream().mapToInt(PhaseStats::attempts).sum());
            crashed.append(r.phases().stream().mapToInt(PhaseStats::crashed).sum());
            backups.append(r.phases().stream().mapToInt(PhaseStats::backups).sum());
            killed.append(r.phases().stream().mapToInt(PhaseStats::killed).sum());
            same.append(r.output().equals(results.get(0).output()) ? "yes" : "NO");
        }
        return Table.create("runs compared")
                .addColumns(run, map, shuffle, reduce, total, attempts, crashed, backups, killed, same);
    }

    /** Bar chart of the time of each phase. */
    public Plot phasePlot() {
        List<String> names = phases.stream().map(PhaseStats::name).toList();
        double[] ms = phases.stream().mapToDouble(PhaseStats::millis).toArray();
        return Plot.bar(String.format(Locale.ROOT, "Time per phase (W=%d, M=%d, R=%d)", workers, mapTasks, reducers),
                "phase", "ms").bars("wall time", names, ms);
    }

    /** Bar chart of the pairs each reducer received, with max/mean in the title. */
    public Plot reducerPlot() {
        List<String> names = IntStream.range(0, reducers).mapToObj(i -> "r" + i).toList();
        double[] load = Arrays.stream(recordsPerReducer).asDoubleStream().toArray();
        return Plot.bar(String.format(Locale.ROOT, "Pairs received per reducer: max/mean = %.2f", reducerImbalance()),
                "reduce partition", "pairs received").bars("pairs", names, load);
    }

    /**
     * A timeline: one horizontal segment per task attempt, at the height of the worker that ran it,
     * coloured by phase; winning backups, crashed and killed (or discarded) attempts in their own colours.
     */
    public Plot timelinePlot() {
        Plot p = Plot.line(String.format(Locale.ROOT, "Task attempts on each worker (W=%d, M=%d, R=%d)", workers, mapTasks, reducers),
                "ms since the job started", "worker").yRange(0.5, workers + 0.5);
        String[][] groups = {{"map"}, {"shuffle"}, {"reduce"}, {"backup (won)"}, {"crashed"}, {"killed / discarded"}};
        for (String[] g : groups) {
            List<double[]> xy = new ArrayList<>();
            for (TaskAttempt a : attempts) {
                if (g[0].equals(category(a))) {
                    xy.add(new double[] {a.startMs(), a.worker()});
                    xy.add(new double[] {a.endMs(), a.worker()});
                    xy.add(new double[] {a.endMs(), Double.NaN}); // a gap: no line to the next attempt
                }
            }
            if (xy.isEmpty()) continue;
            p.series(g[0], xy.stream().mapToDouble(v -> v[0]).toArray(), xy.stream().mapToDouble(v -> v[1]).toArray());
        }
        return p;
    }

    private static String category(TaskAttempt a) {
        return switch (a.outcome()) {
            case SUCCEEDED -> a.backup() ? "backup (won)" : a.phase();
            case CRASHED, FAILED -> "crashed";
            case KILLED, DUPLICATE -> "killed / discarded";
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "JobResult[%d keys, W=%d, M=%d, R=%d, %.0f ms, shuffle %d records / %d bytes]",
                output.size(), workers, mapTasks, reducers, totalMillis, shuffleRecords, shuffleBytes);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
