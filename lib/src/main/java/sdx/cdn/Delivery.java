package sdx.cdn;

/** How objects reach the PoPs. */
public enum Delivery {
    /** Pull (origin pull): a PoP fetches an object from the origin on a miss, and keeps it for its TTL. */
    PULL,
    /**
     * Push: the origin sends every object, and every new version, to every PoP when it is published; requests never
     * go to the origin, and copies nobody asks for are sent anyway.
     */
    PUSH
}
