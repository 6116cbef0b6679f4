package sdx.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sdx.core.Check;
import sdx.net.LoopbackClient;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Notebook 23's experiments, one call per cell. */
public final class Security {
    private Security() {}

    /** Classic XSS payloads (strings only: shown as text, never run by the notebook). */
    public static final List<String> PAYLOADS = List.of(
            "<script>window.xss = (window.xss || 0) + 1</script>",
            "<img src=x onerror=\"window.xss = (window.xss || 0) + 1\">",
            "\" onmouseover=\"window.xss = 1",
            "\";window.xss = 1;//",
            "Tom & Jerry say 2 < 3");

    /** The flood model at each attack rate, for every protection (seeded, virtual time). */
    public static FloodSweep floodModel(FloodSettings s, double[] attackRates, double seconds, long seed) {
        Check.notNull("settings", s);
        Check.notNull("attackRates", attackRates);
        Check.that(attackRates.length > 0, "attackRates", "[]", "must not be empty");
        Map<Protection, List<FloodOutcome>> out = new EnumMap<>(Protection.class);
        for (Protection p : Protection.values()) {
            List<FloodOutcome> list = new ArrayList<>();
            for (int i = 0; i < attackRates.length; i++) list.add(FloodModel.run(s, p, attackRates[i], seconds, seed + i));
            out.put(p, list);
        }
        return new FloodSweep(s, seconds, attackRates, out);
    }

    /**
     * The same flood on the real server on 127.0.0.1, once per protection ({@code seconds} each, at most
     * {@link FloodRun#MAX_SECONDS}), beside the model over 20 virtual seconds.
     */
    public static FloodComparison floodLoopback(FloodSettings s, double attackRate, double seconds, long seed) {
        Check.notNull("settings", s);
        List<FloodOutcome> real = new ArrayList<>(), model = new ArrayList<>();
        for (Protection p : Protection.values()) {
            real.add(FloodRun.run(s, p, attackRate, seconds, seed));
            model.add(FloodModel.run(s, p, attackRate, 20, seed));
        }
        return new FloodComparison(s, attackRate, real, model);
    }

    /**
     * Stored XSS: posts each payload to a fresh board over HTTP, fetches the unsafe and the encoded page, and shows
     * each comment's line of HTML from both, as text.
     */
    public static Table storedXss(List<String> payloads) {
        Check.notNull("payloads", payloads);
        Check.that(!payloads.isEmpty() && payloads.size() <= 20, "payloads", payloads.size(), "must hold 1 to 20 strings");
        try (CommentBoard board = CommentBoard.start(); LoopbackClient client = LoopbackClient.to(board.uri())) {
            for (String p : payloads) {
                var r = client.send("POST", "/comments", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "text=" + URLEncoder.encode(p, StandardCharsets.UTF_8));
                Check.that(r.status() == 201, "payload", p, "was not stored: " + r.status() + " " + r.body());
            }
            List<String> unsafe = lines(client.get("/board?mode=unsafe").body(), "<li");
            List<String> encoded = lines(client.get("/board?mode=encoded").body(), "<li");
            return Table.create("Stored XSS: each comment's line of HTML, as the browser receives it").addColumns(
                    StringColumn.create("payload", payloads),
                    StringColumn.create("unsafe page (concatenation)", unsafe),
                    StringColumn.create("encoded page (OWASP Java Encoder)", encoded));
        }
    }

    /**
     * Reflected XSS: one search query in the URL, echoed by the unsafe, encoded and CSP pages; shows the echoed
     * line, the page's last script line and the Content-Security-Policy header each page was sent with.
     */
    public static Table reflectedXss(String query) {
        Check.notNull("query", query);
        List<String> mode = new ArrayList<>(), echoed = new ArrayList<>(), script = new ArrayList<>(), policy = new ArrayList<>();
        try (CommentBoard board = CommentBoard.start(); LoopbackClient client = LoopbackClient.to(board.uri())) {
            for (CommentBoard.Mode m : CommentBoard.Mode.values()) {
                var r = client.get("/search?mode=" + CommentBoard.lower(m) + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                mode.add(CommentBoard.lower(m));
                echoed.add(String.join("", lines(r.body(), "<p id=\"q\">")));
                script.add(String.join("", lines(r.body(), "<script>")));
                policy.add(r.headers().getOrDefault("content-security-policy", "(none)"));
            }
        }
        return Table.create("Reflected XSS: GET /search?q=<the payload>").addColumns(
                StringColumn.create("mode", mode), StringColumn.create("echoed line", echoed),
                StringColumn.create("script line", script), StringColumn.create("Content-Security-Policy", policy));
    }

    private static List<String> lines(String html, String prefix) {
        return html.lines().filter(l -> l.startsWith(prefix)).toList();
    }
}
