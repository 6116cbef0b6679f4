package sdx.security;

import sdx.core.Check;

/**
 * Queueing theory for the flood model: Poisson arrivals, exponential service, c workers, FIFO.
 * <ul>
 *   <li>M/M/c with an unbounded queue: Erlang's C formula for the chance to wait, and the exact chance that a
 *       request's response time (wait + service) is within a deadline;</li>
 *   <li>M/M/c/N (at most N requests inside, the rest turned away): the blocking probability, from the
 *       birth-death chain's stationary distribution (Kleinrock, <i>Queueing Systems</i> vol. 1, 1975, §3.6),
 *       and the response time of the admitted requests;</li>
 *   <li>an overloaded unbounded queue as a fluid: it grows at λ − cμ per second.</li>
 * </ul>
 * Connection caps have no row here: a client with a fixed number of requests in flight makes a mixed
 * open/closed queue without a short closed form, and the notebook shows that case measured only.
 */
public final class FloodTheory {
    private FloodTheory() {}

    /** Erlang C: the chance an arrival waits in an M/M/c queue at offered load a = λ/μ (requires a &lt; c). */
    public static double erlangC(int c, double a) {
        Check.positive("c", c);
        Check.that(a >= 0 && a < c, "a", a, "must be in [0, c) for a stable queue, c = " + c);
        double term = 1, sum = 1;                      // term = a^k / k!
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double top = term * a / c / (1 - a / c);       // a^c / c! * c / (c - a)
        return top / (sum + top);
    }

    /** M/M/c, FIFO: the chance a request's response time (wait + service) is at most {@code deadline}. */
    public static double withinDeadline(double lambda, double mu, int c, double deadline) {
        double a = lambda / mu;
        double wait = erlangC(c, a);
        double drain = c * mu - lambda;                // a waiting request's wait is exponential at this rate
        double serviceDone = 1 - Math.exp(-mu * deadline);
        double both = Math.abs(drain - mu) < 1e-9
                ? 1 - Math.exp(-mu * deadline) * (1 + mu * deadline)
                : 1 - (mu * Math.exp(-drain * deadline) - drain * Math.exp(-mu * deadline)) / (mu - drain);
        return (1 - wait) * serviceDone + wait * both;
    }

    /** M/M/c/N: the stationary probabilities of 0..N requests inside. */
    public static double[] stationary(double lambda, double mu, int c, int n) {
        Check.positive("c", c);
        Check.atLeast("n", n, c);
        double[] p = new double[n + 1];
        p[0] = 1;
        for (int k = 1; k <= n; k++) p[k] = p[k - 1] * lambda / (Math.min(k, c) * mu);
        double sum = 0;
        for (double x : p) sum += x;
        for (int k = 0; k <= n; k++) p[k] /= sum;
        return p;
    }

    /** M/M/c/N: the chance an arrival finds N inside and is turned away (Poisson arrivals see time averages). */
    public static double blocking(double lambda, double mu, int c, int n) {
        double[] p = stationary(lambda, mu, c, n);
        return p[n];
    }

    /** M/M/c/N: the chance an admitted request is answered within {@code deadline}. */
    public static double admittedWithinDeadline(double lambda, double mu, int c, int n, double deadline) {
        double[] p = stationary(lambda, mu, c, n);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int ahead = k - c + 1;                     // departures to wait for before a worker frees up
            sum += p[k] * (ahead <= 0 ? 1 - Math.exp(-mu * deadline) : waitThenServe(ahead, c * mu, mu, deadline));
        }
        return sum / (1 - p[n]);
    }

    /** P(Erlang(k, rate) + Exp(mu) &lt;= d), by Simpson's rule over the wait. */
    private static double waitThenServe(int k, double rate, double mu, double d) {
        int steps = 2_000;
        double h = d / steps, sum = 0;
        for (int i = 0; i <= steps; i++) {
            double w = i * h;
            double f = erlangDensity(k, rate, w) * (1 - Math.exp(-mu * (d - w)));
            sum += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    private static double erlangDensity(int k, double rate, double w) {
        double logF = k * Math.log(rate) + (k - 1) * Math.log(Math.max(w, 1e-300)) - rate * w;
        for (int i = 2; i < k; i++) logF -= Math.log(i);
        return w == 0 && k > 1 ? 0 : Math.exp(logF);
    }

    /**
     * Theory's goodput of the legitimate clients (requests/s answered within the deadline) over a run of
     * {@code seconds}, or NaN where this class has no formula ({@link Protection#CONNECTION_CAP}).
     * A rate-limited attacker is treated as Poisson at min(attack rate, limit): an approximation, since a token
     * bucket's output is smoother than Poisson (which makes the real queue a little shorter).
     */
    public static double goodput(FloodSettings s, Protection p, double attackRate, double seconds) {
        Check.notNull("settings", s);
        Check.notNull("protection", p);
        Check.atLeast("attackRate", attackRate, 0.0);
        Check.positive("seconds", seconds);
        double mu = 1000.0 / s.serviceMillis(), deadline = s.deadlineMillis() / 1000.0, legit = s.legitRate();
        return switch (p) {
            case NONE -> unbounded(legit, legit + attackRate, mu, s.workers(), deadline, seconds);
            case RATE_LIMIT -> unbounded(legit, legit + Math.min(attackRate, s.rateLimit()), mu, s.workers(), deadline, seconds);
            case LOAD_SHEDDING -> {
                double lambda = legit + attackRate;
                int n = s.workers() + s.queueLimit();
                yield legit * (1 - blocking(lambda, mu, s.workers(), n))
                        * admittedWithinDeadline(lambda, mu, s.workers(), n, deadline);
            }
            case CONNECTION_CAP -> Double.NaN;
        };
    }

    /**
     * An unbounded FIFO queue: exact M/M/c below capacity; above it, a fluid queue growing at λ − cμ, so a request
     * arriving at time t waits (λ − cμ)t / cμ and only those arriving before t* = deadline · cμ / (λ − cμ) are in time.
     */
    private static double unbounded(double legit, double lambda, double mu, int c, double deadline, double seconds) {
        double capacity = c * mu;
        if (lambda < capacity) return legit * withinDeadline(lambda, mu, c, deadline);
        double inTime = deadline * capacity / (lambda - capacity);
        return legit * Math.min(1, inTime / seconds);
    }
}
