package sdx.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import sdx.core.Check;

/**
 * An opaque keyset cursor: the last id of a page, base64url-encoded ("after:42" becomes "YWZ0ZXI6NDI").
 * Opaque so that clients pass it back unread and the server may change what is inside.
 */
public final class Cursor {
    private Cursor() {}

    /** The cursor for "the items after {@code lastId}" (lastId >= 0). */
    public static String encode(long lastId) {
        Check.that(lastId >= 0, "lastId", lastId, "must be >= 0");
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("after:" + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id a cursor made by {@link #encode} holds, or empty for anything else. */
    public static Optional<Long> decode(String cursor) {
        if (cursor == null) return Optional.empty();
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            return s.matches("after:(0|[1-9][0-9]{0,17})") ? Optional.of(Long.parseLong(s.substring(6))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
