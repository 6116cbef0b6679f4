package sdx.transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sdx.core.Check;

/**
 * An interleaving of transactions written in the textbook notation, e.g.
 * {@code "r1(x) r2(x) w1(x=x+1) w2(x=x+1) c1 c2"}: {@code r1(x)} transaction 1 reads x;
 * {@code w1(x=5)} writes a constant; {@code w1(x=x+1)} writes what it last read of x, plus 1 (the key on
 * the right must have been read by that transaction); {@code c1} commits; {@code a1} aborts. A
 * transaction begins at its first step. Run it with {@link #run(Map, Isolation)}.
 */
public final class Interleaving {
    private static final Pattern STEP = Pattern.compile(
            "([rwca])(\\d+)(?:\\((\\w+)(?:=(?:(-?\\d+)|(\\w+)([+-]\\d+)?))?\\))?");

    /** One step: kind r/w/c/a, the transaction number, and for writes the expression. */
    record Step(char kind, int txn, String key, Long constant, String fromKey, long delta, String text) {}

    private final String text;
    private final List<Step> steps;

    private Interleaving(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Parses a schedule; a malformed step is named in the error. */
    public static Interleaving parse(String text) {
        Check.notNull("schedule", text);
        List<Step> steps = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            Matcher m = STEP.matcher(token);
            if (!m.matches()) {
                throw Check.fail("schedule step '" + token + "' is not one of r1(x), w1(x=5), w1(x=x+1), c1, a1");
            }
            char kind = m.group(1).charAt(0);
            boolean hasKey = m.group(3) != null;
            if ((kind == 'r' || kind == 'w') != hasKey || (kind == 'w') != (m.group(4) != null || m.group(5) != null)) {
                throw Check.fail("schedule step '" + token + "' is malformed: reads are r1(x), writes w1(x=5) or w1(x=x+1), commits c1, aborts a1");
            }
            Long constant = m.group(4) == null ? null : Long.parseLong(m.group(4));
            long delta = m.group(6) == null ? 0 : Long.parseLong(m.group(6));
            steps.add(new Step(kind, Integer.parseInt(m.group(2)), m.group(3), constant, m.group(5), delta, token));
        }
        Check.that(!steps.isEmpty(), "schedule", text, "at least one step");
        return new Interleaving(text.trim(), List.copyOf(steps));
    }

    /** The schedule as written. */
    public String text() {
        return text;
    }

    /** Runs the schedule from {@code initial} values at {@code isolation}. */
    public InterleavingRun run(Map<String, Long> initial, Isolation isolation) {
        Check.notNull("initial", initial);
        Check.notNull("isolation", isolation);
        MvccStore store = MvccStore.create().load(initial);
        Map<Integer, Transaction> txns = new TreeMap<>();
        Map<Integer, Map<String, Long>> lastRead = new TreeMap<>();
        List<InterleavingRun.Row> rows = new ArrayList<>();
        List<InterleavingRun.Read> reads = new ArrayList<>();
        for (Step s : steps) {
            Transaction t = txns.get(s.txn());
            if (t != null && t.state() != Transaction.State.ACTIVE) {
                rows.add(new InterleavingRun.Row(s.text(), "T" + s.txn(), "skipped: T" + s.txn() + " already " + lower(t.state())));
                continue;
            }
            if (t == null) {
                t = store.begin(isolation);
                txns.put(s.txn(), t);
            }
            Map<String, Long> seen = lastRead.computeIfAbsent(s.txn(), x -> new TreeMap<>());
            rows.add(new InterleavingRun.Row(s.text(), "T" + s.txn(), apply(s, t, seen, reads)));
        }
        Map<Integer, Transaction.State> outcome = new TreeMap<>();
        txns.forEach((n, t) -> {
            if (t.state() == Transaction.State.ACTIVE) t.abort();
            outcome.put(n, t.state());
        });
        return new InterleavingRun(this, isolation, Map.copyOf(initial), rows, reads, outcome, store.snapshot());
    }

    private static String apply(Step s, Transaction t, Map<String, Long> seen, List<InterleavingRun.Read> reads) {
        switch (s.kind()) {
            case 'r' -> {
                long v = t.read(s.key());
                reads.add(new InterleavingRun.Read(s.txn(), s.key(), v));
                seen.put(s.key(), v);
                return "reads " + s.key() + " = " + v;
            }
            case 'w' -> {
                long v = value(s, seen);
                t.write(s.key(), v);
                return "writes " + s.key() + " = " + v + " (buffered)";
            }
            case 'c' -> {
                return t.commit() ? "commits" : "ABORTS: " + t.abortReason();
            }
            default -> {
                t.abort();
                return "aborts";
            }
        }
    }

    static long value(Step s, Map<String, Long> seen) {
        if (s.constant() != null) return s.constant();
        Long base = seen.get(s.fromKey());
        if (base == null) {
            throw Check.fail("schedule step '" + s.text() + "' uses " + s.fromKey() + ", which T" + s.txn()
                    + " has not read yet: add r" + s.txn() + "(" + s.fromKey() + ") before it");
        }
        return base + s.delta();
    }

    List<Step> steps() {
        return steps;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
