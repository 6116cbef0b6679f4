package sdx.mapreduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A map task's output: R partitions of pairs, after the combiner if there is one. In the paper these
 * are R files on the map worker's local disk; here they are lists in that worker's memory, and they
 * are lost with the worker (see {@link Faults#workerDies}).
 */
final class MapOutput<K, V> implements Emitter<K, V> {
    final List<K>[] keys;
    final List<V>[] values;
    private final Map<K, List<V>>[] buffers;
    private final ReducePartitioner<K> partitioner;
    private final Reducer<K, V, V> combiner;
    private final int r;
    long emitted, inputRecords;
    /**
     * The combiner runs on a key's buffered values whenever there are this many, and once more at the
     * end of the task: the map-side buffer stays small and no value is combined twice in one pass.
     */
    static final int COMBINE_AT = 64;

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
            throw sdx.core.Check.fail("emit(key, value) got a null " + (key == null ? "key" : "value"));
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
            buffered = new ArrayList<>(4); // most keys of a split occur a few times: grow on demand
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
