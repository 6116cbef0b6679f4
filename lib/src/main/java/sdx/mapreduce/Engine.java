package sdx.mapreduce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import sdx.core.Check;
import sdx.mapreduce.Faults.Phase;
import sdx.mapreduce.TaskAttempt.Outcome;

/**
 * Runs one {@link Job}: the master (calling thread) schedules map tasks on W worker threads,
 * shuffles their partitioned output to R reduce partitions, and runs the reduce tasks; it
 * re-executes crashed attempts and, if asked, launches backup attempts for slow ones near the end
 * of a phase (Dean &amp; Ghemawat 2004, sections 3.1, 3.3 and 3.6). A task's output becomes visible
 * only when the attempt finishes (the paper's atomic commit), so a crash leaves no partial output.
 */
final class Engine<I, K, V, O> {
    /** A task is given up after this many failed attempts (Hadoop's default is 4, too). */
    static final int MAX_ATTEMPTS = 4;
    /**
     * The combiner runs on a key's buffered values whenever there are this many, and once more at the
     * end of the task: the map-side buffer stays small and no value is combined twice in one pass.
     */
    static final int COMBINE_AT = 64;
    /** A backup starts once an attempt runs this many times longer than the median finished one... */
    private static final double SLOW_FACTOR = 1.5;
    /** ...and at least this long: copying a task of a few milliseconds cannot pay off. */
    private static final double MIN_BACKUP_MS = 50;

    private final Job<I, K, V, O> job;
    private final List<TaskAttempt> attempts = new ArrayList<>();
    private final List<PhaseStats> phases = new ArrayList<>();
    private long t0;

    Engine(Job<I, K, V, O> job) {
        this.job = job;
    }

    JobResult<K, O> run(Input<I> input) {
        List<Input.Split<I>> splits = input.splits(job.mapTasks());
        int r = job.reducers();
        WorkerFactory threads = new WorkerFactory();
        ExecutorService pool = Executors.newFixedThreadPool(job.workers(), threads);
        try {
            t0 = System.nanoTime();
            List<MapOutput<K, V>> mapped = phase(pool, "map", splits.size(), job.speculative(),
                    (task, a) -> mapTask(splits.get(task), task, a));
            // the shuffle moves data; backups are for computation (map and reduce), as in the paper
            List<Partition<K, V>> shuffled = phase(pool, "shuffle", r, false, (task, a) -> shuffle(mapped, task));
            List<Map<K, O>> reduced = phase(pool, "reduce", r, job.speculative(),
                    (task, a) -> reduceTask(shuffled.get(task), task, a));
            double totalMs = ms(System.nanoTime());
            return result(mapped, shuffled, reduced, totalMs);
        } finally {
            pool.shutdownNow();
            threads.awaitAll(pool);
        }
    }

    // ---------------------------------------------------------------- tasks

    private MapOutput<K, V> mapTask(Input.Split<I> split, int task, AttemptRun a) {
        MapOutput<K, V> out = new MapOutput<>(job.reducers(), job.partitioner(), job.combiner());
        long half = Math.max(0, split.records()) / 2;
        long[] seen = {0};
        split.forEach(record -> {
            if (seen[0] == half) injectFaults(Phase.MAP, task, a);
            if ((++seen[0] & 31) == 0) a.checkCancelled();
            job.mapper().map(record, out);
        });
        if (seen[0] <= half) injectFaults(Phase.MAP, task, a);
        out.inputRecords = seen[0];
        out.finish();
        return out;
    }

    private Partition<K, V> shuffle(List<MapOutput<K, V>> mapped, int r) {
        Map<K, List<V>> groups = new HashMap<>();
        long records = 0, bytes = 0;
        for (MapOutput<K, V> m : mapped) { // map-task order: reducers see values in a deterministic order
            List<K> keys = m.keys[r];
            List<V> values = m.values[r];
            for (int i = 0; i < keys.size(); i++) {
                K k = keys.get(i);
                V v = values.get(i);
                groups.computeIfAbsent(k, x -> new ArrayList<>(2)).add(v);
                bytes += Shuffle.pairBytes(k, v);
            }
            records += keys.size();
        }
        return new Partition<>(sorted(groups), records, bytes);
    }

