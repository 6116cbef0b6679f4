package sdx.replication;

import java.util.Optional;
import sdx.core.Check;

/**
 * One replica's answer to a quorum read.
 *
 * @param replica the replica that answered
 * @param value   what it holds for the key; empty if it never received a write of the key
 */
public record Reply(String replica, Optional<Versioned> value) {
    public Reply {
        Check.notNull("replica", replica);
        Check.notNull("value", value);
    }

    /** A reply holding {@code value}. */
    public static Reply of(String replica, Versioned value) {
        return new Reply(replica, Optional.of(value));
    }

    /** A reply from a replica that has no value for the key. */
    public static Reply none(String replica) {
        return new Reply(replica, Optional.empty());
    }
}
