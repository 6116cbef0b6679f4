package sdx.mapreduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.mapreduce.Faults.Phase;

/**
 * Runs one {@link Job} on W {@link Workers}: the calling thread is the master, and {@link Scheduler}
 * is its scheduling loop. Map tasks write R partitions each ({@link MapOutput}); as each map task
 * commits, every reduce partition fetches its piece ({@link Shuffle.Inbox}); once all map tasks
 * have committed, R merge tasks group the pieces by key, and R reduce tasks run the reducer. A
 * reduce task's output becomes visible only when the attempt finishes (the paper renames its output
 * file atomically, section 3.3), so a crash leaves no partial output; a map task's output is used
 * only from the attempt the master accepts first.
 */
final class Engine<I, K, V, O> {
    private final Job<I, K, V, O> job;

    Engine(Job<I, K, V, O> job) {
        this.job = job;
    }

    JobResult<K, O> run(Input<I> input) {
        List<Input.Split<I>> splits = input.splits(job.mapTasks());
        int r = job.reducers(), m = splits.size();
        List<Shuffle.Inbox<K, V>> inboxes = new ArrayList<>();
        for (int p = 0; p < r; p++) inboxes.add(new Shuffle.Inbox<>(m, p));
        try (Workers workers = new Workers(job.workers())) {
            long t0 = System.nanoTime();
            Scheduler master = new Scheduler(workers, job.workers(), SpeculationPolicy.DEFAULT, t0);
            var map = master.run("map", m, job.speculative(), (task, a) -> mapTask(splits.get(task), task, a),
                    (task, out) -> inboxes.forEach(in -> in.fetch(task, out)));
            // the merge moves data; backups are for computation (map and reduce), as in the paper
            var merge = master.run("shuffle", r, false, (task, a) -> inboxes.get(task).merge(), (task, p) -> {});
            var reduce = master.run("reduce", r, job.speculative(),
                    (task, a) -> reduceTask(merge.results().get(task), task, a), (task, out) -> {});
            double totalMs = master.ms(System.nanoTime());
            return result(map.results(), merge.results(), reduce.results(),
                    List.of(map.stats(), merge.stats(), reduce.stats()), master.attempts(), totalMs);
        }
    }

    private MapOutput<K, V> mapTask(Input.Split<I> split, int task, Scheduler.Attempt a) {
        MapOutput<K, V> out = new MapOutput<>(job.reducers(), job.partitioner(), job.combiner());
        long half = Math.max(0, split.records()) / 2;
        long[] seen = {0};
        Mapper<I, K, V> mapper = job.mapper().forTask();
        if (mapper == null) throw new IllegalStateException("the mapper's forTask() returned null");
        split.forEach(record -> {
            if (seen[0] == half) injectFaults(Phase.MAP, task, a);
            if ((++seen[0] & 31) == 0) a.checkCancelled();
            mapper.map(record, out);
        });
        if (seen[0] <= half) injectFaults(Phase.MAP, task, a);
        mapper.finish(out);
        out.inputRecords = seen[0];
        out.finish();
        return out;
    }

    private Map<K, O> reduceTask(Shuffle.Partition<K, V> p, int task, Scheduler.Attempt a) {
        Map<K, O> out = new LinkedHashMap<>();
        int half = p.groups().size() / 2, i = 0;
        for (Map.Entry<K, List<V>> e : p.groups().entrySet()) {
            if (i++ == half) injectFaults(Phase.REDUCE, task, a);
            if ((i & 31) == 0) a.checkCancelled();
            O o = job.reducer().reduce(e.getKey(), Collections.unmodifiableList(e.getValue()));
            if (o == null) throw new IllegalStateException("the reducer returned null for key " + e.getKey());
            out.put(e.getKey(), o);
        }
        if (p.groups().isEmpty()) injectFaults(Phase.REDUCE, task, a);
        return out;
    }

    private void injectFaults(Phase phase, int task, Scheduler.Attempt a) {
        if (phase == Phase.MAP && job.faults().diesNow(a.worker, a.workerCommittedMaps)) {
            throw new Scheduler.WorkerDeath(a.worker);
        }
        long delay = job.faults().delayMillis(phase, task, a.number);
        if (delay > 0) a.pause(delay);
        if (job.faults().crashes(phase, task, a.number)) {
            throw new Scheduler.TaskCrash(phase.name().toLowerCase(Locale.ROOT) + " task " + task + ", attempt " + a.number);
        }
    }

    private JobResult<K, O> result(List<MapOutput<K, V>> mapped, List<Shuffle.Partition<K, V>> merged,
            List<Map<K, O>> reduced, List<PhaseStats> phases, List<TaskAttempt> attempts, double totalMs) {
        long mapOut = 0, inputRecords = 0, shuffleRecords = 0, shuffleBytes = 0;
        for (MapOutput<K, V> m : mapped) {
            mapOut += m.emitted;
            inputRecords += m.inputRecords;
        }
        int r = job.reducers();
        long[] perReducer = new long[r], keysPerReducer = new long[r];
        for (int i = 0; i < r; i++) {
            Shuffle.Partition<K, V> p = merged.get(i);
            perReducer[i] = p.records();
            keysPerReducer[i] = p.groups().size();
            shuffleRecords += p.records();
            shuffleBytes += p.bytes();
        }
        Map<K, O> output = new LinkedHashMap<>();
        for (Map<K, O> part : reduced) output.putAll(part);
        return new JobResult<>(Collections.unmodifiableMap(Shuffle.sorted(output)), phases, attempts, inputRecords,
                mapOut, shuffleRecords, shuffleBytes, perReducer, keysPerReducer, job.workers(), mapped.size(), r,
                job.combiner() != null, job.speculative(), totalMs,
                reduced.stream().map(Collections::unmodifiableMap).toList());
    }
}
