package sdx.transactions;

/** What went wrong in an interleaving, if anything. */
public enum Anomaly {
    /** The result equals some serial order of the committed transactions. */
    NONE,
    /** Two committed transactions read a key and both wrote it: one write is lost. */
    LOST_UPDATE,
    /** Two committed transactions read overlapping keys and wrote different ones: a constraint over both breaks. */
    WRITE_SKEW,
    /** A transaction read the same key twice and saw two values. */
    NON_REPEATABLE_READ,
    /** Not serializable, and none of the named patterns. */
    OTHER
}
