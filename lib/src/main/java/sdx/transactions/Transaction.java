package sdx.transactions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import sdx.core.Check;

/**
 * A transaction on an {@link MvccStore}: reads see its snapshot (or, at {@link Isolation#READ_COMMITTED},
 * the latest commit), writes are buffered until {@link #commit()}, which may abort it.
 */
public final class Transaction {
    private final MvccStore store;
    private final long id;
    private final Isolation isolation;
    private final long snapshot;
    private final Map<String, Long> writes = new LinkedHashMap<>();
    private final Set<String> reads = new LinkedHashSet<>();
    private State state = State.ACTIVE;
    private String abortReason = "";

    /** Where a transaction is in its life. */
    public enum State { ACTIVE, COMMITTED, ABORTED }

    Transaction(MvccStore store, long id, Isolation isolation, long snapshot) {
        this.store = store;
        this.id = id;
        this.isolation = isolation;
        this.snapshot = snapshot;
    }

    /** Reads {@code key}: its own write if any, else the version its isolation level makes visible. */
    public long read(String key) {
        active("read");
        Check.notNull("key", key);
        reads.add(key);
        if (writes.containsKey(key)) return writes.get(key);
        long at = isolation == Isolation.READ_COMMITTED ? Long.MAX_VALUE : snapshot;
        return store.visible(key, at);
    }

    /** Buffers a write of {@code value} to {@code key}; other transactions see it only after commit. */
    public void write(String key, long value) {
        active("write");
        writes.put(Check.notNull("key", key), value);
    }

    /** Tries to commit; returns true if committed, false if aborted (see {@link #abortReason()}). */
    public boolean commit() {
        active("commit");
        String reason = store.commit(this);
        state = reason == null ? State.COMMITTED : State.ABORTED;
        abortReason = reason == null ? "" : reason;
        return reason == null;
    }

    /** Gives up: nothing this transaction wrote becomes visible. */
    public void abort() {
        active("abort");
        store.abort(this);
        state = State.ABORTED;
        abortReason = "aborted by the client";
    }

    /** This transaction's id. */
    public long id() {
        return id;
    }

    /** Its isolation level. */
    public Isolation isolation() {
        return isolation;
    }

    /** The logical time of its snapshot. */
    public long snapshot() {
        return snapshot;
    }

    /** Active, committed or aborted. */
    public State state() {
        return state;
    }

    /** Why it aborted ("" if it did not). */
    public String abortReason() {
        return abortReason;
    }

    Map<String, Long> writes() {
        return Collections.unmodifiableMap(writes);
    }

    Set<String> reads() {
        return Collections.unmodifiableSet(reads);
    }

    private void active(String op) {
        if (state != State.ACTIVE) {
            throw Check.fail("cannot " + op + " transaction T" + id + ": it is already " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
