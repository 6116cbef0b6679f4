package sdx.mapreduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
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
 * @param reduceOutputs      each reduce task's output, its "output file" (keys in order)
 * @param <K> key type
 * @param <O> output value type
 */
public record JobResult<K, O>(Map<K, O> output, List<PhaseStats> phases, List<TaskAttempt> attempts,
        long inputRecords, long mapOutputRecords, long shuffleRecords, long shuffleBytes, long[] recordsPerReducer,
        long[] keysPerReducer, int workers, int mapTasks, int reducers, boolean combiner, boolean speculative,
        double totalMillis, List<Map<K, O>> reduceOutputs) {

    /** Copies the arrays and the list. */
    public JobResult {
        recordsPerReducer = recordsPerReducer.clone();
        keysPerReducer = keysPerReducer.clone();
        reduceOutputs = List.copyOf(reduceOutputs);
    }

    /** Pairs received by each reduce partition (a copy). */
    @Override
    public long[] recordsPerReducer() {
        return recordsPerReducer.clone();
    }

    /** Distinct keys in each reduce partition (a copy). */
    @Override
    public long[] keysPerReducer() {
        return keysPerReducer.clone();
    }

    /**
     * One row per reduce task's output file: how many keys, the first and the last. With a hash
     * partitioner every file spans the whole key range; with a range partitioner the files do not
     * overlap, so reading them in order gives one sorted output.
     */
    public Table outputFilesTable() {
        StringColumn file = StringColumn.create("output file"), first = StringColumn.create("first key"),
                last = StringColumn.create("last key");
        IntColumn keys = IntColumn.create("keys");
        for (int i = 0; i < reduceOutputs.size(); i++) {
            Map<K, O> m = reduceOutputs.get(i);
            file.append(String.format(Locale.ROOT, "part-%05d", i));
            keys.append(m.size());
            first.append(m.isEmpty() ? "" : String.valueOf(m.keySet().iterator().next()));
            String l = "";
            for (K k : m.keySet()) l = String.valueOf(k);
            last.append(l);
        }
        return Table.create("reduce output files").addColumns(file, keys, first, last);
    }

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

    /** Attempts whose work died with their worker: the one it was running and the map outputs it held. */
    public long lostAttempts() {
        return attempts.stream().filter(a -> a.outcome() == TaskAttempt.Outcome.LOST).count();
    }

    /**
     * One row per phase and a total: wall time (with its unit, "12.3 ms"), tasks, attempts, crashed,
     * backups, killed. The title holds the job's settings and data volumes, which do not depend on timing.
     */
    public Table table() {
        Table t = Table.create(String.format(Locale.ROOT, "W=%d workers, M=%d map tasks, R=%d reducers%s%s: "
                        + "%,d input records -> %,d map output -> %,d shuffled (%,d bytes)",
                workers, mapTasks, reducers, combiner ? ", combiner" : "", speculative ? ", backups on" : "",
                inputRecords, mapOutputRecords, shuffleRecords, shuffleBytes));
        StringColumn name = StringColumn.create("phase"), time = StringColumn.create("time");
        IntColumn tasks = IntColumn.create("tasks"), launched = IntColumn.create("attempts"),
                crashed = IntColumn.create("crashed"), backups = IntColumn.create("backups"),
                killed = IntColumn.create("killed");
        for (PhaseStats p : phases) {
            name.append(p.name());
            time.append(millis(p.millis()));
            tasks.append(p.tasks());
            launched.append(p.attempts());
            crashed.append(p.crashed());
            backups.append(p.backups());
            killed.append(p.killed());
        }
        name.append("whole job");
        time.append(millis(totalMillis));
        tasks.append(phases.stream().mapToInt(PhaseStats::tasks).sum());
        launched.append(phases.stream().mapToInt(PhaseStats::attempts).sum());
        crashed.append(phases.stream().mapToInt(PhaseStats::crashed).sum());
        backups.append(phases.stream().mapToInt(PhaseStats::backups).sum());
        killed.append(phases.stream().mapToInt(PhaseStats::killed).sum());
        return t.addColumns(name, time, tasks, launched, crashed, backups, killed);
    }

    /** A wall-clock time with its unit: "850 ms" or "12.3 ms". */
    static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** Every task attempt: phase, task, attempt, worker, start/end (ms since the job began), outcome. */
    public Table attemptsTable() {
        Table t = Table.create("task attempts");
        StringColumn phase = StringColumn.create("phase"), outcome = StringColumn.create("outcome"),
                error = StringColumn.create("error");
        IntColumn task = IntColumn.create("task"), attempt = IntColumn.create("attempt"),
                worker = IntColumn.create("worker");
        BooleanColumn backup = BooleanColumn.create("backup");
        StringColumn start = StringColumn.create("start"), end = StringColumn.create("end");
        List<TaskAttempt> sorted = new ArrayList<>(attempts);
        // a stable order that does not depend on timing: phase, task, attempt (which worker ran what does)
        List<String> phases = List.of("map", "shuffle", "reduce");
        sorted.sort(java.util.Comparator.<TaskAttempt>comparingInt(a -> phases.indexOf(a.phase()) < 0 ? 99 : phases.indexOf(a.phase()))
                .thenComparingInt(TaskAttempt::task).thenComparingInt(TaskAttempt::attempt).thenComparing(TaskAttempt::backup));
        for (TaskAttempt a : sorted) {
            phase.append(a.phase());
            task.append(a.task());
            attempt.append(a.attempt());
            backup.append(a.backup());
            worker.append(a.worker());
            start.append(millis(a.startMs()));
            end.append(millis(a.endMs()));
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
        StringColumn map = StringColumn.create("map"), shuffle = StringColumn.create("shuffle"),
                reduce = StringColumn.create("reduce"), total = StringColumn.create("whole job");
        IntColumn attempts = IntColumn.create("attempts"), crashed = IntColumn.create("crashed"),
                backups = IntColumn.create("backups"), killed = IntColumn.create("killed");
        for (int i = 0; i < results.size(); i++) {
            JobResult<?, ?> r = results.get(i);
            run.append(names.get(i));
            map.append(millis(r.phase("map").millis()));
            shuffle.append(millis(r.phase("shuffle").millis()));
            reduce.append(millis(r.phase("reduce").millis()));
            total.append(millis(r.totalMillis()));
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
        return timeline(String.format(Locale.ROOT, "Task attempts on each worker (W=%d, M=%d, R=%d)", workers, mapTasks, reducers),
                "ms since the job started", attempts, workers, 1);
    }

    /** The timeline drawing shared with {@link BackupTasks}: x = time / {@code unit}. */
    static Plot timeline(String title, String xLabel, List<TaskAttempt> attempts, int workers, double unit) {
        Plot p = Plot.line(title, xLabel, "worker").yRange(0.5, workers + 0.5);
        String[][] groups = {{"map"}, {"shuffle"}, {"reduce"}, {"backup (won)"}, {"crashed"}, {"killed / discarded"},
            {"lost with its worker"}};
        for (String[] g : groups) {
            List<double[]> xy = new ArrayList<>();
            for (TaskAttempt a : attempts) {
                if (g[0].equals(category(a))) {
                    xy.add(new double[] {a.startMs() / unit, a.worker()});
                    xy.add(new double[] {a.endMs() / unit, a.worker()});
                    xy.add(new double[] {a.endMs() / unit, Double.NaN}); // a gap: no line to the next attempt
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
            case LOST -> "lost with its worker";
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
