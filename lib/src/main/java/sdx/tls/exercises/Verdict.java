package sdx.tls.exercises;

/** What a client concludes about the certificate a server presented (exercise 1). */
public enum Verdict {
    /** Trusted, valid now, and for the host name asked for. */
    OK,
    /** Its validity period ended before now. */
    EXPIRED,
    /** Its validity period starts after now. */
    NOT_YET_VALID,
    /** None of its subject alternative DNS names is the host name asked for. */
    WRONG_HOST,
    /** No trusted root signed it. */
    UNKNOWN_CA,
    /** It is signed by its own key (issuer = subject) and not itself trusted. */
    SELF_SIGNED
}
