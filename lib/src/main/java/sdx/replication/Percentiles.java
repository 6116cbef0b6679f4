package sdx.replication;

import java.util.Arrays;

/** Nearest-rank percentiles and means of µs samples, in ms. */
final class Percentiles {
    private Percentiles() {}

    static double ms(long[] micros, double p) {
        if (micros.length == 0) return Double.NaN;
        long[] s = micros.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1000.0;
    }

    static double meanMicros(long[] micros) {
        return micros.length == 0 ? Double.NaN : Arrays.stream(micros).average().orElse(Double.NaN);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
