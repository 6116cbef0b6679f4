package sdx.mapreduce;

import sdx.core.Check;

/**
 * Entry point of the course's MapReduce engine, after Dean &amp; Ghemawat, "MapReduce: Simplified
 * Data Processing on Large Clusters" (OSDI 2004). A job is a mapper and a reducer; the rest has
 * defaults that a notebook changes one at a time:
 *
 * <pre>{@code
 * JobResult<String, Integer> r = MapReduce.job(WordCount.mapper(), WordCount.reducer())
 *     .combiner(WordCount.reducer())
 *     .workers(2).mapTasks(8).reducers(4)
 *     .run(lines);
 * r.output();   // word -> count
 * r.table();    // time, tasks and records of each phase
 * }</pre>
 *
 * The "cluster" is one JVM: W worker threads play the machines and the calling thread plays the
 * master, which hands out map tasks, re-executes crashed ones, and launches backup tasks.
 */
public final class MapReduce {
    private MapReduce() {}

    /**
     * A job with defaults: 1 worker, 4 map tasks, 2 reducers, no combiner, hash partitioning,
     * no faults, no speculative execution.
     */
    public static <I, K, V, O> Job<I, K, V, O> job(Mapper<I, K, V> mapper, Reducer<K, V, O> reducer) {
        Check.notNull("mapper", mapper);
        Check.notNull("reducer", reducer);
        return new Job<>(mapper, reducer, null, new HashPartitioner<>(), 1, 4, 2, Faults.none(), false);
    }
}
