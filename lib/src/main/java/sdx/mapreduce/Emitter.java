package sdx.mapreduce;

/**
 * Where a {@link Mapper} (or a {@link Reducer} used as a combiner) puts its intermediate pairs.
 *
 * @param <K> key type
 * @param <V> value type
 */
@FunctionalInterface
public interface Emitter<K, V> {
    /** Emits one intermediate key/value pair; neither may be null. */
    void emit(K key, V value);
}
