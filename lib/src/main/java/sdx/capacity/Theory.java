package sdx.capacity;

import org.apache.commons.math3.special.Erf;
import sdx.core.Check;

/**
 * The closed forms notebook 24 draws beside its runs.
 *
 * <p>An uncertain assumption given as a 90% interval {@code [low, high]} is modelled as lognormal: its
 * logarithm is normal with mean {@code ln sqrt(low * high)} and standard deviation
 * {@code ln(high / low) / (2 * 1.6449)}, 1.6449 being the standard normal's 95th percentile. The
 * logarithm of a product of independent factors is the sum of their logarithms, so a product of
 * lognormal factors is lognormal again, with the means and the <em>variances</em> of the logs added
 * (Aitchison and Brown, "The Lognormal Distribution", 1957). That is why the uncertainties of a
 * back-of-the-envelope estimate compound more slowly than multiplying the interval ends suggests.
 */
public final class Theory {
    private Theory() {}

    /** The standard normal's 95th percentile: a 90% interval spans this many standard deviations each side. */
    public static final double Z90 = 1.6448536269514722;

    /** A lognormal distribution by the mean and standard deviation of its logarithm. */
    public record LogNormal(double mu, double sigma) {
        public LogNormal {
            Check.that(Double.isFinite(mu), "mu", mu, "must be finite");
            Check.atLeast("sigma", sigma, 0);
        }

        /** The lognormal whose 90% interval is {@code [low, high]}. */
        public static LogNormal ofInterval(double low, double high) {
            Check.positive("low", low);
            Check.that(high >= low, "high", high, "must be >= low (" + low + ")");
            return new LogNormal(0.5 * (Math.log(low) + Math.log(high)), Math.log(high / low) / (2 * Z90));
        }

        /** P(X <= x). */
        public double cdf(double x) {
            if (x <= 0) return 0;
            if (sigma == 0) return x >= Math.exp(mu) ? 1 : 0;
            return 0.5 * Erf.erfc(-(Math.log(x) - mu) / (sigma * Math.sqrt(2)));
        }

        /** The {@code p}-quantile, 0 < p < 1. */
        public double quantile(double p) {
            Check.that(p > 0 && p < 1, "p", p, "must be in (0, 1)");
            return Math.exp(mu + sigma * Math.sqrt(2) * Erf.erfInv(2 * p - 1));
        }

        /** This distribution times a constant {@code c > 0}. */
        public LogNormal times(double c) {
            Check.positive("c", c);
            return new LogNormal(mu + Math.log(c), sigma);
        }

        /** The product of this and an independent lognormal: logs' means and variances add. */
        public LogNormal times(LogNormal other) {
            return new LogNormal(mu + other.mu, Math.hypot(sigma, other.sigma));
        }
    }

    /**
     * The largest request rate one server sustains when each resource alone is the limit, per second:
     * cores x requests per core; the link's bits over the response's bits; disk operations over the
     * share of requests that miss the cache.
     */
    public static double[] limits(Server s, double responseBytes, double cacheHitRatio) {
        double cpu = s.cores() * s.requestsPerCorePerSecond();
        double network = s.nicGigabitsPerSecond() * 1e9 / (8 * responseBytes);
        double disk = cacheHitRatio >= 1 ? Double.POSITIVE_INFINITY : s.diskIops() / (1 - cacheHitRatio);
        return new double[] {cpu, network, disk};
    }
}
