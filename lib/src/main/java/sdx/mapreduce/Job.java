package sdx.mapreduce;

import java.util.List;
import sdx.core.Check;

/**
 * A configured MapReduce job; immutable, so each setter returns a new job and a notebook cell can
 * vary one setting: {@code job.workers(w).run(lines)}. Made by {@link MapReduce#job}.
 *
 * @param mapper      the map function
 * @param reducer     the reduce function
 * @param combiner    optional map-side pre-aggregation (null for none)
 * @param partitioner which reducer gets a key
 * @param workers     W, the number of worker threads (the "machines")
 * @param mapTasks    M, the number of input splits / map tasks
 * @param reducers    R, the number of reduce partitions / reduce tasks
 * @param faults      injected crashes and stragglers
 * @param speculative whether the master launches backup copies of slow tasks near the end of a phase
 * @param <I> input record type
 * @param <K> intermediate key type
 * @param <V> intermediate value type
 * @param <O> output value type
 */
public record Job<I, K, V, O>(Mapper<I, K, V> mapper, Reducer<K, V, O> reducer, Reducer<K, V, V> combiner,
        ReducePartitioner<K> partitioner, int workers, int mapTasks, int reducers, Faults faults, boolean speculative) {

    /** Upper limit on W, M and R: this is a teaching engine on one machine. */
    public static final int MAX_TASKS = 10_000;

    /** Validates every setting. */
    public Job {
        Check.notNull("mapper", mapper);
        Check.notNull("reducer", reducer);
        Check.notNull("partitioner", partitioner);
        Check.notNull("faults", faults);
        Check.inRange("workers", workers, 1, 256);
        Check.inRange("mapTasks", mapTasks, 1, MAX_TASKS);
        Check.inRange("reducers", reducers, 1, MAX_TASKS);
    }

    /** Uses {@code combiner} on each map task's output before the shuffle (must be associative and commutative). */
    public Job<I, K, V, O> combiner(Reducer<K, V, V> combiner) {
        return new Job<>(mapper, reducer, Check.notNull("combiner", combiner), partitioner, workers, mapTasks,
                reducers, faults, speculative);
    }

    /** Runs without a combiner. */
    public Job<I, K, V, O> noCombiner() {
        return new Job<>(mapper, reducer, null, partitioner, workers, mapTasks, reducers, faults, speculative);
    }

    /** Sends keys to reducers with {@code partitioner} instead of {@code hash(key) mod R}. */
    public Job<I, K, V, O> partitioner(ReducePartitioner<K> partitioner) {
        return new Job<>(mapper, reducer, combiner, partitioner, workers, mapTasks, reducers, faults, speculative);
    }

    /** W worker threads, 1 to 256. */
    public Job<I, K, V, O> workers(int workers) {
        return new Job<>(mapper, reducer, combiner, partitioner, workers, mapTasks, reducers, faults, speculative);
    }

    /** M map tasks (input splits), 1 to {@value #MAX_TASKS}. */
    public Job<I, K, V, O> mapTasks(int mapTasks) {
        return new Job<>(mapper, reducer, combiner, partitioner, workers, mapTasks, reducers, faults, speculative);
    }

    /** R reduce partitions, 1 to {@value #MAX_TASKS}. */
    public Job<I, K, V, O> reducers(int reducers) {
        return new Job<>(mapper, reducer, combiner, partitioner, workers, mapTasks, reducers, faults, speculative);
    }

    /** Injects {@code faults} (crashes, stragglers). */
    public Job<I, K, V, O> faults(Faults faults) {
        return new Job<>(mapper, reducer, combiner, partitioner, workers, mapTasks, reducers, faults, speculative);
    }

    /** Turns backup (speculative) tasks on or off. */
    public Job<I, K, V, O> speculative(boolean speculative) {
        return new Job<>(mapper, reducer, combiner, partitioner, workers, mapTasks, reducers, faults, speculative);
    }

    /** Runs the job over an in-memory list of records. */
    public JobResult<K, O> run(List<I> input) {
        return run(Input.of(Check.notNull("input", input)));
    }

    /** Runs the job over {@code input}; blocks until done; leaves no thread running. */
    public JobResult<K, O> run(Input<I> input) {
        Check.notNull("input", input);
        return new Engine<>(this).run(input);
    }
}
