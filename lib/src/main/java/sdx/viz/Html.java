package sdx.viz;

/**
 * Anything that shows itself as HTML in a notebook (tables, grading reports). JJava renders it
 * inline when it is the last expression of a cell; elsewhere call {@code display(x.html(), "text/html")}.
 */
public interface Html {
    /** The HTML fragment; all text from data or learners is escaped. */
    String html();

    /** Escapes {@code & < > " '} so untrusted text cannot become markup. */
    static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
