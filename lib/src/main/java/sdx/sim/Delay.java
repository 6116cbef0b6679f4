package sdx.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import sdx.core.Check;

/**
 * A one-way message delay distribution, in microseconds. Jitter (any spread) reorders messages;
 * a constant delay keeps each link first-in first-out.
 */
public interface Delay {
    /** One delay in microseconds, {@code >= 0}, drawn from {@code random}. */
    long sample(RandomGenerator random);

    /** Always {@code micros}. */
    static Delay constant(long micros) {
        Check.that(micros >= 0, "micros", micros, "must be >= 0");
        return named(r -> micros, String.format(Locale.ROOT, "constant %.3f ms", Time.toMs(micros)));
    }

    /** Uniform in {@code [minMicros, maxMicros]}. */
    static Delay uniform(long minMicros, long maxMicros) {
        Check.that(minMicros >= 0, "minMicros", minMicros, "must be >= 0");
        Check.that(maxMicros >= minMicros, "maxMicros", maxMicros, "must be >= minMicros (" + minMicros + ")");
        long span = maxMicros - minMicros + 1;
        return named(r -> minMicros + r.nextLong(span),
                String.format(Locale.ROOT, "uniform %.3f..%.3f ms", Time.toMs(minMicros), Time.toMs(maxMicros)));
    }

    /**
     * Log-normal with median {@code medianMicros} and shape {@code sigma} (the standard deviation of the
     * log): a long right tail, as measured on real networks. sigma 0.5 puts p99 at about 3.2 x median.
     */
    static Delay logNormal(long medianMicros, double sigma) {
        Check.positive("medianMicros", medianMicros);
        Check.atLeast("sigma", sigma, 0.0);
        double mu = Math.log(medianMicros);
        return named(r -> Math.round(Math.exp(mu + sigma * r.nextGaussian())),
                String.format(Locale.ROOT, "log-normal median %.3f ms sigma %.2f", Time.toMs(medianMicros), sigma));
    }

    /** One of {@code micros}, each equally likely (an empirical table, e.g. measured pings). */
    static Delay table(long... micros) {
        Check.notNull("micros", micros);
        Check.that(micros.length > 0, "micros", "[]", "must hold at least one delay");
        long[] copy = micros.clone();
        for (int i = 0; i < copy.length; i++) {
            Check.that(copy[i] >= 0, "micros[" + i + "]", copy[i], "must be >= 0");
        }
        return named(r -> copy[r.nextInt(copy.length)], "table of " + copy.length + " delays "
                + Arrays.toString(Arrays.stream(copy).limit(5).toArray()) + (copy.length > 5 ? "..." : ""));
    }

    /** {@code delay} with a readable {@code toString}. */
    private static Delay named(Delay delay, String name) {
        return new Delay() {
            @Override
            public long sample(RandomGenerator random) {
                return delay.sample(random);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
