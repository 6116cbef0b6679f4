package sdx.tls;

/**
 * One TLS record as seen on the wire by a {@link WireTap}: who sent it, its content type (the 5-byte record
 * header is always in the clear), its size on the wire (header included) and what an observer can tell
 * about its content.
 *
 * @param fromClient true for client to server
 * @param type       the record's content type: handshake, change_cipher_spec, alert, application_data
 * @param wireBytes  bytes on the wire: 5 header bytes plus the payload
 * @param content    what is visible: plaintext handshake messages by name ("ClientHello"), else "encrypted"
 */
public record TlsRecord(boolean fromClient, String type, int wireBytes, String content) {
    /** "client → server" or "server → client". */
    public String direction() {
        return fromClient ? "client → server" : "server → client";
    }
}
