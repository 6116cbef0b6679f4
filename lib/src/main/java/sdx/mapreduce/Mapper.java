package sdx.mapreduce;

/**
 * The map function of a job (Dean &amp; Ghemawat, "MapReduce: Simplified Data Processing on Large
 * Clusters", OSDI 2004, section 2): called once per input record, it emits any number of
 * intermediate key/value pairs. It must be deterministic and free of side effects: the engine may
 * run the same input twice (a crashed task is re-executed, a straggler gets a backup copy).
 *
 * <pre>{@code
 * Mapper<String, String, Integer> words = (line, out) -> {
 *     for (String w : Corpus.words(line)) out.emit(w, 1);
 * };
 * }</pre>
 *
 * @param <I> input record type (a line of text, a document, ...)
 * @param <K> intermediate key type
 * @param <V> intermediate value type
 */
@FunctionalInterface
public interface Mapper<I, K, V> {
    /** Maps one input record to zero or more pairs, emitted through {@code out}. */
    void map(I record, Emitter<K, V> out);

    /**
     * The mapper one task attempt uses. A stateless mapper (every lambda) is shared by all tasks and
     * returns itself; a mapper that keeps state across the records of its task (in-mapper combining, see
     * {@link WordCount#inMapperCombining()}) returns a fresh copy, so a re-executed or backup attempt
     * starts clean and two worker threads never share state.
     */
    default Mapper<I, K, V> forTask() {
        return this;
    }

    /** Called once after the task's last record: a stateful mapper emits what it held back. */
    default void finish(Emitter<K, V> out) {}
}
