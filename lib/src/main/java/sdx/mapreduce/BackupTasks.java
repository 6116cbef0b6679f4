package sdx.mapreduce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;
import sdx.viz.Plot;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's straggler, in simulated time (Dean &amp; Ghemawat 2004, section 3.6): one machine's bad
 * disk slows its reads from 30 MB/s to 1 MB/s, so any map task it runs takes 30 times longer. Each
 * of M map tasks reads a 64 MB split; its time is 64 MB / 30 MB/s on a good worker (with a seeded
 * ±10% spread) and 64 MB / 1 MB/s on the slow one. Workers take the next waiting task when idle; every
 * 100 ms of simulated time (Spark's {@code spark.speculation.interval}) the master applies the
 * engine's {@link SpeculationPolicy}. Simulated time makes the result the same on every machine and
 * every run: a real straggler on a shared laptop is at the mercy of the other programs.
 *
 * @param tasks         M
 * @param workers       W
 * @param slowWorker    the worker with the bad disk (1..W)
 * @param backups       whether the master launches backup tasks
 * @param attempts      every attempt, times in simulated ms
 * @param finishSeconds when the last task committed
 */
public record BackupTasks(int tasks, int workers, int slowWorker, boolean backups, List<TaskAttempt> attempts,
        double finishSeconds) {

    /** Split size, MB. */
    public static final double SPLIT_MB = 64;
    /** A healthy disk's read rate, MB/s (the paper's figure). */
    public static final double GOOD_MB_PER_S = 30;
    /** The bad disk's read rate, MB/s (the paper's figure). */
    public static final double BAD_MB_PER_S = 1;
    private static final double STEP_MS = 100;

    /** Copies the list. */
    public BackupTasks {
        attempts = List.copyOf(attempts);
    }

    /**
     * One map phase to simulate, by name.
     *
     * @param tasks      map tasks, 1 to 10,000
     * @param workers    2 to 1,000
     * @param slowWorker the worker with the bad disk (1..workers)
     * @param backups    whether backup tasks are launched near the end of the phase
     * @param seed       the seed
     */
    public record Settings(int tasks, int workers, int slowWorker, boolean backups, long seed) {
        /** Validates. */
        public Settings {
            Check.inRange("tasks", tasks, 1, 10_000);
            Check.inRange("workers", workers, 2, 1000);
            Check.inRange("slowWorker", slowWorker, 1, workers);
        }

        /** 16 tasks on 4 workers, worker 4 slow, no backup tasks, seed 1. */
        public static Settings defaults() {
            return new Settings(16, 4, 4, false, 1);
        }

        /** These settings with backup tasks on or off. */
        public Settings withBackups(boolean on) {
            return new Settings(tasks, workers, slowWorker, on, seed);
        }

        /** These settings with {@code n} tasks. */
        public Settings withTasks(int n) {
            return new Settings(n, workers, slowWorker, backups, seed);
        }

        /** These settings with {@code n} workers, the last one slow. */
        public Settings withWorkers(int n) {
            return new Settings(tasks, n, n, backups, seed);
        }

        /** These settings with another seed. */
        public Settings withSeed(long s) {
            return new Settings(tasks, workers, slowWorker, backups, s);
        }
    }

    /** Simulates the map phase the settings name; the same settings give the same timeline. */
    public static BackupTasks simulate(Settings settings) {
        Check.notNull("settings", settings);
        return simulate(settings.tasks(), settings.workers(), settings.slowWorker(), settings.backups(), settings.seed());
    }

    /** Simulates one map phase; the same arguments give the same timeline. (Notebooks use {@link #simulate(Settings)}.) */
    public static BackupTasks simulate(int tasks, int workers, int slowWorker, boolean backups, long seed) {
        Check.inRange("tasks", tasks, 1, 10_000);
        Check.inRange("workers", workers, 2, 1000);
        Check.inRange("slowWorker", slowWorker, 1, workers);
        UniformRandomProvider rng = Rng.of(seed);
        double[] goodMs = new double[tasks];
        for (int t = 0; t < tasks; t++) goodMs[t] = SPLIT_MB / GOOD_MB_PER_S * 1000 * (0.9 + 0.2 * rng.nextDouble());
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        for (int t = 0; t < tasks; t++) pending.add(t);
        Running[] on = new Running[workers + 1];
        boolean[] done = new boolean[tasks], backedUp = new boolean[tasks];
        int[] nextAttempt = new int[tasks];
        List<Double> finished = new ArrayList<>();
        List<TaskAttempt> out = new ArrayList<>();
        int doneCount = 0;
        double now = 0, finish = 0;
        while (doneCount < tasks) {
            for (int w = 1; w <= workers; w++) { // completions up to now, in worker order
                Running r = on[w];
                if (r == null || r.endMs > now) continue;
                on[w] = null;
                if (!done[r.task]) {
                    done[r.task] = true;
                    doneCount++;
                    finished.add(r.endMs - r.startMs);
                    finish = r.endMs;
                    out.add(row(r, w, TaskAttempt.Outcome.SUCCEEDED, r.endMs));
                    for (int v = 1; v <= workers; v++) { // the losing copy is killed
                        if (on[v] != null && on[v].task == r.task) {
                            out.add(row(on[v], v, TaskAttempt.Outcome.KILLED, r.endMs));
                            on[v] = null;
                        }
                    }
                }
            }
            for (int w = 1; w <= workers; w++) {
                if (on[w] != null) continue;
                if (!pending.isEmpty()) {
                    on[w] = start(pending.poll(), w, false, now, goodMs, slowWorker, nextAttempt);
                } else if (backups) {
                    double limit = SpeculationPolicy.DEFAULT.thresholdMs(finished);
                    for (int v = 1; v <= workers && on[w] == null; v++) {
                        Running r = on[v];
                        if (r != null && !backedUp[r.task] && now - r.startMs > limit) {
                            backedUp[r.task] = true;
                            on[w] = start(r.task, w, true, now, goodMs, slowWorker, nextAttempt);
                        }
                    }
                }
            }
            now += STEP_MS;
        }
        return new BackupTasks(tasks, workers, slowWorker, backups, out, finish / 1000);
    }

    private record Running(int task, int attempt, boolean backup, double startMs, double endMs) {}

    private static Running start(int task, int worker, boolean backup, double now, double[] goodMs, int slowWorker,
            int[] nextAttempt) {
        double ms = worker == slowWorker ? goodMs[task] * GOOD_MB_PER_S / BAD_MB_PER_S : goodMs[task];
        return new Running(task, nextAttempt[task]++, backup, now, now + ms);
    }

    private static TaskAttempt row(Running r, int worker, TaskAttempt.Outcome outcome, double endMs) {
        return new TaskAttempt("map", r.task, r.attempt, r.backup, worker, r.startMs, endMs, outcome, "");
    }

    /** Backup attempts launched. */
    public int backupsLaunched() {
        return (int) attempts.stream().filter(TaskAttempt::backup).count();
    }

    /** Machine time spent, in simulated seconds, over all attempts (the price of backups). */
    public double machineSeconds() {
        return attempts.stream().mapToDouble(TaskAttempt::millis).sum() / 1000;
    }

    /** The timeline: one segment per attempt, at its worker's height, in simulated seconds. */
    public Plot plot() {
        return JobResult.timeline(String.format(Locale.ROOT, "Simulated map phase, worker %d's disk at %.0f MB/s, backups %s",
                slowWorker, BAD_MB_PER_S, backups ? "on" : "off"), "simulated seconds", attempts, workers, 1000);
    }

    /** Runs side by side: finish time, backups, machine time. */
    public static Table compare(BackupTasks... runs) {
        Check.that(runs.length > 0, "runs", "[]", "must not be empty");
        StringColumn name = StringColumn.create("run"), finish = StringColumn.create("map phase ends"),
                machine = StringColumn.create("machine time");
        IntColumn backups = IntColumn.create("backups launched");
        for (BackupTasks b : runs) {
            name.append("backups " + (b.backups ? "on" : "off"));
            finish.append(String.format(Locale.ROOT, "%.1f s", b.finishSeconds));
            backups.append(b.backupsLaunched());
            machine.append(String.format(Locale.ROOT, "%.1f s", b.machineSeconds()));
        }
        return Table.create(String.format(Locale.ROOT, "%d map tasks of %.0f MB on %d workers (simulated)",
                runs[0].tasks, SPLIT_MB, runs[0].workers)).addColumns(name, finish, backups, machine);
    }
}
