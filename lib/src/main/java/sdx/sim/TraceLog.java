package sdx.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import sdx.core.Check;

/**
 * A run's trace, or a filtered part of it: every send, delivery, drop, duplicate, timer, crash, restart,
 * partition, note and client operation, in the order they happened. Filters return a new, smaller
 * {@code TraceLog}; {@link #diagram()} draws it as a sequence diagram.
 *
 * <pre>{@code
 * sim.trace().node("n1").kind(Kind.DROP).between(ms(200), ms(900))
 * }</pre>
 */
public final class TraceLog {
    private static final int SHOWN = 30;
    private final List<TraceEvent> events;
    private final List<String> nodes;

    TraceLog(List<TraceEvent> events, List<String> nodes) {
        this.events = List.copyOf(events);
        this.nodes = List.copyOf(nodes);
    }

    /** The events, oldest first. */
    public List<TraceEvent> events() {
        return events;
    }

    /** The simulation's node names, in the order they were added (for diagrams). */
    public List<String> nodes() {
        return nodes;
    }

    /** Number of events. */
    public int size() {
        return events.size();
    }

    /** Number of events of {@code kind}. */
    public long count(TraceEvent.Kind kind) {
        Check.notNull("kind", kind);
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    /** Events that happened at, or were sent to or from, any of {@code names}. */
    public TraceLog node(String... names) {
        Set<String> set = Set.of(Check.notNull("names", names));
        return filter(e -> set.contains(e.node()) || set.contains(e.peer()));
    }

    /** Events of the given kinds. */
    public TraceLog kind(TraceEvent.Kind first, TraceEvent.Kind... more) {
        EnumSet<TraceEvent.Kind> set = EnumSet.of(Check.notNull("first", first), more);
        return filter(e -> set.contains(e.kind()));
    }

    /** Events whose message or timer record has one of these simple names, e.g. "RequestVote". */
    public TraceLog type(String... simpleNames) {
        Set<String> set = Set.of(Check.notNull("simpleNames", simpleNames));
        return filter(e -> set.contains(e.type()));
    }

    /** Events with {@code fromMicros <= time < toMicros}. */
    public TraceLog between(long fromMicros, long toMicros) {
        Check.that(toMicros >= fromMicros, "toMicros", toMicros, "must be >= fromMicros (" + fromMicros + ")");
        return filter(e -> e.time() >= fromMicros && e.time() < toMicros);
    }

    /** Events for which {@code keep} is true. */
    public TraceLog filter(Predicate<TraceEvent> keep) {
        Check.notNull("keep", keep);
        List<TraceEvent> kept = new ArrayList<>();
        for (TraceEvent e : events) {
            if (keep.test(e)) kept.add(e);
        }
        return new TraceLog(kept, nodes);
    }

    /** A sequence diagram of these events (see {@link SequenceDiagram} for options). */
    public sdx.viz.Picture diagram() {
        return SequenceDiagram.of(this).draw();
    }

    /** The events as a JSON array of objects (time in µs, kind, node, peer, type, message, id, detail). */
    public String toJson() {
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (TraceEvent e : events) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", e.index());
            row.put("time", e.time());
            row.put("kind", e.kind().name());
            row.put("node", e.node());
            row.put("peer", e.peer());
            row.put("type", e.type());
            row.put("message", e.message() == null ? null : e.message().toString());
            row.put("id", e.id());
            row.put("detail", e.detail());
            rows.add(row);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the trace as JSON: " + ex.getMessage(), ex);
        }
    }

    /** The first events, one per line, and how many more there are. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, events.size()); i++) b.append(events.get(i)).append('\n');
        if (events.size() > SHOWN) b.append("... ").append(events.size() - SHOWN).append(" more events\n");
        if (events.isEmpty()) b.append("(no events)\n");
        return b.toString();
    }
}
