package sdx.availability;

import java.util.Locale;

/**
 * What a simulation of failures and repairs measured.
 *
 * @param availability  the share of the simulated time the system was up
 * @param standardError the standard error of {@code availability}, by batch means: the horizon is cut into
 *                      {@link FailureSimulation#BATCHES} equal batches, whose availabilities are nearly
 *                      independent when a batch is much longer than an outage
 * @param outages       how many times the system went down
 * @param years         simulated years
 * @param events        failures and repairs simulated (part events)
 */
public record Measurement(double availability, double standardError, long outages, double years, long events) {

    /** {@code 1 − availability}. */
    public double unavailability() {
        return 1 - availability;
    }

    /** Hours down per year. */
    public double downtimeHoursPerYear() {
        return unavailability() * Theory.HOURS_PER_YEAR;
    }

    /** Mean length of an outage in hours (NaN if there was none). */
    public double meanOutageHours() {
        return outages == 0 ? Double.NaN : unavailability() * years * Theory.HOURS_PER_YEAR / outages;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "availability %.6f ± %.6f (one standard error) over %.0f simulated years: "
                + "%d outages, %.2f h down per year", availability, standardError, years, outages, downtimeHoursPerYear());
    }
}
