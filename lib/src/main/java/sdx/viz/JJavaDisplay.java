package sdx.viz;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
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
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((plot, ctx) -> ctx.getOutputContainer().assign(imageData(ctx.getRenderer().render(plot.image()), plot)));
        renderer.createRegistration(Picture.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((picture, ctx) -> ctx.getOutputContainer().assign(pictureData(ctx.getRenderer().render(picture.image()), picture)));
        renderer.createRegistration(Html.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((view, ctx) -> ctx.getOutputContainer().assign(htmlData(view)));
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> ctx.getOutputContainer().assign(htmlData(Tables.html(table))));
    }

    /** The PNG as JJava encodes a BufferedImage, with a stable text twin (not the image's identity hash). */
    private static DisplayData imageData(DisplayData png, Plot plot) {
        png.putText(plot.toString());
        return png;
    }

    private static DisplayData pictureData(DisplayData png, Picture picture) {
        png.putText(picture.toString());
        return png;
    }

    private static DisplayData htmlData(Html view) {
        DisplayData data = new DisplayData(view.toString());
        data.putHTML(view.html());
        return data;
    }
}
