package sdx.kv.exercises;

import java.util.Map;

/**
 * The recovery a learner writes in notebook 11's append-only-log exercise: rebuild the state from the bytes of
 * an append-only file of RESP commands ({@code SET key value} and {@code DEL key}), as Redis does at start-up.
 */
@FunctionalInterface
public interface AofReplayer {
    /**
     * The key-value state after replaying every complete command of {@code aof} in order; a last command cut
     * short by a crash is ignored.
     */
    Map<String, String> replay(byte[] aof);
}
