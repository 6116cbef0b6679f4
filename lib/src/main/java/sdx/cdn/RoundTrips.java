package sdx.cdn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;

/**
 * Measured round-trip times between cities, in milliseconds: the only real-world numbers of the CDN notebook.
 *
 * <p>Source: P. Reinheimer, <i>Miles per Millisecond: A Look at the WonderProxy Network</i>, WonderProxy blog,
 * 9 February 2011 (https://wonderproxy.com/blog/miles-per-milisecond/), table "Pings Between Cities": ICMP
 * ping round-trip times between WonderProxy's servers, every city pinged from every other. The table holds both
 * directions; each pair here is the value in the row of the first city named below (the two directions differ
 * by a few milliseconds). WonderProxy's successor site, WonderNetwork's global ping statistics, publishes
 * current figures; these are from 2011 and are typed here once, not re-measured.
 */
public final class RoundTrips {
    private RoundTrips() {}

    private static final Map<String, Double> MS = new LinkedHashMap<>();

    static {
        // row city, column city, ms (Reinheimer 2011, "Pings Between Cities")
        put("Baltimore", "Dallas", 35.64);
        put("Baltimore", "Fremont", 79.68);
        put("Baltimore", "Paris", 97.71);
        put("Baltimore", "Sydney", 251.07);
        put("Brisbane", "Dallas", 221.60);
        put("Brisbane", "Fremont", 174.38);
        put("Brisbane", "Paris", 335.79);
        put("Brisbane", "Sydney", 33.45);
        put("Dallas", "Fremont", 44.00);
        put("Milan", "Dallas", 139.86);
        put("Milan", "Fremont", 170.73);
        put("Milan", "Paris", 21.61);
        put("Milan", "Sydney", 344.70);
        put("Moscow", "Dallas", 169.04);
        put("Moscow", "Fremont", 209.00);
        put("Moscow", "Paris", 56.74);
        put("Moscow", "Sydney", 387.09);
        put("Paris", "Fremont", 175.19);
        put("Sydney", "Fremont", 191.96);
    }

    private static void put(String a, String b, double ms) {
        MS.put(key(a, b), ms);
    }

    private static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** The cities this table knows. */
    public static List<String> cities() {
        return MS.keySet().stream().flatMap(k -> java.util.Arrays.stream(k.split("\\|"))).distinct().sorted().toList();
    }

    /**
     * The round-trip time between two different cities of the table, in milliseconds.
     *
     * @throws IllegalArgumentException naming the pair if the table has no figure for it
     */
    public static double ms(String a, String b) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        Double v = MS.get(key(a, b));
        Check.that(v != null, "city pair", a + " - " + b,
                String.format(Locale.ROOT, "must be a pair from the table; cities: %s", cities()));
        return v;
    }
}
