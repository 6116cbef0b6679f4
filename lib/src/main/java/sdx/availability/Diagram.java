package sdx.availability;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import sdx.viz.Picture;

/**
 * Draws a {@link Block} as a reliability block diagram: series left to right, parallel stacked between two
 * rails, k-of-n like parallel with "k of n" on its rail; each part a box with its name and availability,
 * the whole diagram's availability (by the formulas) in the title.
 */
final class Diagram {
    private Diagram() {}

    private static final int BOX_W = 164, BOX_H = 46, H_GAP = 34, V_GAP = 14, RAIL = 22, MARGIN = 24, TITLE = 44;
    private static final Font NAME = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color BOX = new Color(0xE8F1F8), EDGE = new Color(0x0072B2), LINE = new Color(0x444444),
            SHARED = new Color(0xD55E00);

    static Picture draw(Block block) {
        int[] size = size(block);
        String title = "Availability " + percent(block.availability()) + " by the series/parallel formulas ("
                + Durations.format(Theory.downtimeHoursPerYear(block.availability())) + " down per year)";
        int w = Math.max(size[0], titleWidth(title)) + 2 * MARGIN, h = size[1] + 2 * MARGIN + TITLE;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(NAME);
        g.drawString(title, MARGIN, MARGIN + 8);
        g.setStroke(new BasicStroke(1.6f));
        draw(g, block, MARGIN, MARGIN + TITLE, shared(block));
        g.dispose();
        java.util.Set<String> sh = shared(block);
        String alt = "Reliability block diagram of " + block.describe() + ": series left to right, parallel stacked. "
                + title + "." + (sh.isEmpty() ? "" : " Drawn more than once but one physical part: "
                + String.join(", ", new java.util.TreeSet<>(sh)) + ".");
        return new Picture(img, alt);
    }

    /** Names of parts that appear more than once (one physical part drawn in several places). */
    private static java.util.Set<String> shared(Block b) {
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        count(b, count);
        java.util.Set<String> out = new java.util.HashSet<>();
        count.forEach((name, n) -> {
            if (n > 1) out.add(name);
        });
        return out;
    }

    private static void count(Block b, java.util.Map<String, Integer> count) {
        if (b instanceof Block.Part p) count.merge(p.name(), 1, Integer::sum);
        for (Block c : b.children()) count(c, count);
    }

    private static int titleWidth(String title) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int w = g.getFontMetrics(NAME).stringWidth(title);
        g.dispose();
        return w;
    }

    /** {width, height} of a block's drawing. */
    private static int[] size(Block b) {
        if (b instanceof Block.Part) return new int[] {BOX_W, BOX_H};
        int w = 0, h = 0;
        boolean series = b instanceof Block.Series;
        for (Block c : b.children()) {
            int[] s = size(c);
            if (series) {
                w += s[0] + (w > 0 ? H_GAP : 0);
                h = Math.max(h, s[1]);
            } else {
                w = Math.max(w, s[0]);
                h += s[1] + (h > 0 ? V_GAP : 0);
            }
        }
        return series ? new int[] {w, h} : new int[] {w + 2 * RAIL, h};
    }

    /** Draws {@code b} with its top-left corner at (x, y); its ports are at its vertical middle. */
    private static void draw(Graphics2D g, Block b, int x, int y, java.util.Set<String> shared) {
        int[] s = size(b);
        if (b instanceof Block.Part p) {
            g.setColor(BOX);
            g.fillRoundRect(x, y, BOX_W, BOX_H, 10, 10);
            boolean one = shared.contains(p.name());
            g.setColor(one ? SHARED : EDGE);
            g.drawRoundRect(x, y, BOX_W, BOX_H, 10, 10);
            g.setColor(Color.BLACK);
            centered(g, NAME, p.name(), x + BOX_W / 2, y + 19);
            centered(g, SMALL, percent(p.availability()) + (one ? " · the same part" : ""), x + BOX_W / 2, y + 36);
            return;
        }
        int mid = y + s[1] / 2;
        if (b instanceof Block.Series) {
            int cx = x;
            for (Block c : b.children()) {
                int[] cs = size(c);
                if (cx > x) line(g, cx - H_GAP, mid, cx, mid);
                draw(g, c, cx, mid - cs[1] / 2, shared);
                cx += cs[0] + H_GAP;
            }
            return;
        }
        int cy = y, first = -1, last = -1, right = x + s[0];
        for (Block c : b.children()) {
            int[] cs = size(c);
            int cmid = cy + cs[1] / 2;
            if (first < 0) first = cmid;
            last = cmid;
            draw(g, c, x + RAIL, cy, shared);
            line(g, x, cmid, x + RAIL, cmid);
            line(g, x + RAIL + cs[0], cmid, right, cmid);
            cy += cs[1] + V_GAP;
        }
        line(g, x, first, x, last);
        line(g, right, first, right, last);
        if (b instanceof Block.KOfN k) {
            g.setColor(Color.BLACK);
            g.setFont(SMALL);
            g.drawString(k.k() + " of " + k.blocks().size(), x + 3, first - 6);
        }
    }

    private static void line(Graphics2D g, int x0, int y0, int x1, int y1) {
        g.setColor(LINE);
        g.drawLine(x0, y0, x1, y1);
    }

    private static void centered(Graphics2D g, Font f, String text, int cx, int baseline) {
        g.setFont(f);
        FontMetrics m = g.getFontMetrics();
        String t = text;
        while (m.stringWidth(t) > BOX_W - 8 && t.length() > 2) t = t.substring(0, t.length() - 2) + "…";
        g.drawString(t, cx - m.stringWidth(t) / 2, baseline);
    }

    /** A percentage with enough decimals to show its nines, trailing zeros dropped: 99%, 99.99%, 99.959%. */
    static String percent(double a) {
        if (a >= 1) return "100%";
        int decimals = Math.max(1, Math.min(8, (int) Math.ceil(-Math.log10(1 - a)) - 1));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", 100 * a);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "") + "%";
    }
}
