package sdx.dcache;

/** A change of a cache cluster's membership. */
public enum Change {
    /** A new, empty node joins the ring. */
    JOIN,
    /** A node dies and its memory is lost; it leaves the ring. */
    DEATH
}
