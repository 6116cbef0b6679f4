package sdx.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sdx.core.Check;
import sdx.viz.Picture;

/**
 * A sequence (space-time) diagram of a trace: one horizontal lifeline per node, time from left to right
 * in ms, an arrow per message from its send to its delivery (coloured by message type, labelled when
 * there are few), a cross where a message was dropped, shaded bands for the sides of a partition, and
 * crash marks with the lifeline dotted while the node is down.
 *
 * <pre>{@code
 * sim.trace().between(ms(150), ms(400)).diagram()                            // the defaults
 * SequenceDiagram.of(sim.trace().between(ms(150), ms(400))).nodes("n1", "n2", "n3").types("Vote").draw()
 * }</pre>
 */
public final class SequenceDiagram {
    /**
     * The Okabe–Ito colour-blind-safe palette, with a mid grey in place of its yellow, which is too faint for a
     * thin arrow or its label on white.
     */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), Color.BLACK, new Color(0x808080)};
    private static final Color[] BANDS = {new Color(0x56B4E9), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xF0E442)};
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color TEXT = new Color(0x222222);
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 56;
    private static final int BOTTOM = 44;

    private final TraceLog log;
    private Set<String> nodeFilter;
    private Set<String> typeFilter;
    private int width = 1000;
    private int rowHeight = -1;
    private int maxLabels = 40;
    private boolean timers;
    private boolean notes = true;
    private final List<java.awt.geom.Rectangle2D> placed = new ArrayList<>();

    private SequenceDiagram(TraceLog log) {
        this.log = log;
    }

    /** A diagram of {@code log}'s events, over its time window ({@link TraceLog#between}). */
    public static SequenceDiagram of(TraceLog log) {
        return new SequenceDiagram(Check.notNull("log", log));
    }

    /** Only these lifelines (nodes or clients), in this order. */
    public SequenceDiagram nodes(String... names) {
        Check.notNull("names", names);
        Check.that(names.length > 0, "names", "[]", "must name at least one node");
        nodeFilter = new LinkedHashSet<>(List.of(names));
        return this;
    }

    /** Only messages whose record has one of these simple names. */
    public SequenceDiagram types(String... simpleNames) {
        Check.notNull("simpleNames", simpleNames);
        typeFilter = Set.of(simpleNames);
        return this;
    }

    /** Image width in pixels (400..4000, default 1000). */
    public SequenceDiagram width(int pixels) {
        width = Check.inRange("width", pixels, 400, 4000);
        return this;
    }

    /** Label arrows only when at most {@code max} messages are drawn (default 40; 0 for never). */
    public SequenceDiagram maxLabels(int max) {
        maxLabels = Check.atLeast("maxLabels", max, 0);
        return this;
    }

    /** Also mark timer firings (small ticks on the lifeline); off by default. */
    public SequenceDiagram timers(boolean show) {
        timers = show;
        return this;
    }

    /** Show notes as small labelled flags (default on). */
    public SequenceDiagram notes(boolean show) {
        notes = show;
        return this;
    }

    private record Arrow(String from, String to, long sent, long end, Object message, String drop) {}

    /** Draws it. */
    public Picture draw() {
        List<TraceEvent> all = log.unfiltered();
        List<TraceEvent> events = log.events();
        long t0 = log.windowStart();
        long t1 = Math.max(log.windowEnd(), t0 + 1);
        List<String> lanes = lanes(events);
        Check.that(!lanes.isEmpty(), "nodes", nodeFilter, "must include a node that appears in the trace");
        Map<String, Integer> laneIndex = new HashMap<>();
        for (int i = 0; i < lanes.size(); i++) laneIndex.put(lanes.get(i), i);

        // messages: one arrow per delivery or drop whose message has an event in the window
        Map<Long, TraceEvent> sends = new HashMap<>();
        Map<Long, List<TraceEvent>> outcomes = new HashMap<>();
        Set<Long> inWindow = new LinkedHashSet<>();
        for (TraceEvent e : events) {
            if (isMessage(e) && e.time() >= t0 && e.time() <= t1) inWindow.add(e.id());
        }
        for (TraceEvent e : all) {
            if (!isMessage(e) || !inWindow.contains(e.id())) continue;
            if (e.kind() == TraceEvent.Kind.SEND) sends.put(e.id(), e);
            else if (e.kind() != TraceEvent.Kind.DUPLICATE) outcomes.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e);
        }
        List<Arrow> arrows = new ArrayList<>();
        for (long id : inWindow) {
            TraceEvent s = sends.get(id);
            if (s == null) continue;
            if (typeFilter != null && !typeFilter.contains(s.type())) continue;
            if (!laneIndex.containsKey(s.node()) || !laneIndex.containsKey(s.peer())) continue;
            List<TraceEvent> outs = outcomes.getOrDefault(id, List.of());
            if (outs.isEmpty()) arrows.add(new Arrow(s.node(), s.peer(), s.time(), Long.MAX_VALUE, s.message(), null));
            for (TraceEvent o : outs) {
                boolean drop = o.kind() == TraceEvent.Kind.DROP;
                arrows.add(new Arrow(s.node(), s.peer(), s.time(), o.time(), s.message(), drop ? o.detail() : null));
            }
        }
        Map<String, Color> colours = new LinkedHashMap<>();
        for (Arrow a : arrows) {
            String type = a.message().getClass().getSimpleName();
            colours.computeIfAbsent(type, k -> PALETTE[Math.min(colours.size(), PALETTE.length - 1)]);
        }

        int rows = lanes.size();
        int row = rowHeight > 0 ? rowHeight : Math.max(44, Math.min(90, 420 / rows));
        int height = TOP + BOTTOM + row * rows;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Frame f = new Frame(t0, t1, LEFT, width - RIGHT, TOP, row);

        drawPartitions(g, f, all, laneIndex, lanes);
        drawAxis(g, f, rows);
        List<long[]> down = drawLifelines(g, f, all, lanes);
        boolean labels = arrows.size() <= maxLabels;
        long stub = stubLength(arrows, t0, t1);
        int drops = 0;
        placed.clear();
        for (Arrow a : arrows) {
            if (a.drop() != null) drops++;
            drawArrow(g, f, a, laneIndex, colours.get(a.message().getClass().getSimpleName()), labels, stub);
        }
        if (timers) drawTimers(g, f, events, laneIndex);
        if (notes) drawNotes(g, f, events, laneIndex);
        drawLegend(g, colours, labels, arrows.size());
        g.dispose();

        long crashes = events.stream().filter(e -> e.kind() == TraceEvent.Kind.CRASH && laneIndex.containsKey(e.node())).count();
        long partitions = events.stream().filter(e -> e.kind() == TraceEvent.Kind.PARTITION).count();
        String alt = String.format(Locale.ROOT,
                "Sequence diagram of %s from %.1f to %.1f ms: %d messages drawn (%d delivered, %d dropped), "
                        + "%d crash%s, %d partition%s.",
                String.join(", ", lanes), Time.toMs(t0), Time.toMs(t1), arrows.size(), arrows.size() - drops, drops,
                crashes, crashes == 1 ? "" : "es", partitions, partitions == 1 ? "" : "s");
        return new Picture(img, alt);
    }

    private static boolean isMessage(TraceEvent e) {
        return switch (e.kind()) {
            case SEND, DELIVER, DROP, DUPLICATE -> true;
            default -> false;
        };
    }

    private List<String> lanes(List<TraceEvent> events) {
        if (nodeFilter != null) return List.copyOf(nodeFilter);
        Set<String> clientNames = new LinkedHashSet<>();
        Set<String> nodes = new LinkedHashSet<>(log.nodes());
        for (TraceEvent e : events) {
            for (String n : new String[] {e.node(), e.peer()}) {
                if (!n.isEmpty() && !nodes.contains(n)) clientNames.add(n);
            }
        }
        List<String> out = new ArrayList<>(clientNames);
        out.addAll(nodes);
        return out;
    }

    /** Maps time and lanes to pixels. */
    private record Frame(long t0, long t1, int x0, int x1, int top, int row) {
        double x(long t) {
            double clamped = Math.max(t0, Math.min(t1, t));
            return x0 + (clamped - t0) * (x1 - x0) / (double) (t1 - t0);
        }

        double y(int lane) {
            return top + row * (lane + 0.5);
        }
    }

    private void drawAxis(Graphics2D g, Frame f, int rows) {
        double spanMs = Time.toMs(f.t1() - f.t0());
        double step = niceStep(spanMs / 8);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        int axisY = f.top() + f.row() * rows + 6;
        g.setColor(TEXT);
        g.draw(new Line2D.Double(f.x0(), axisY, f.x1(), axisY));
        double first = Math.ceil(Time.toMs(f.t0()) / step) * step;
        for (double t = first; t <= Time.toMs(f.t1()) + 1e-9; t += step) {
            double x = f.x(Math.round(t * 1000));
            g.setColor(GRID);
            g.draw(new Line2D.Double(x, f.top(), x, axisY));
            g.setColor(TEXT);
            g.draw(new Line2D.Double(x, axisY, x, axisY + 4));
            String s = fmtMs(t, step);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), axisY + 16);
        }
        String label = "virtual time (ms)";
        g.drawString(label, (f.x0() + f.x1() - fm.stringWidth(label)) / 2f, axisY + 32);
    }

    private static String fmtMs(double t, double step) {
        if (step >= 1) return String.format(Locale.ROOT, "%.0f", t);
        if (step >= 0.1) return String.format(Locale.ROOT, "%.1f", t);
        return String.format(Locale.ROOT, "%.3f", t);
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-6))));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private void drawPartitions(Graphics2D g, Frame f, List<TraceEvent> all, Map<String, Integer> laneIndex,
            List<String> lanes) {
        TraceEvent open = null;
        List<TraceEvent[]> spans = new ArrayList<>();
        for (TraceEvent e : all) {
            if (e.kind() == TraceEvent.Kind.PARTITION) {
                if (open != null) spans.add(new TraceEvent[] {open, e});
                open = e;
            } else if (e.kind() == TraceEvent.Kind.HEAL && open != null) {
                spans.add(new TraceEvent[] {open, e});
                open = null;
            }
        }
        if (open != null) spans.add(new TraceEvent[] {open, null});
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        for (TraceEvent[] span : spans) {
            long start = span[0].time();
            long end = span[1] == null ? Long.MAX_VALUE : span[1].time();
            if (end < f.t0() || start > f.t1()) continue;
            double xa = f.x(start), xb = f.x(end);
            String[] groups = span[0].detail().split(" \\| ");
            for (int gi = 0; gi < groups.length; gi++) {
                Color c = BANDS[gi % BANDS.length];
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
                for (String n : groups[gi].split(",")) {
                    Integer lane = laneIndex.get(n);
                    if (lane == null) continue;
                    g.fill(new java.awt.geom.Rectangle2D.Double(xa, f.top() + f.row() * lane + 2, xb - xa, f.row() - 4));
                }
            }
            g.setColor(TEXT);
            String text = "partition " + span[0].detail();
            g.drawString(text, (float) xa + 3, f.top() - 4);
            g.setColor(new Color(0x666666));
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            if (start >= f.t0()) g.draw(new Line2D.Double(xa, f.top(), xa, f.top() + f.row() * lanes.size()));
            if (end <= f.t1()) g.draw(new Line2D.Double(xb, f.top(), xb, f.top() + f.row() * lanes.size()));
            g.setStroke(new BasicStroke(1f));
        }
    }

    private List<long[]> drawLifelines(Graphics2D g, Frame f, List<TraceEvent> all, List<String> lanes) {
        List<long[]> downs = new ArrayList<>();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < lanes.size(); i++) {
            String n = lanes.get(i);
            double y = f.y(i);
            // down intervals
            List<long[]> down = new ArrayList<>();
            long crashAt = -1;
            for (TraceEvent e : all) {
                if (!e.node().equals(n)) continue;
                if (e.kind() == TraceEvent.Kind.CRASH) crashAt = e.time();
                else if (e.kind() == TraceEvent.Kind.RESTART && crashAt >= 0) {
                    down.add(new long[] {crashAt, e.time()});
                    crashAt = -1;
                }
            }
            if (crashAt >= 0) down.add(new long[] {crashAt, Long.MAX_VALUE});
            g.setColor(new Color(0x555555));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Line2D.Double(f.x0(), y, f.x1(), y));
            for (long[] d : down) {
                if (d[1] < f.t0() || d[0] > f.t1()) continue;
                double xa = f.x(d[0]), xb = f.x(d[1]);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(3f));
                g.draw(new Line2D.Double(xa, y, xb, y));
                g.setColor(new Color(0x999999));
                g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f));
                g.draw(new Line2D.Double(xa, y, xb, y));
                g.setStroke(new BasicStroke(3f));
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
                if (d[0] >= f.t0()) {
                    g.draw(new Line2D.Double(xa, y - 11, xa, y + 11));
                    g.drawString("crash", (float) xa + 3, (float) y - 5);
                }
                if (d[1] <= f.t1()) {
                    g.setColor(new Color(0x009E73));
                    g.draw(new Line2D.Double(xb, y - 11, xb, y + 11));
                    g.drawString("restart", (float) xb + 3, (float) y - 5);
                }
                downs.add(d);
            }
            g.setStroke(new BasicStroke(1f));
            g.setColor(TEXT);
            for (int size = 12; ; size--) {                    // a long name gets a smaller font, not clipped
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
                int w = g.getFontMetrics().stringWidth(n);
                if (w <= LEFT - 12 || size == 8) {
                    g.drawString(n, Math.max(2, LEFT - 10 - w), (float) y + 4);
                    break;
                }
            }
        }
        return downs;
    }

    private static long stubLength(List<Arrow> arrows, long t0, long t1) {
        List<Long> delays = new ArrayList<>();
        for (Arrow a : arrows) if (a.drop() == null && a.end() != Long.MAX_VALUE) delays.add(a.end() - a.sent());
        if (delays.isEmpty()) return Math.max(1, (t1 - t0) / 60);
        delays.sort(null);
        return Math.max(1, delays.get(delays.size() / 2) / 2);
    }

    private void drawArrow(Graphics2D g, Frame f, Arrow a, Map<String, Integer> lanes, Color colour,
            boolean label, long stub) {
        double x1 = f.x(a.sent()), y1 = f.y(lanes.get(a.from()));
        double yTo = f.y(lanes.get(a.to()));
        boolean droppedAtSend = a.drop() != null && a.end() == a.sent();
        double x2, y2;
        if (droppedAtSend) { // lost on the wire or partitioned: a short stub that ends in a cross
            x2 = f.x(a.sent() + stub);
            y2 = y1 + (yTo - y1) * 0.4;
        } else {
            long sent = a.sent(), end = a.end();
            if (end == Long.MAX_VALUE) { // still in flight when the trace ends: half-way, dotted by the caller
                end = sent + 2 * stub;
                yTo = y1 + (yTo - y1) * 0.5;
            }
            double span = Math.max(1, end - sent);
            double fa = sent < f.t0() ? (f.t0() - sent) / span : 0; // sent before the window: start at the edge
            double fb = end > f.t1() ? (f.t1() - sent) / span : 1;  // arrives after it: stop at the edge
            double yFrom = y1;
            y1 = yFrom + (yTo - yFrom) * fa;
            y2 = yFrom + (yTo - yFrom) * fb;
            x1 = f.x(Math.max(sent, f.t0()));
            x2 = f.x(Math.min(end, f.t1()));
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(a.drop() != null ? 1.0f : 1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                10f, a.drop() != null ? new float[] {3f, 2f} : null, 0f));
        if (a.from().equals(a.to())) { // to itself: a small loop
            g.draw(new java.awt.geom.Arc2D.Double(x1, y1 - 8, Math.max(6, x2 - x1), 16, 0, 180, java.awt.geom.Arc2D.OPEN));
        } else {
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }
        g.setStroke(new BasicStroke(1.3f));
        if (a.drop() != null) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2f));
            double r = 4;
            g.draw(new Line2D.Double(x2 - r, y2 - r, x2 + r, y2 + r));
            g.draw(new Line2D.Double(x2 - r, y2 + r, x2 + r, y2 - r));
            g.setStroke(new BasicStroke(1f));
        } else if (a.end() <= f.t1()) {
            arrowHead(g, x1, y1, x2, y2);
        }
        if (label) {
            String text = shortLabel(a.message()) + (a.drop() != null ? " ✗ " + a.drop() : "");
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            FontMetrics fm = g.getFontMetrics();
            int w = fm.stringWidth(text) + 2, h = fm.getAscent();
            for (double at : new double[] {0.5, 0.3, 0.7, 0.15, 0.85}) { // first spot that hides no other label
                double lx = x1 + (x2 - x1) * at - w / 2.0, ly = y1 + (y2 - y1) * at - 2;
                lx = Math.max(2, Math.min(lx, f.x1() + RIGHT - w - 2)); // inside the picture, never cut
                java.awt.geom.Rectangle2D box = new java.awt.geom.Rectangle2D.Double(lx - 1, ly - h + 1, w, h);
                if (placed.stream().anyMatch(box::intersects)) continue;
                placed.add(box);
                g.setColor(new Color(255, 255, 255, 210));
                g.fill(box);
                g.setColor(colour.darker());
                g.drawString(text, (float) lx, (float) ly);
                break;
            }
        }
    }

    private static void arrowHead(Graphics2D g, double x1, double y1, double x2, double y2) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double len = 7, spread = Math.toRadians(24);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x2, y2);
        p.lineTo(x2 - len * Math.cos(angle - spread), y2 - len * Math.sin(angle - spread));
        p.lineTo(x2 - len * Math.cos(angle + spread), y2 - len * Math.sin(angle + spread));
        p.closePath();
        g.fill(p);
    }

    /**
     * A {@link Labelled} message's own label (cut to 30 characters); otherwise "Vote(3,true)": the record's
     * simple name and its component values, each cut to 8 characters and the whole to 26.
     */
    static String shortLabel(Object m) {
        if (m instanceof Labelled l) {
            String s = String.valueOf(l.label());
            return s.length() > 30 ? s.substring(0, 29) + "…" : s;
        }
        Class<?> c = m.getClass();
        StringBuilder b = new StringBuilder(c.getSimpleName());
        if (c.isRecord()) {
            RecordComponent[] parts = c.getRecordComponents();
            if (parts.length > 0) {
                b.append('(');
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) b.append(',');
                    try {
                        Object v = parts[i].getAccessor().invoke(m);
                        String s = String.valueOf(v);
                        b.append(s.length() > 8 ? s.substring(0, 7) + "…" : s);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        b.append('?');
                    }
                }
                b.append(')');
            }
        }
        return b.length() > 26 ? b.substring(0, 25) + "…" : b.toString();
    }

    private void drawTimers(Graphics2D g, Frame f, List<TraceEvent> events, Map<String, Integer> lanes) {
        g.setColor(new Color(0x777777));
        for (TraceEvent e : events) {
            if (e.kind() != TraceEvent.Kind.TIMER_FIRE || !lanes.containsKey(e.node())) continue;
            double x = f.x(e.time()), y = f.y(lanes.get(e.node()));
            g.draw(new Line2D.Double(x, y - 4, x, y + 4));
        }
    }

    private void drawNotes(Graphics2D g, Frame f, List<TraceEvent> events, Map<String, Integer> lanes) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        int shown = 0;
        for (TraceEvent e : events) {
            if (e.kind() != TraceEvent.Kind.NOTE || !lanes.containsKey(e.node())) continue;
            if (++shown > 30) break;
            double x = f.x(e.time()), y = f.y(lanes.get(e.node()));
            g.setColor(Color.BLACK);
            Path2D.Double flag = new Path2D.Double();
            flag.moveTo(x, y);
            flag.lineTo(x - 4, y + 8);
            flag.lineTo(x + 4, y + 8);
            flag.closePath();
            g.fill(flag);
            String text = e.detail().length() > 24 ? e.detail().substring(0, 23) + "…" : e.detail();
            g.drawString(text, (float) x + 5, (float) y + 16);
        }
    }

    private void drawLegend(Graphics2D g, Map<String, Color> colours, boolean labels, int count) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int x = LEFT, y = 18;
        g.setColor(TEXT);
        String head = count + " messages" + (labels || count == 0 ? ":" : " (too many to label):");
        g.drawString(head, x, y);
        x += fm.stringWidth(head) + 12;
        for (Map.Entry<String, Color> e : colours.entrySet()) {
            int w = fm.stringWidth(e.getKey()) + 30;
            if (x + w > width - RIGHT) {
                x = LEFT;
                y += 16;
            }
            g.setColor(e.getValue());
            g.setStroke(new BasicStroke(2f));
            g.draw(new Line2D.Double(x, y - 4, x + 18, y - 4));
            g.setColor(TEXT);
            g.drawString(e.getKey(), x + 22, y);
            x += w;
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(TEXT);
        g.drawString("✗ dropped    | crash    dotted: down    shaded: partition sides", LEFT, y + 18);
    }
}
