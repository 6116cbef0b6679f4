package sdx.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import sdx.core.Check;

/**
 * A drawn picture that is not an XChart chart (a sequence diagram, a ring, a timeline), with the
 * alternative text a screen reader says for it. Shown inline as a PNG when it is the last expression of
 * a cell; {@link #image()} works in any kernel.
 *
 * @param image   the pixels
 * @param altText one or two sentences: what is drawn and what it shows
 */
public record Picture(BufferedImage image, String altText) implements Html {
    public Picture {
        Check.notNull("image", image);
        Check.notNull("altText", altText);
    }

    /** The PNG bytes. */
    public byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code <img>} with the PNG inlined and the alt text escaped. */
    @Override
    public String html() {
        return "<img alt=\"" + Html.escape(altText) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png()) + "\"/>";
    }

    @Override
    public String toString() {
        return "Picture[" + image.getWidth() + "x" + image.getHeight() + ": " + altText + "]";
    }
}
