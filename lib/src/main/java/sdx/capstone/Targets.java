package sdx.capstone;

import sdx.core.Check;

/**
 * What the design must achieve, one or more targets per principle of the course outline.
 *
 * @param availability       share of legitimate requests answered over the day, at least this
 * @param p99Millis          99th-percentile latency of every hour of the day, at most this (server side, ms)
 * @param monthlyBudget      dollars per month (the day's cost x 30), at most this
 * @param requireTls         clients must connect over HTTPS
 * @param botShareToDatabase share of the bot's requests that reach the database, at most this
 * @param guessChance        chance that one guessed code finds somebody's link, at most this
 */
public record Targets(double availability, double p99Millis, double monthlyBudget, boolean requireTls,
        double botShareToDatabase, double guessChance) {

    public Targets {
        Check.inRange("availability", availability, 0, 1);
        Check.positive("p99Millis", p99Millis);
        Check.positive("monthlyBudget", monthlyBudget);
        Check.inRange("botShareToDatabase", botShareToDatabase, 0, 1);
        Check.inRange("guessChance", guessChance, 0, 1);
    }

    /** 99.9% answered, p99 at most 50 ms in every hour, $4,000 a month, TLS, at most 2% of a bot's requests
     * at the database, at most 1 in 10,000 guessed codes finds a link. */
    public static Targets standard() {
        return new Targets(0.999, 50, 4_000, true, 0.02, 1e-4);
    }
}
