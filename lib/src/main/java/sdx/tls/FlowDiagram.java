package sdx.tls;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.sim.TraceEvent;
import sdx.sim.TraceLog;
import sdx.viz.Picture;

/**
 * A ladder diagram of one simulated connection, drawn the way RFC 8446 draws its flows: client on the
 * left, server on the right, time going down. Messages one end sends together form a flight, drawn as one
 * arrow labelled with its messages; a message in braces is encrypted. Colours (Okabe-Ito): TCP blue, TLS
 * handshake vermillion, application data green.
 */
final class FlowDiagram {
    private FlowDiagram() {}

    private static final Color TCP = new Color(0x0072B2), TLS = new Color(0xD55E00), APP = new Color(0x009E73);
    private static final Color TEXT = new Color(0x222222), GRID = new Color(0xDDDDDD);
    private static final int W = 760, TOP = 84, BOTTOM = 30, LEFT_X = 240, RIGHT_X = 520, PX_PER_RTT = 120;

    private record Flight(boolean fromClient, long sent, long delivered, List<Object> messages) {}

    static Picture draw(FlowRun run) {
        List<Flight> flights = flights(run.trace());
        long rtt = Math.round(run.rttMillis() * 1000);
        long end = Math.round(run.firstResponseMillis() * 1000);
        int h = TOP + (int) Math.ceil((double) end / rtt * PX_PER_RTT) + BOTTOM + 24;
        BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, h);
        header(g, run);
        axis(g, rtt, end, h);
        for (Flight f : flights) arrow(g, f, run.kind(), rtt);
        double yEnd = y(end, rtt);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        String done = String.format(Locale.ROOT, "response: %d round trips", run.roundTrips());
        g.drawString(done, LEFT_X - 12 - g.getFontMetrics().stringWidth(done), (float) yEnd + 22);
        g.dispose();
        String alt = String.format(Locale.ROOT, "%s over a %.0f ms round trip: %d flights, response after %d round trips",
                run.kind().label(), run.rttMillis(), flights.size(), run.roundTrips());
        return new Picture(img, alt);
    }

    private static List<Flight> flights(TraceLog trace) {
        Map<Long, TraceEvent> sends = new HashMap<>();
        List<Flight> out = new ArrayList<>();
        Flight current = null;
        for (TraceEvent e : trace.events()) {
            if (e.kind() == TraceEvent.Kind.SEND) sends.put(e.id(), e);
            if (e.kind() != TraceEvent.Kind.DELIVER) continue;
            TraceEvent s = sends.get(e.id());
            boolean fromClient = s.node().equals("client");
            if (current != null && current.fromClient() == fromClient && s.time() - current.sent() < 5_000) {
                current.messages().add(e.message());
            } else {
                current = new Flight(fromClient, s.time(), e.time(), new ArrayList<>(List.of(e.message())));
                out.add(current);
            }
        }
        return out;
    }

    private static double y(long micros, long rtt) {
        return TOP + (double) micros / rtt * PX_PER_RTT;
    }

    private static void header(Graphics2D g, FlowRun run) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(TEXT);
        g.drawString("client", LEFT_X - 20, TOP - 14);
        g.drawString("server", RIGHT_X - 20, TOP - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "%s, round trip %.0f ms;  {braces}: encrypted", run.kind().label(),
                run.rttMillis()), 20, 20);
        int x = 20;
        for (Object[] key : new Object[][] {{"TCP", TCP}, {"TLS handshake", TLS}, {"application data (HTTP)", APP}}) {
            g.setColor((Color) key[1]);
            g.setStroke(new BasicStroke(2f));
            g.draw(new Line2D.Double(x, 36, x + 18, 36));
            g.setColor(TEXT);
            g.drawString((String) key[0], x + 22, 40);
            x += g.getFontMetrics().stringWidth((String) key[0]) + 40;
        }
    }

    private static void axis(Graphics2D g, long rtt, long end, int h) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (long t = 0; t <= end; t += rtt / 2) {
            double y = y(t, rtt);
            g.setColor(GRID);
            g.draw(new Line2D.Double(20, y, RIGHT_X, y));
            g.setColor(TEXT);
            g.drawString(String.format(Locale.ROOT, "%.0f ms", t / 1000.0), 20, (float) y - 3);
        }
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(LEFT_X, TOP - 8, LEFT_X, h - BOTTOM));
        g.draw(new Line2D.Double(RIGHT_X, TOP - 8, RIGHT_X, h - BOTTOM));
    }

    private static void arrow(Graphics2D g, Flight f, HandshakeFlow.Kind kind, long rtt) {
        double x1 = f.fromClient() ? LEFT_X : RIGHT_X, x2 = f.fromClient() ? RIGHT_X : LEFT_X;
        double y1 = y(f.sent(), rtt), y2 = y(f.delivered(), rtt);
        Color c = colour(f.messages().get(f.messages().size() - 1));
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        double angle = Math.atan2(y2 - y1, x2 - x1);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4));
        head.lineTo(x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int lines = f.messages().size();
        double top = y1 + 4 - (lines - 1) * fm.getHeight() / 2.0;
        for (int i = 0; i < lines; i++) {
            Object m = f.messages().get(i);
            String text = label(m, kind);
            float x = f.fromClient() ? (float) (LEFT_X - 12 - fm.stringWidth(text)) : (float) (RIGHT_X + 12);
            g.setColor(colour(m).darker());
            g.drawString(text, x, (float) (top + i * fm.getHeight()));
        }
    }

    private static Color colour(Object m) {
        if (m instanceof HandshakeFlow.Syn || m instanceof HandshakeFlow.SynAck || m instanceof HandshakeFlow.Ack) return TCP;
        if (m instanceof HandshakeFlow.HttpRequest || m instanceof HandshakeFlow.HttpResponse) return APP;
        return TLS;
    }

    /** The message's name, in braces if it travels encrypted (as in RFC 8446's figures). */
    static String label(Object m, HandshakeFlow.Kind kind) {
        String name = m.getClass().getSimpleName();
        boolean encrypted = switch (kind) {
            case PLAIN_TCP -> false;
            case TLS12 -> m instanceof HandshakeFlow.Finished || colour(m) == APP;
            case TLS13, TLS13_RESUMED -> colour(m) != TCP && !(m instanceof HandshakeFlow.ClientHello)
                    && !(m instanceof HandshakeFlow.ServerHello);
        };
        return encrypted ? "{" + name + "}" : name;
    }
}
