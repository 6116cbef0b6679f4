package sdx.capacity.exercises;

import sdx.core.Check;

/**
 * Exercise 1's service, a URL shortener: how many short URLs are created, how often each is read, how
 * big a stored record is, and for how long records are kept.
 *
 * @param newUrlsPerMonth short URLs created per month
 * @param readsPerWrite   redirects (reads) per URL created
 * @param bytesPerUrl     bytes stored per URL (long URL, short code, owner, dates)
 * @param years           years the records are kept
 */
public record ShortenerLoad(double newUrlsPerMonth, double readsPerWrite, double bytesPerUrl, double years) {
    public ShortenerLoad {
        Check.positive("newUrlsPerMonth", newUrlsPerMonth);
        Check.atLeast("readsPerWrite", readsPerWrite, 0);
        Check.positive("bytesPerUrl", bytesPerUrl);
        Check.positive("years", years);
    }

    /** The exercise's example: 100 million new URLs a month, 100 reads per URL, 500 bytes each, 5 years. */
    public static ShortenerLoad example() {
        return new ShortenerLoad(100e6, 100, 500, 5);
    }
}
