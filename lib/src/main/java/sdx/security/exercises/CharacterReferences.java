package sdx.security.exercises;

/**
 * What a browser does to text and attribute values before showing them: replace character references
 * ({@code &amp;lt;}, {@code &amp;#60;}, {@code &amp;#x3c;}) by the characters they stand for. Only references ended by
 * a semicolon and these names are decoded: amp, lt, gt, quot, apos, nbsp. Anything else stays as written, as
 * an ampersand that starts no reference does in HTML.
 */
final class CharacterReferences {
    private CharacterReferences() {}

    static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            String decoded = semi > i + 1 && semi - i <= 12 ? reference(s.substring(i + 1, semi)) : null;
            if (decoded == null) {
                out.append(c);
                i++;
            } else {
                out.append(decoded);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    private static String reference(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) return Character.toString(Integer.parseInt(name.substring(2), 16));
            if (name.startsWith("#")) return Character.toString(Integer.parseInt(name.substring(1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            default -> null;
        };
    }
}
