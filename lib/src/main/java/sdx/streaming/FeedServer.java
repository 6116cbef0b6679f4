package sdx.streaming;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.core.Check;
import sdx.net.LoopbackServer;
import sdx.net.LoopbackServer.Reply;

/**
 * A real HTTP feed server on 127.0.0.1 (an {@link sdx.net.LoopbackServer}) offering one {@link EventLog} three
 * ways:
 * <ul>
 *   <li>{@code GET /poll?after=N}: short poll, answered at once with the events after N (maybe none);</li>
 *   <li>{@code GET /longpoll?after=N&timeout=MS}: long poll, answered by a {@link LongPoll};</li>
 *   <li>{@code GET /stream?after=N} (or a {@code Last-Event-ID: N} header, which wins): server-sent events, the
 *       backlog after N and then each new event as it is published, with a heartbeat comment every second.</li>
 * </ul>
 * A poll's body has one line per event, {@code "seq published data"} ({@link #parse}); an SSE event has id
 * {@code seq} and data {@code "published data"}. Every held request (long poll or stream) occupies one of the
 * server's worker threads, which is why {@code workers} must cover the clients. {@link #close()} stops it all.
 */
public final class FeedServer implements AutoCloseable {
    private final LoopbackServer server;

    private FeedServer(LoopbackServer server) {
        this.server = server;
    }

    /** Starts a feed server over {@code log}, long polls answered by {@code longPoll}, with {@code workers} threads (1..256). */
    public static FeedServer start(EventLog log, LongPoll longPoll, int workers) {
        Check.notNull("log", log);
        Check.notNull("longPoll", longPoll);
        Check.inRange("workers", workers, 1, 256);
        return new FeedServer(LoopbackServer.start("feed", workers, request -> route(request, log, longPoll)));
    }

    private static Reply route(LoopbackServer.Request request, EventLog log, LongPoll longPoll) throws Exception {
        Map<String, String> params = request.params();
        long after;
        try {
            after = Long.parseLong(request.header("Last-Event-ID").orElse(params.getOrDefault("after", "0")));
        } catch (NumberFormatException e) {
            return Reply.of(400, "after (or Last-Event-ID) must be a whole number >= 0");
        }
        if (after < 0) return Reply.of(400, "after must be >= 0, was " + after);
        switch (request.path()) {
            case "/poll":
                return Reply.ok(format(log.after(after)));
            case "/longpoll":
                long timeout;
                try {
                    timeout = Long.parseLong(params.getOrDefault("timeout", "1000"));
                } catch (NumberFormatException e) {
                    return Reply.of(400, "timeout must be a whole number of ms");
                }
                if (timeout <= 0 || timeout > 60_000) return Reply.of(400, "timeout must be 1..60000 ms, was " + timeout);
                List<FeedEvent> events = longPoll.poll(log, after, timeout);
                if (events == null) return Reply.of(500, "the long-poll handler returned null");
                return Reply.ok(format(events));
            case "/stream":
                return Reply.events(sink -> stream(log, after, sink));
            default:
                return Reply.of(404, "try /poll, /longpoll or /stream");
        }
    }

    private static void stream(EventLog log, long after, LoopbackServer.EventSink sink) throws InterruptedException {
        long cursor = after;
        while (sink.isOpen()) {
            List<FeedEvent> news;
            synchronized (log) {
                if (log.latestSeq() <= cursor) log.wait(1_000);
                news = log.after(cursor);
            }
            if (news.isEmpty()) {
                if (!sink.comment("heartbeat")) return;
                continue;
            }
            for (FeedEvent e : news) {
                if (!sink.send(Long.toString(e.seq()), e.published() + " " + e.data())) return;
                cursor = e.seq();
            }
        }
    }

    /** Events as a poll's body: one line "seq published data" each. */
    public static String format(List<FeedEvent> events) {
        Check.notNull("events", events);
        StringBuilder sb = new StringBuilder();
        for (FeedEvent e : events) sb.append(String.format(Locale.ROOT, "%d %d %s%n", e.seq(), e.published(), e.data()));
        return sb.toString();
    }

    /** The events in a poll's body (the inverse of {@link #format}). */
    public static List<FeedEvent> parse(String body) {
        Check.notNull("body", body);
        List<FeedEvent> events = new ArrayList<>();
        for (String line : body.split("\\R")) {
            if (line.isEmpty()) continue;
            String[] f = line.split(" ", 3);
            Check.that(f.length >= 2, "body", line, "must have lines 'seq published data'");
            events.add(new FeedEvent(Long.parseLong(f[0]), Long.parseLong(f[1]), f.length > 2 ? f[2] : ""));
        }
        return events;
    }

    /** The base address, http://127.0.0.1:port */
    public URI uri() {
        return server.uri();
    }

    /** Requests received so far (streams counted once, when opened). */
    public long requestsHandled() {
        return server.requestsHandled();
    }

    /** Requests in progress or queued right now: held long polls and open streams included. */
    public int requestsInside() {
        return server.requestsInside();
    }

    /** Streams open now. */
    public int openStreams() {
        return server.openStreams();
    }

    /** Stops the server; held requests and streams end. Idempotent. */
    @Override
    public void close() {
        server.close();
    }
}
