package sdx.transactions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a {@link Interleaving} did at one isolation level: every step, what each read saw, which
 * transactions committed, the final values, and whether the result could have come from running the
 * committed transactions one at a time (serializability, checked by trying every serial order).
 *
 * @param schedule  the schedule
 * @param isolation the level it ran at
 * @param initial   the values before it
 * @param rows      one row per step: the step, its transaction, what happened
 * @param reads     every read and the value it returned
 * @param outcome   each transaction's final state
 * @param result    the committed values after it
 */
public record InterleavingRun(Interleaving schedule, Isolation isolation, Map<String, Long> initial, List<Row> rows,
                          List<Read> reads, Map<Integer, Transaction.State> outcome, Map<String, Long> result) {

    /** One step of the run. */
    public record Row(String step, String transaction, String happened) {}

    /** A read and the value it returned. */
    public record Read(int txn, String key, long value) {}

    public InterleavingRun {
        initial = Map.copyOf(initial);
        rows = List.copyOf(rows);
        reads = List.copyOf(reads);
        outcome = Map.copyOf(outcome);
        result = Map.copyOf(result);
    }

    /** The numbers of the transactions that committed, in order. */
    public List<Integer> committed() {
        return outcome.entrySet().stream().filter(e -> e.getValue() == Transaction.State.COMMITTED)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** A serial order of the committed transactions that gives the same reads and final values, if any. */
    public Optional<List<Integer>> serialOrder() {
        for (List<Integer> order : permutations(committed())) {
            if (matches(order)) return Optional.of(order);
        }
        return Optional.empty();
    }

    /** True when some serial order of the committed transactions explains every read and the result. */
    public boolean serializable() {
        return serialOrder().isPresent();
    }

    /** The anomaly this run shows ({@link Anomaly#NONE} if it is serializable). */
    public Anomaly anomaly() {
        for (int t : committed()) {
            Map<String, Long> first = new TreeMap<>();
            for (Read r : reads) {
                if (r.txn() != t) continue;
                Long before = first.putIfAbsent(r.key(), r.value());
                if (before != null && before != r.value() && !writtenBefore(t, r)) return Anomaly.NON_REPEATABLE_READ;
            }
        }
        if (serializable()) return Anomaly.NONE;
        List<Integer> c = committed();
        for (int i = 0; i < c.size(); i++) {
            for (int j = i + 1; j < c.size(); j++) {
                Set<String> ri = readSet(c.get(i)), rj = readSet(c.get(j));
                Set<String> wi = writeSet(c.get(i)), wj = writeSet(c.get(j));
                Set<String> both = new HashSet<>(wi);
                both.retainAll(wj);
                both.retainAll(ri);
                both.retainAll(rj);
                if (!both.isEmpty()) return Anomaly.LOST_UPDATE;
                if (intersects(ri, wj) && intersects(rj, wi) && !intersects(wi, wj)) return Anomaly.WRITE_SKEW;
            }
        }
        return Anomaly.OTHER;
    }

    /** A one-line summary: who committed, the result, serializable or not. */
    public String summary() {
        String who = outcome.entrySet().stream()
                .map(e -> "T" + e.getKey() + " " + e.getValue().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String serial = serialOrder().map(o -> "serializable (same as " + o.stream().map(t -> "T" + t)
                .collect(Collectors.joining(" then ")) + ")").orElse("NOT serializable: " + anomaly());
        return isolation + ": " + who + "; result " + new TreeMap<>(result) + "; " + serial;
    }

    /** The steps as a table, captioned with the summary. */
    public Table table() {
        Table t = Table.create(summary());
        t.addColumns(StringColumn.create("step", rows.stream().map(Row::step).toList()),
                StringColumn.create("transaction", rows.stream().map(Row::transaction).toList()),
                StringColumn.create("what happened", rows.stream().map(Row::happened).toList()));
        return t;
    }

    private boolean writtenBefore(int txn, Read r) {
        // a read of the transaction's own write is not a non-repeatable read
        int reads = 0;
        for (Interleaving.Step s : schedule.steps()) {
            if (s.txn() != txn) continue;
            if (s.kind() == 'w' && s.key().equals(r.key())) return true;
            if (s.kind() == 'r' && s.key().equals(r.key()) && ++reads >= 2) return false;
        }
        return false;
    }

    private boolean matches(List<Integer> order) {
        Map<String, Long> state = new TreeMap<>(initial);
        List<Read> serialReads = new ArrayList<>();
        for (int t : order) {
            Map<String, Long> own = new TreeMap<>(), seen = new TreeMap<>();
            for (Interleaving.Step s : schedule.steps()) {
                if (s.txn() != t) continue;
                if (s.kind() == 'r') {
                    long v = own.containsKey(s.key()) ? own.get(s.key()) : state.getOrDefault(s.key(), 0L);
                    serialReads.add(new Read(t, s.key(), v));
                    seen.put(s.key(), v);
                } else if (s.kind() == 'w') {
                    own.put(s.key(), Interleaving.value(s, seen));
                }
            }
            state.putAll(own);
        }
        Map<String, Long> finalState = new TreeMap<>(state);
        for (int t : order) {
            List<Read> mine = reads.stream().filter(r -> r.txn() == t).toList();
            List<Read> theirs = serialReads.stream().filter(r -> r.txn() == t).toList();
            if (!mine.equals(theirs)) return false;
        }
        Map<String, Long> actual = new TreeMap<>(result);
        allKeys().forEach(k -> { actual.putIfAbsent(k, 0L); finalState.putIfAbsent(k, 0L); });
        return actual.equals(finalState);
    }

    private Set<String> allKeys() {
        Set<String> keys = new HashSet<>(initial.keySet());
        keys.addAll(result.keySet());
        return keys;
    }

    private Set<String> readSet(int txn) {
        return reads.stream().filter(r -> r.txn() == txn).map(Read::key).collect(Collectors.toSet());
    }

    private Set<String> writeSet(int txn) {
        return schedule.steps().stream().filter(s -> s.txn() == txn && s.kind() == 'w').map(Interleaving.Step::key)
                .collect(Collectors.toSet());
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) return List.of(List.of());
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Integer> rest = new ArrayList<>(items);
            int head = rest.remove(i);
            for (List<Integer> p : permutations(rest)) {
                List<Integer> q = new ArrayList<>();
                q.add(head);
                q.addAll(p);
                out.add(q);
            }
        }
        return out;
    }
}
