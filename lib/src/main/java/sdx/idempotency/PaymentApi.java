package sdx.idempotency;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import sdx.core.Check;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;
import sdx.net.LoopbackServer.Request;

/**
 * A real payments endpoint on 127.0.0.1: {@code POST /payments} with the body {@code account=alice&cents=500}
 * charges once and answers {@code 201} with the charge id. With {@code keys} on, it honours an
 * {@code Idempotency-Key} header the way Stripe does: the key is stored with the request and its answer; the
 * same key with the same request gets the stored answer again (marked {@code Idempotent-Replayed: true}, no
 * new charge); the same key with another request gets {@code 422}. Keys are kept for the server's life (a
 * real service expires them, e.g. after 24 hours).
 */
public final class PaymentApi implements AutoCloseable {
    private record Stored(String body, Reply reply) {}

    private final boolean keys;
    private final Map<String, Stored> byKey = new HashMap<>();
    private final AtomicInteger charges = new AtomicInteger(), requests = new AtomicInteger();
    private final LoopbackServer server;

    private PaymentApi(boolean keys) {
        this.keys = keys;
        this.server = LoopbackServer.start("payments", this::handle);
    }

    /** Starts the endpoint on an ephemeral port of 127.0.0.1; {@code keys}: honour {@code Idempotency-Key}. */
    public static PaymentApi start(boolean keys) {
        return new PaymentApi(keys);
    }

    private Reply handle(Request r) {
        if (!"/payments".equals(r.path())) return Reply.of(404, "no such resource: " + r.path());
        if (!"POST".equals(r.method())) return Reply.of(405, "use POST").withHeader("Allow", "POST");
        requests.incrementAndGet();
        Map<String, String> form = form(r.body());
        if (!form.containsKey("account") || !form.getOrDefault("cents", "").matches("[1-9][0-9]{0,8}")) {
            return Reply.of(400, "the body must be account=<name>&cents=<1 to 999999999>");
        }
        String key = keys ? r.header("Idempotency-Key").orElse(null) : null;
        if (key == null) return charge(form);
        synchronized (byKey) {                               // look up, charge and store: one step
            Stored s = byKey.get(key);
            if (s == null) {
                s = new Stored(r.body(), charge(form));
                byKey.put(key, s);
                return s.reply();
            }
            if (!s.body().equals(r.body())) {
                return Reply.of(422, "Idempotency-Key " + key + " was used for another request");
            }
            return s.reply().withHeader("Idempotent-Replayed", "true");
        }
    }

    private Reply charge(Map<String, String> form) {
        int id = charges.incrementAndGet();
        return Reply.of(201, "charged ch_" + id + ": " + form.get("cents") + " cents to " + form.get("account"))
                .withHeader("Location", "/payments/ch_" + id);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    }

    /** Where to send requests. */
    public URI uri() {
        return server.uri();
    }

    /** Charges made so far. */
    public int charges() {
        return charges.get();
    }

    /** POST /payments requests that arrived so far. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "PaymentApi(" + server.uri() + ", keys " + (keys ? "honoured" : "ignored") + ")";
    }

    static String body(String account, long cents) {
        Check.that(account.matches("[a-z0-9]+"), "account", account, "must be lower-case letters and digits");
        Check.that(cents >= 1 && cents <= 999_999_999, "cents", cents, "must be 1 to 999,999,999");
        return "account=" + account + "&cents=" + cents;
    }
}
