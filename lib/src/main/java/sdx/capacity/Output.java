package sdx.capacity;

import java.util.function.Function;

/** A figure of the {@link PhotoEstimate} that a sensitivity chart follows. */
public enum Output {
    SERVERS("servers", PhotoEstimate::servers),
    TOTAL_STORAGE("total storage", PhotoEstimate::totalStorage),
    PEAK_EGRESS("peak egress", PhotoEstimate::peakEgress),
    CACHE("cache size", PhotoEstimate::cache);

    private final String label;
    private final Function<PhotoEstimate, Quantity> figure;

    Output(String label, Function<PhotoEstimate, Quantity> figure) {
        this.label = label;
        this.figure = figure;
    }

    /** The figure in words. */
    public String label() {
        return label;
    }

    /** This figure of {@code estimate}. */
    public Quantity of(PhotoEstimate estimate) {
        return figure.apply(estimate);
    }
}
