package sdx.sim;

import java.util.Optional;

/**
 * A node's stable storage: what it writes here survives a crash and a restart, as a real disk after
 * fsync. Keys are names; values should be immutable (records, strings, numbers, immutable lists).
 */
public interface Disk {
    /** Stores {@code value} under {@code key}. */
    void put(String key, Object value);

    /** The value stored under {@code key}, if any, cast to {@code type}. */
    <T> Optional<T> get(String key, Class<T> type);
}
