package sdx.mapreduce;

import java.util.List;

/**
 * The reduce function of a job (Dean &amp; Ghemawat 2004, section 2): called once per distinct
 * intermediate key with every value emitted for it, in a deterministic order (map task by map
 * task). A reducer of type {@code Reducer<K, V, V>} can also serve as the <em>combiner</em>, which
 * pre-aggregates on the map side; then it must be associative and commutative, because the engine
 * may apply it zero, one or several times to partial lists of values.
 *
 * @param <K> intermediate key type
 * @param <V> intermediate value type
 * @param <O> output value type
 */
@FunctionalInterface
public interface Reducer<K, V, O> {
    /** Reduces all {@code values} of {@code key} (never empty) to one output value. */
    O reduce(K key, List<V> values);
}
