package sdx.streaming;

import java.util.Locale;

/** How a client learns about new events on a server. */
public enum Protocol {
    /** Ask every polling interval; the server answers at once, with whatever is new (often nothing). */
    SHORT_POLL,
    /** Ask, and the server holds the request open until something is new or a timeout passes; ask again at once. */
    LONG_POLL,
    /** One request; the server keeps the response open and writes each event as it happens (server-sent events). */
    SSE;

    /** "short polling", "long polling", "SSE streaming". */
    public String label() {
        return switch (this) {
            case SHORT_POLL -> "short polling";
            case LONG_POLL -> "long polling";
            case SSE -> "SSE streaming";
        };
    }

    @Override
    public String toString() {
        return label().toLowerCase(Locale.ROOT);
    }
}
