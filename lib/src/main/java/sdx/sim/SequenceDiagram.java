package sdx.sim;

import java.awt.image.BufferedImage;
import sdx.viz.Picture;

/** Draws a {@link TraceLog} as a sequence diagram (placeholder until the full renderer lands). */
public final class SequenceDiagram {
    private final TraceLog log;

    private SequenceDiagram(TraceLog log) {
        this.log = log;
    }

    /** A diagram of {@code log}. */
    public static SequenceDiagram of(TraceLog log) {
        return new SequenceDiagram(sdx.core.Check.notNull("log", log));
    }

    /** The picture. */
    public Picture draw() {
        return new Picture(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), log.size() + " events");
    }
}