    private Map<K, O> reduceTask(Partition<K, V> p, int task, AttemptRun a) {
        Map<K, O> out = new LinkedHashMap<>();
        int half = p.groups.size() / 2, i = 0;
        for (Map.Entry<K, List<V>> e : p.groups.entrySet()) {
            if (i++ == half) injectFaults(Phase.REDUCE, task, a);
            if ((i & 31) == 0) a.checkCancelled();
            O o = job.reducer().reduce(e.getKey(), Collections.unmodifiableList(e.getValue()));
            if (o == null) throw new IllegalStateException("the reducer returned null for key " + e.getKey());
            out.put(e.getKey(), o);
        }
        if (p.groups.isEmpty()) injectFaults(Phase.REDUCE, task, a);
        return out;
    }

    private void injectFaults(Phase phase, int task, AttemptRun a) {
        long delay = job.faults().delayMillis(phase, task, a.number);
        if (delay > 0) a.pause(delay);
        if (job.faults().crashes(phase, task, a.number)) {
            throw new WorkerCrash(phase.name().toLowerCase(Locale.ROOT) + " task " + task + ", attempt " + a.number);
        }
    }

    /** Keys in their natural order when they have one (the paper's sorted reduce input), else as they came. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<K, List<V>> sorted(Map<K, List<V>> groups) {
        if (groups.isEmpty() || !(groups.keySet().iterator().next() instanceof Comparable)) return groups;
        try {
            return new TreeMap<>((Map) groups);
        } catch (ClassCastException mixedKeyTypes) {
            return groups;
        }
    }

    // ---------------------------------------------------------------- master

    /** The body of one attempt. */
    private interface TaskBody<R> {
        R run(int task, AttemptRun attempt);
    }

