package sdx.availability;

import java.util.Locale;

/** Durations in words for tables: "3.65 days", "8.77 h", "52.6 min", "5.26 min", "31.6 s". */
final class Durations {
    private Durations() {}

    static String format(double hours) {
        if (hours >= 48) return sig(hours / 24) + " days";
        if (hours >= 1) return sig(hours) + " h";
        if (hours * 60 >= 1) return sig(hours * 60) + " min";
        return sig(hours * 3600) + " s";
    }

    /** Three significant digits, no exponent. */
    private static String sig(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
