package sdx.availability;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdx.core.Check;
import sdx.viz.Picture;

/**
 * A few simulated years of a system drawn as one lane per part and one for the whole system: a thin line
 * while up, a thick vermillion bar while down. It shows what the averages hide: which failures the
 * redundancy absorbed, and which became outages.
 */
final class Timeline {
    private Timeline() {}

    private static final int WIDTH = 760, LEFT = 130, RIGHT = 20, TOP = 40, LANE = 30, BOTTOM = 40;
    private static final Color DOWN = new Color(0xD55E00), UP = new Color(0x0072B2), SYSTEM_DOWN = Color.BLACK;

    static Picture draw(Block system, double years, long seed) {
        Check.notNull("system", system);
        Check.inRange("years", years, 0.01, 100);
        List<Block.Part> parts = system.parts();
        int lanes = parts.size() + 1;
        double horizon = years * Theory.HOURS_PER_YEAR;
        List<List<double[]>> down = new ArrayList<>();
        for (int i = 0; i < lanes; i++) down.add(new ArrayList<>());
        double[] since = new double[lanes];
        java.util.Arrays.fill(since, -1);
        boolean[] systemWas = {true};
        Measurement m = FailureSimulation.run(system, years, seed, (hour, part, up, systemUp) -> {
            mark(down.get(part), since, part, hour, up);
            if (hour == 0 || systemUp != systemWas[0]) mark(down.get(lanes - 1), since, lanes - 1, hour, systemUp);
            systemWas[0] = systemUp;
        });
        for (int i = 0; i < lanes; i++) if (since[i] >= 0) down.get(i).add(new double[] {since[i], horizon});

        int height = TOP + LANE * lanes + BOTTOM;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        String title = String.format(Locale.ROOT, "%s simulated year%s: %d outage%s of the system", trim(years),
                years == 1 ? "" : "s", m.outages(), m.outages() == 1 ? "" : "s");
        g.drawString(title, 10, 22);
        double scale = (WIDTH - LEFT - RIGHT) / horizon;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < lanes; i++) {
            int y = TOP + LANE * i + LANE / 2;
            boolean sys = i == lanes - 1;
            g.setColor(Color.BLACK);
            g.drawString(sys ? "SYSTEM" : parts.get(i).name(), 8, y + 4);
            g.setColor(UP);
            g.fillRect(LEFT, y - 1, WIDTH - LEFT - RIGHT, 2);
            g.setColor(sys ? SYSTEM_DOWN : DOWN);
            for (double[] d : down.get(i)) {
                int x0 = LEFT + (int) (d[0] * scale), w = Math.max(2, (int) ((d[1] - d[0]) * scale));
                g.fillRect(x0, y - 8, w, 16);
            }
        }
        g.setColor(Color.DARK_GRAY);
        int axis = TOP + LANE * lanes + 14;
        for (int k = 0; k <= 4; k++) {
            double h = horizon * k / 4;
            String label = String.format(Locale.ROOT, "%.2f", h / Theory.HOURS_PER_YEAR).replaceAll("0+$", "")
                    .replaceAll("\\.$", "") + " y";
            g.drawString(label, LEFT + (int) (h * scale) - (k == 4 ? 30 : 0), axis);
        }
        g.dispose();
        String alt = String.format(Locale.ROOT, "Timeline of %s over %s simulated years: one lane per part (%s) and one for "
                + "the system, with down periods as bars; %d down periods of parts, %d outages of the system.", system.describe(),
                trim(years), String.join(", ", parts.stream().map(Block.Part::name).toList()),
                down.subList(0, lanes - 1).stream().mapToInt(List::size).sum(), m.outages());
        return new Picture(img, alt);
    }

    private static void mark(List<double[]> lane, double[] since, int i, double hour, boolean up) {
        if (!up && since[i] < 0) since[i] = hour;
        if (up && since[i] >= 0) {
            lane.add(new double[] {since[i], hour});
            since[i] = -1;
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
