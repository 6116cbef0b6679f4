package sdx.mapreduce.exercises;

import sdx.core.Check;
import sdx.mapreduce.Mapper;
import sdx.mapreduce.Reducer;

/**
 * A learner's answer to a MapReduce exercise: a mapper and a reducer, run by the hidden checks on
 * the course's engine.
 *
 * @param mapper  the learner's map function
 * @param reducer the learner's reduce function
 * @param <I> input record type
 * @param <K> intermediate key type
 * @param <V> intermediate value type
 * @param <O> output value type
 */
public record Solution<I, K, V, O>(Mapper<I, K, V> mapper, Reducer<K, V, O> reducer) {
    /** Both functions are required. */
    public Solution {
        Check.notNull("mapper", mapper);
        Check.notNull("reducer", reducer);
    }
}
