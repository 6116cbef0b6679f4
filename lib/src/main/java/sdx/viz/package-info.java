/**
 * Charts and tables for notebooks: {@link sdx.viz.Plot} (XChart, Okabe-Ito colours and distinct markers,
 * theory dashed in its measurement's hue, labelled grey reference lines {@code hline}/{@code vline}, tick
 * labels that are the values at their ticks, alt text), {@link sdx.viz.Tables} (Tablesaw tables as escaped HTML,
 * wall-clock columns marked), {@link sdx.viz.Picture} (drawn diagrams with alt text), {@link sdx.viz.Source}
 * (a library method's real source, shown inline) and the JJava display hook ({@link sdx.viz.JJavaDisplay}).
 */
package sdx.viz;
