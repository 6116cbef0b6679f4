package sdx.security.exercises;

/** Exercise 2's defences. */
public enum Defence {
    /** Encode untrusted text for the HTML context it is placed in. */
    OUTPUT_ENCODING("encodes untrusted text for the place in the page where it goes"),
    /** Send SQL with placeholders and the values separately. */
    PREPARED_STATEMENTS("keeps SQL and values apart: placeholders in the query, values sent on their own"),
    /** A token bucket per client: requests beyond the client's rate are refused with 429. */
    PER_CLIENT_RATE_LIMIT("caps each client's request rate"),
    /** At most a few connections per client. */
    CONNECTION_CAP("caps how many connections each client may hold"),
    /** A bounded queue; when it is full, reject at once with 503. */
    LOAD_SHEDDING("refuses work early when the server is full, so what it accepts is served in time"),
    /** Networks drop outgoing packets whose source address is not theirs (BCP 38 ingress filtering). */
    SOURCE_ADDRESS_VALIDATION("stops packets with forged source addresses from leaving their network"),
    /** Serve the site over TLS. */
    HTTPS("encrypts and authenticates the bytes between browser and server"),
    /** Reject input that contains words like SELECT or script. */
    INPUT_BLOCKLIST("rejects input that looks dangerous, by a list of patterns"),
    /** A Content-Security-Policy header forbidding inline scripts. */
    CONTENT_SECURITY_POLICY("tells the browser not to run inline scripts, a second line of defence"),
    /** Buy a server twice as large. */
    BIGGER_SERVER("doubles the capacity");

    private final String does;

    Defence(String does) {
        this.does = does;
    }

    /** What it does (said when it is picked for the wrong attack). */
    String does() {
        return does;
    }
}
