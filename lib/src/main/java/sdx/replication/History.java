package sdx.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experimenter's notebook of one run, the way Jepsen keeps a history: which writes were acknowledged
 * (and at which index), when the leader appended each write and when each follower applied it (the
 * replication lag), and what reads returned. A write is known by its value, which the experiments make
 * unique per write (the first client group writes its operation id, a second group one million more). Replicas report to it; it never changes what they do.
 */
public final class History {
    private final Map<Long, Msg.Entry> acked = new LinkedHashMap<>();
    private final Map<Long, Long> appendedAt = new HashMap<>();
    private final List<Long> lags = new ArrayList<>();
    private final Map<String, List<Long>> lagsBy = new HashMap<>();
    private final Map<Long, Long> readIndex = new HashMap<>();
    private final Map<Long, String> readBy = new HashMap<>();

    void appended(Msg.Entry e, long now) {
        appendedAt.putIfAbsent(e.value(), now);
    }

    void applied(String replica, Msg.Entry e, long now) {
        Long t = appendedAt.get(e.value());
        if (t == null) return;
        lags.add(now - t);
        lagsBy.computeIfAbsent(replica, k -> new ArrayList<>()).add(now - t);
    }

    private final List<Long> ackedOrder = new ArrayList<>();

    void acked(Msg.Entry e) {
        if (acked.put(e.value(), e) == null) ackedOrder.add(e.value());
    }

    /** The ids of acknowledged writes, in the order acknowledged (a read-only view). */
    List<Long> ackedOrder() {
        return java.util.Collections.unmodifiableList(ackedOrder);
    }

    void read(long opId, long index, String replica) {
        readIndex.putIfAbsent(opId, index);
        readBy.putIfAbsent(opId, replica);
    }

    /** The acknowledged writes, by write (value), in the order they were acknowledged. */
    public Map<Long, Msg.Entry> acked() {
        return java.util.Collections.unmodifiableMap(acked);
    }

    /** The index the leader gave acknowledged write {@code value}, or 0 if it was not acknowledged. */
    public long ackedIndex(long value) {
        Msg.Entry e = acked.get(value);
        return e == null ? 0 : e.index();
    }

    /** Every replication lag seen (µs from the leader's append to a follower's apply). */
    public long[] lags() {
        return lags.stream().mapToLong(Long::longValue).toArray();
    }

    /** The replication lags of follower {@code replica} (µs), in the order it applied entries. */
    public long[] lags(String replica) {
        return lagsBy.getOrDefault(replica, List.of()).stream().mapToLong(Long::longValue).toArray();
    }

    /** The index read operation {@code opId} returned, or -1 if it got no answer. */
    public long readIndex(long opId) {
        return readIndex.getOrDefault(opId, -1L);
    }

    /** The replica that answered read {@code opId}, or "" if none did. */
    public String readBy(long opId) {
        return readBy.getOrDefault(opId, "");
    }
}
