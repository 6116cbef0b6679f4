package sdx.replication;

import java.util.Comparator;
import sdx.core.Check;

/**
 * A value with its version, as a leaderless replica stores it: the write's version number and the
 * coordinator that wrote it (two coordinators can give concurrent writes the same number).
 *
 * @param version a write's number, higher is newer
 * @param writer  the coordinator that wrote it; breaks ties between equal versions
 * @param value   the value
 */
public record Versioned(long version, String writer, String value) {
    /** Newer first by version, then by writer name, so every reader picks the same winner of a tie. */
    public static final Comparator<Versioned> NEWER = Comparator.comparingLong(Versioned::version)
            .thenComparing(Versioned::writer);

    public Versioned {
        Check.that(version >= 0, "version", version, "must be >= 0");
        Check.notNull("writer", writer);
        Check.notNull("value", value);
    }
}
