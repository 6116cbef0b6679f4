package sdx.viz;

import java.util.Locale;
import sdx.core.Check;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as HTML, every cell escaped. A Tablesaw {@code Table} that ends a cell renders
 * through this automatically under JJava.
 */
public final class Tables {
    private Tables() {}

    /** Maximum rows shown before the table is cut with a "… n more rows" line. */
    public static final int MAX_ROWS = 40;

    /** The table as an HTML view. */
    public static HtmlTable html(Table table) {
        return html(table, java.util.Set.of());
    }

    /**
     * The table as an HTML view whose {@code unseeded} columns carry the class {@code sdx-unseeded}: values
     * that differ from run to run because a production component cannot be seeded (Caffeine's admission
     * filter). The notebook tests compare every other column exactly and mask only these.
     */
    public static HtmlTable html(Table table, java.util.Set<String> unseeded) {
        Check.notNull("table", table);
        Check.notNull("unseeded", unseeded);
        for (String name : unseeded) {
            Check.that(table.columnNames().contains(name), "unseeded", name, "must name a column of the table " + table.columnNames());
        }
        StringBuilder sb = new StringBuilder("<table class=\"sdx-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption style=\"caption-side:top;font-weight:bold\">")
                    .append(Html.escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (Column<?> c : table.columns()) sb.append(open("th", c, unseeded)).append(Html.escape(c.name())).append("</th>");
        sb.append("</tr></thead><tbody>");
        int rows = Math.min(table.rowCount(), MAX_ROWS);
        for (int r = 0; r < rows; r++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                sb.append(open("td", c, unseeded)).append(Html.escape(format(c.get(r)))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (table.rowCount() > rows) {
            sb.append("<p>… ").append(table.rowCount() - rows).append(" more rows</p>");
        }
        return new HtmlTable(sb.toString(), table.print());
    }

    private static String open(String tag, Column<?> c, java.util.Set<String> unseeded) {
        return unseeded.contains(c.name()) ? "<" + tag + " class=\"sdx-unseeded\">" : "<" + tag + ">";
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) return "";
            double a = Math.abs(d);
            if (a != 0 && (a < 0.001 || a >= 1e7)) return String.format(Locale.ROOT, "%.3e", d);
            return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", d).replaceAll("(\\.\\d*?)0+$", "$1")
                    .replaceAll("\\.$", "");
        }
        return String.valueOf(v);
    }

    /**
     * An HTML rendering of a table, with a plain-text twin for kernels that cannot show HTML.
     *
     * @param html  the escaped HTML
     * @param plain the same table as fixed-width text
     */
    public record HtmlTable(String html, String plain) implements Html {
        @Override
        public String toString() {
            return plain;
        }
    }
}
