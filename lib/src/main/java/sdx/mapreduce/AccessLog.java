package sdx.mapreduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import sdx.core.Check;
import sdx.core.Rng;

/**
 * A seeded web-server access log in the Common Log Format (the format of Apache httpd and nginx):
 * <pre>203.0.113.7 - - [10/Oct/2026:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326</pre>
 * The status code is the field right after the quoted request. Paths and sizes sometimes contain
 * digits that look like status codes ({@code /errors/404.html} served with 200), so a mapper must
 * parse the line, not search it.
 */
public final class AccessLog {
    private AccessLog() {}

    private static final int[] STATUS = {200, 304, 404, 301, 500, 503, 403, 201};
    private static final double[] WEIGHT = {0.70, 0.08, 0.08, 0.04, 0.03, 0.02, 0.02, 0.03};
    private static final String[] PATHS = {"/", "/index.html", "/api/orders", "/api/users/42", "/img/logo.png",
        "/errors/404.html", "/search?q=500+days", "/static/app.js", "/login", "/docs/200-ok.txt"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final Pattern STATUS_FIELD = Pattern.compile("\" (\\d{3}) ");

    /** {@code lines} log lines, the same for the same seed. */
    public static List<String> generate(int lines, long seed) {
        Check.positive("lines", lines);
        UniformRandomProvider rng = Rng.of(seed);
        List<String> out = new ArrayList<>(lines);
        long second = 0;
        for (int i = 0; i < lines; i++) {
            second += rng.nextInt(3);
            int status = pickStatus(rng.nextDouble());
            String ip = (rng.nextBoolean() ? "203.0.113." : "198.51.100.") + (1 + rng.nextInt(254));
            String user = rng.nextInt(10) == 0 ? "frank" : "-";
            String size = status == 304 ? "-" : Integer.toString(rng.nextInt(50_000));
            out.add(String.format(Locale.ROOT, "%s - %s [%02d/%s/2026:%02d:%02d:%02d +0000] \"%s %s HTTP/1.1\" %d %s", ip, user,
                    1 + (int) (second / 86_400) % 28, MONTHS[(int) (second / (86_400 * 28)) % 12],
                    (second / 3600) % 24, (second / 60) % 60, second % 60,
                    METHODS[rng.nextInt(METHODS.length)], PATHS[rng.nextInt(PATHS.length)], status, size));
        }
        return out;
    }

    /** The status code of one log line (the 3 digits after the quoted request). */
    public static int status(String line) {
        Check.notNull("line", line);
        Matcher m = STATUS_FIELD.matcher(line);
        if (!m.find()) throw Check.fail("line is not in Common Log Format, was " + line);
        return Integer.parseInt(m.group(1));
    }

    /** The oracle: status code -> number of lines, counted sequentially. */
    public static Map<Integer, Integer> statusCounts(List<String> lines) {
        Check.notNull("lines", lines);
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String line : lines) counts.merge(status(line), 1, Integer::sum);
        return counts;
    }

    private static int pickStatus(double u) {
        double acc = 0;
        for (int i = 0; i < STATUS.length; i++) {
            acc += WEIGHT[i];
            if (u < acc) return STATUS[i];
        }
        return STATUS[0];
    }
}
