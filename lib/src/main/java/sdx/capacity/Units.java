package sdx.capacity;

import java.util.Locale;
import sdx.capacity.Quantity.Dimension;

/**
 * The units an estimate is written in. Storage and bandwidth prefixes are decimal (SI: 1 KB = 1,000 bytes,
 * as disks and network links are sold); {@link #KIB} and friends are the binary ones (1 KiB = 1,024 bytes,
 * as memory is). A year is 365 days and a month a twelfth of it; a network link is rated in bits.
 */
public final class Units {
    private Units() {}

    public static final Quantity BYTE = new Quantity(1, new Dimension(1, 0, 0, 0, 0));
    public static final Quantity BIT = BYTE.times(1 / 8.0);
    public static final Quantity KB = BYTE.times(1e3), MB = BYTE.times(1e6), GB = BYTE.times(1e9);
    public static final Quantity TB = BYTE.times(1e12), PB = BYTE.times(1e15);
    public static final Quantity KIB = BYTE.times(1024), MIB = KIB.times(1024), GIB = MIB.times(1024);
    public static final Quantity GBIT = BIT.times(1e9);

    public static final Quantity SECOND = new Quantity(1, new Dimension(0, 1, 0, 0, 0));
    public static final Quantity MILLISECOND = SECOND.times(1e-3), MICROSECOND = SECOND.times(1e-6);
    public static final Quantity MINUTE = SECOND.times(60), HOUR = MINUTE.times(60), DAY = HOUR.times(24);
    public static final Quantity YEAR = DAY.times(365), MONTH = YEAR.times(1 / 12.0);

    public static final Quantity USER = new Quantity(1, new Dimension(0, 0, 1, 0, 0));
    public static final Quantity REQUEST = new Quantity(1, new Dimension(0, 0, 0, 1, 0));
    public static final Quantity SERVER = new Quantity(1, new Dimension(0, 0, 0, 0, 1));

    private static final Dimension BYTES = BYTE.dimension(), BYTE_RATE = BYTE.per(SECOND).dimension();
    private static final Dimension TIME = SECOND.dimension(), REQUEST_RATE = REQUEST.per(SECOND).dimension();
    private static final String[] SI = {"", "K", "M", "G", "T", "P", "E"};

    /** A readable form: "4.38 TB", "1.16 MB/s (9.26 Mbit/s)", "347 requests/s", "12 servers". */
    static String format(Quantity q) {
        Dimension d = q.dimension();
        double v = q.value();
        if (d.equals(BYTES)) return si(v, "B");
        if (d.equals(BYTE_RATE)) return si(v, "B/s") + " (" + si(v * 8, "bit/s") + ")";
        if (d.equals(REQUEST_RATE)) return number(v) + " requests/s";
        if (d.equals(TIME)) return time(v);
        if (d.equals(USER.dimension())) return number(v) + " users";
        if (d.equals(REQUEST.dimension())) return number(v) + " requests";
        if (d.equals(SERVER.dimension())) return number(v) + " servers";
        if (d.equals(Dimension.NONE)) return number(v);
        return number(v) + " " + d.words();
    }

    private static String si(double v, String unit) {
        int i = 0;
        double x = Math.abs(v);
        while (x >= 999.5 && i < SI.length - 1) {
            x /= 1000;
            v /= 1000;
            i++;
        }
        return number(v) + " " + SI[i] + unit;
    }

    private static String time(double s) {
        if (Math.abs(s) >= 86_400) return number(s / 86_400) + " days";
        if (Math.abs(s) >= 1) return number(s) + " s";
        if (Math.abs(s) >= 1e-3) return number(s * 1e3) + " ms";
        return number(s * 1e6) + " µs";
    }

    /** Three significant figures, grouped thousands for large whole numbers. */
    static String number(double v) {
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 100 || a == 0) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