    /** Runs {@code tasks} tasks of one phase on the pool; returns their committed outputs in task order. */
    private <R> List<R> phase(ExecutorService pool, String name, int tasks, boolean speculative, TaskBody<R> body) {
        ExecutorCompletionService<Done<R>> ecs = new ExecutorCompletionService<>(pool);
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        for (int t = 0; t < tasks; t++) pending.add(t);
        int[] nextAttempt = new int[tasks];
        boolean[] done = new boolean[tasks], backedUp = new boolean[tasks];
        List<List<AttemptRun>> live = new ArrayList<>();
        for (int t = 0; t < tasks; t++) live.add(new ArrayList<>());
        List<R> results = new ArrayList<>(Collections.nCopies(tasks, null));
        List<Double> finished = new ArrayList<>();
        int doneCount = 0, inflight = 0, launched = 0, crashed = 0, backups = 0, killed = 0;
        long start = System.nanoTime();
        double phaseEndMs = 0;
        try {
            while (doneCount < tasks) {
                while (inflight < job.workers() && !pending.isEmpty()) {
                    int t = pending.poll();
                    launch(ecs, body, t, nextAttempt[t]++, false, live);
                    inflight++;
                    launched++;
                }
                boolean waitingToSpeculate = false;
                if (speculative && pending.isEmpty() && inflight < job.workers()) {
                    double limit = finished.isEmpty() ? Double.POSITIVE_INFINITY
                            : Math.max(MIN_BACKUP_MS, SLOW_FACTOR * median(finished));
                    for (int t = 0; t < tasks && inflight < job.workers(); t++) {
                        if (done[t] || backedUp[t] || live.get(t).size() != 1) continue;
                        if (elapsedMs(live.get(t).get(0)) > limit) {
                            backedUp[t] = true;
                            launch(ecs, body, t, nextAttempt[t]++, true, live);
                            inflight++;
                            launched++;
                            backups++;
                        } else {
                            waitingToSpeculate = true;
                        }
                    }
                }
                Future<Done<R>> f = waitingToSpeculate ? ecs.poll(2, TimeUnit.MILLISECONDS) : ecs.take();
                if (f == null) continue;
                inflight--;
                Done<R> d = f.get();
                int t = d.attempt.task;
                live.get(t).remove(d.attempt);
                Outcome outcome;
                if (d.error == null && !d.killed) {
                    if (!done[t]) {
                        done[t] = true;
                        doneCount++;
                        results.set(t, d.result);
                        finished.add(d.endMs - d.startMs);
                        for (AttemptRun other : live.get(t)) other.cancelled = true;
                        outcome = Outcome.SUCCEEDED;
                        phaseEndMs = d.endMs;
                    } else {
                        outcome = Outcome.DUPLICATE;
                        killed++;
                    }
                } else if (d.killed) {
                    outcome = Outcome.KILLED;
                    killed++;
                } else {
                    outcome = d.error instanceof WorkerCrash ? Outcome.CRASHED : Outcome.FAILED;
                    crashed++;
                    if (!done[t] && live.get(t).isEmpty()) {
                        if (nextAttempt[t] >= MAX_ATTEMPTS) {
                            record(name, d, outcome);
                            throw new MapReduceException(name + " task " + t + " failed " + nextAttempt[t]
                                    + " times; last error: " + describe(d.error), d.error);
                        }
                        pending.addFirst(t);
                    }
                }
                record(name, d, outcome);
            }
            for (List<AttemptRun> l : live) for (AttemptRun a : l) a.cancelled = true;
            while (inflight > 0) { // attempts that lost the race: wait for them to stop
                Done<R> d = ecs.take().get();
                inflight--;
                killed++;
                record(name, d, d.killed ? Outcome.KILLED : Outcome.DUPLICATE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MapReduceException("the job was interrupted during the " + name + " phase", e);
        } catch (ExecutionException e) {
            throw new MapReduceException("internal error in the " + name + " phase", e.getCause());
        }
        phases.add(new PhaseStats(name, Math.max(0, phaseEndMs - ms(start)), tasks, launched, crashed, backups, killed));
        return results;
    }

    private <R> void launch(ExecutorCompletionService<Done<R>> ecs, TaskBody<R> body, int task, int number,
            boolean backup, List<List<AttemptRun>> live) {
        AttemptRun a = new AttemptRun(task, number, backup, System.nanoTime());
        live.get(task).add(a);
        ecs.submit(() -> {
            double s = ms(System.nanoTime());
            int worker = WorkerFactory.index();
            try {
                R r = body.run(task, a);
                return new Done<>(a, r, null, false, worker, s, ms(System.nanoTime()));
            } catch (Killed k) {
                return new Done<>(a, null, null, true, worker, s, ms(System.nanoTime()));
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError vm && !(e instanceof StackOverflowError)) throw vm;
                return new Done<>(a, null, e, false, worker, s, ms(System.nanoTime()));
            }
        });
    }

    private void record(String phase, Done<?> d, Outcome outcome) {
        attempts.add(new TaskAttempt(phase, d.attempt.task, d.attempt.number, d.attempt.backup, d.worker,
                d.startMs, d.endMs, outcome, d.error == null ? "" : describe(d.error)));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private double ms(long nanos) {
        return (nanos - t0) / 1e6;
    }

    private static double elapsedMs(AttemptRun a) {
        return (System.nanoTime() - a.launchNanos) / 1e6;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    private JobResult<K, O> result(List<MapOutput<K, V>> mapped, List<Partition<K, V>> shuffled,
            List<Map<K, O>> reduced, double totalMs) {
        long mapOut = 0, shuffleRecords = 0, shuffleBytes = 0;
        for (MapOutput<K, V> m : mapped) mapOut += m.emitted;
        int r = job.reducers();
        long[] perReducer = new long[r], keysPerReducer = new long[r];
        for (int i = 0; i < r; i++) {
            Partition<K, V> p = shuffled.get(i);
            perReducer[i] = p.records;
            keysPerReducer[i] = p.groups.size();
            shuffleRecords += p.records;
            shuffleBytes += p.bytes;
        }
        Map<K, O> output = new LinkedHashMap<>();
        for (Map<K, O> part : reduced) output.putAll(part);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<K, O> ordered = output.isEmpty() || !(output.keySet().iterator().next() instanceof Comparable)
                ? output : sortedOrSame(output);
        long inputRecords = 0;
        for (MapOutput<K, V> m : mapped) inputRecords += m.inputRecords;
        return new JobResult<>(Collections.unmodifiableMap(ordered), List.copyOf(phases), List.copyOf(attempts),
                inputRecords, mapOut, shuffleRecords, shuffleBytes, perReducer, keysPerReducer, job.workers(),
                mapped.size(), r, job.combiner() != null, job.speculative(), totalMs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<K, O> sortedOrSame(Map<K, O> m) {
        try {
            return new TreeMap<>((Map) m);
        } catch (ClassCastException e) {
            return m;
        }
    }

    // ---------------------------------------------------------------- small types

    /** A map task's output: R partitions of pairs, after the combiner if there is one. */
    static final class MapOutput<K, V> implements Emitter<K, V> {
        final List<K>[] keys;
        final List<V>[] values;
        private final Map<K, List<V>>[] buffers;
        private final ReducePartitioner<K> partitioner;
        private final Reducer<K, V, V> combiner;
        private final int r;
        long emitted, inputRecords;

        @SuppressWarnings("unchecked")
        MapOutput(int r, ReducePartitioner<K> partitioner, Reducer<K, V, V> combiner) {
            this.r = r;
            this.partitioner = partitioner;
            this.combiner = combiner;
            keys = new List[r];
            values = new List[r];
            buffers = combiner == null ? null : new Map[r];
            for (int i = 0; i < r; i++) {
                keys[i] = new ArrayList<>();
                values[i] = new ArrayList<>();
                if (combiner != null) buffers[i] = new HashMap<>();
            }
        }

        @Override
        public void emit(K key, V value) {
            if (key == null || value == null) {
                throw Check.fail("emit(key, value) got a null " + (key == null ? "key" : "value"));
            }
            int p = partitioner.partition(key, r);
            if (p < 0 || p >= r) {
                throw new IllegalStateException("the partitioner returned " + p + " for key " + key
                        + "; it must be in [0, " + r + ")");
            }
            emitted++;
            if (combiner == null) {
                keys[p].add(key);
                values[p].add(value);
                return;
            }
            List<V> buffered = buffers[p].get(key);
            if (buffered == null) {
                buffered = new ArrayList<>(COMBINE_AT);
                buffers[p].put(key, buffered);
            }
            buffered.add(value);
            if (buffered.size() == COMBINE_AT) combine(key, buffered);
        }

        /** Replaces the buffered values of {@code key} by the combiner's result (a "spill" of one key). */
        private void combine(K key, List<V> buffered) {
            V c = combiner.reduce(key, Collections.unmodifiableList(buffered));
            if (c == null) throw new IllegalStateException("the combiner returned null for key " + key);
            buffered.clear();
            buffered.add(c);
        }

        void finish() {
            if (combiner == null) return;
            for (int p = 0; p < r; p++) {
                for (Map.Entry<K, List<V>> e : buffers[p].entrySet()) {
                    if (e.getValue().size() > 1) combine(e.getKey(), e.getValue());
                    keys[p].add(e.getKey());
                    values[p].add(e.getValue().get(0));
                }
                buffers[p] = null;
            }
        }
    }

    /** One reduce partition after the shuffle: every key with all its values. */
    record Partition<K, V>(Map<K, List<V>> groups, long records, long bytes) {}

    /** The master's handle on a running attempt. */
    static final class AttemptRun {
        final int task, number;
        final boolean backup;
        final long launchNanos;
        volatile boolean cancelled;

        AttemptRun(int task, int number, boolean backup, long launchNanos) {
            this.task = task;
            this.number = number;
            this.backup = backup;
            this.launchNanos = launchNanos;
        }

        void checkCancelled() {
            if (cancelled) throw new Killed();
        }

        /** Sleeps {@code millis} in small slices, stopping early when cancelled. */
        void pause(long millis) {
            long until = System.nanoTime() + millis * 1_000_000L;
            try {
                while (System.nanoTime() < until) {
                    checkCancelled();
                    long left = (until - System.nanoTime()) / 1_000_000L;
                    Thread.sleep(Math.max(1, Math.min(5, left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Killed();
            }
        }
    }

    private record Done<R>(AttemptRun attempt, R result, Throwable error, boolean killed, int worker,
            double startMs, double endMs) {}

    /** Thrown inside an attempt that the master cancelled. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("cancelled", null, false, false);
        }
    }

    /** An injected crash: the worker "dies" in the middle of the task. */
    static final class WorkerCrash extends RuntimeException {
        WorkerCrash(String what) {
            super("injected crash of " + what, null, false, false);
        }
    }

    /** Daemon worker threads numbered 1..W, all joined when the job ends. */
    static final class WorkerFactory implements ThreadFactory {
        private static final ThreadLocal<Integer> INDEX = ThreadLocal.withInitial(() -> 0);
        private final List<Thread> created = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Thread newThread(Runnable r) {
            int i = created.size() + 1;
            Thread t = new Thread(() -> {
                INDEX.set(i);
                r.run();
            }, "mapreduce-worker-" + i);
            t.setDaemon(true);
            created.add(t);
            return t;
        }

        static int index() {
            return INDEX.get();
        }

        void awaitAll(ExecutorService pool) {
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
                for (Thread t : created) t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
