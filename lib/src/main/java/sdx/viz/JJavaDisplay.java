package sdx.viz;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The JJava display hook, found by JJava through {@code META-INF/services} when the library is put on
 * the classpath: a {@link Plot} shows as a PNG, a Tablesaw {@link Table} and any {@link Html} as
 * HTML. Kernels without this hook (IJava) still show {@code plot.image()}.
 */
public final class JJavaDisplay implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        var renderer = kernel.getRenderer();
        renderer.createRegistration(Plot.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((plot, ctx) -> ctx.getOutputContainer().assign(
                        imageData(ctx.getRenderer().render(plot.image()), plot.altText())));
        renderer.createRegistration(Picture.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((picture, ctx) -> ctx.getOutputContainer().assign(
                        imageData(ctx.getRenderer().render(picture.image()), picture.altText())));
        renderer.createRegistration(Html.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((view, ctx) -> ctx.getOutputContainer().assign(htmlData(view)));
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> ctx.getOutputContainer().assign(htmlData(Tables.html(table))));
    }

    /**
     * The PNG as JJava encodes a BufferedImage, plus the same PNG as an {@code <img alt=...>} in
     * text/html (which JupyterLab and nbconvert's HTML export prefer, so the exported site carries the
     * alt text), the alt text as the image's metadata (nbconvert's classic template reads it) and as
     * the plain-text twin (stable, unlike the image's identity hash).
     */
    static DisplayData imageData(DisplayData png, String altText) {
        Object base64 = png.getData(MIMEType.IMAGE_PNG);
        DisplayData data = new DisplayData(altText);
        data.putData(MIMEType.IMAGE_PNG, base64);
        data.putMetaData(MIMEType.IMAGE_PNG, Map.of("alt", altText));
        data.putHTML("<img alt=\"" + Html.escape(altText) + "\" src=\"data:image/png;base64," + base64 + "\"/>");
        return data;
    }

    private static DisplayData htmlData(Html view) {
        DisplayData data = new DisplayData(view.toString());
        data.putHTML(view.html());
        return data;
    }
}
