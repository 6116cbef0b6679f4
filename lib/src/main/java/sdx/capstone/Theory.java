package sdx.capstone;

import sdx.core.Check;
import sdx.core.Roots;

/** The closed forms the capstone draws beside its measurements, each with its source. */
public final class Theory {
    private Theory() {}

    /**
     * Availability of r independent copies when one is enough: 1 - (1 - a)^r (parallel redundancy; e.g.
     * Trivedi, <i>Probability and Statistics with Reliability, Queuing and Computer Science Applications</i>,
     * 2nd ed., 2002, ch. 3).
     */
    public static double parallel(double a, int r) {
        Check.inRange("a", a, 0.0, 1.0);
        Check.positive("r", r);
        return 1 - Math.pow(1 - a, r);
    }

    /**
     * Che's approximation of an LRU cache's hit ratio under independent requests with popularities p (Che,
     * Tung and Wang, "Hierarchical Web caching systems: modeling, design and experimental results", IEEE JSAC
     * 20(7), 2002; Fricker, Robert and Roberts, ITC 2012): find T with sum(1 - e^(-p_i T)) = C, then the hit
     * ratio is sum(p_i (1 - e^(-p_i T))).
     */
    public static double cheHitRatio(double[] p, int cacheEntries) {
        Check.notNull("p", p);
        Check.atLeast("cacheEntries", cacheEntries, 0);
        if (cacheEntries == 0) return 0;
        if (cacheEntries >= p.length) return 1;
        double t = Roots.bisectUpward(x -> {
            double sum = 0;
            for (double pi : p) sum += -Math.expm1(-pi * x);
            return sum;
        }, cacheEntries, 1.0);
        double hit = 0;
        for (double pi : p) hit += pi * -Math.expm1(-pi * t);
        return hit;
    }

    /**
     * Erlang C: the probability that a request waits in an M/M/c queue with offered load a = lambda/mu (in
     * servers) on c servers; requires a < c (Kleinrock, <i>Queueing Systems</i> vol. 1, 1975, sec. 3.5).
     */
    public static double erlangC(int c, double offered) {
        Check.positive("c", c);
        Check.that(offered >= 0 && offered < c, "offered", offered, "must be in [0, c = " + c + ")");
        double term = 1, sum = 1;                    // a^k / k!, summed for k = 0 .. c-1
        for (int k = 1; k < c; k++) {
            term *= offered / k;
            sum += term;
        }
        double last = term * offered / c;            // a^c / c!
        double top = last * c / (c - offered);
        return top / (sum + top);
    }

    /** Mean wait in an M/M/c queue: C(c, a) / (c mu - lambda), in the unit of 1/mu. */
    public static double erlangCWait(int c, double lambda, double mu) {
        Check.positive("lambda", lambda);
        Check.positive("mu", mu);
        return erlangC(c, lambda / mu) / (c * mu - lambda);
    }

    /**
     * The month's bill in closed form, for a day with no failures: servers and database nodes for 720 hours,
     * cache memory and storage of every copy for a month, every expected response sent out (ordinary reads,
     * writes, the partner, the bot's requests the rate limit lets through) and every write copied to the other
     * replicas across zones, for 30 days.
     */
    public static double monthlyCost(Design d, Scenario s, Prices p) {
        Check.notNull("d", d);
        Check.notNull("s", s);
        Check.notNull("p", p);
        double compute = 720 * (d.appServers() * p.appServerPerHour() + d.databaseNodes() * p.databaseNodePerHour());
        double memory = d.cacheEntries() * p.cacheBytesPerEntry() / 1e9 * p.cachePerGbMonth();
        double storage = s.storedLinks() * s.bytesPerLink() * d.replicas() / 1e9 * p.storagePerGbMonth();
        double botRate = d.rateLimitPerClient() == 0 ? s.botRequestsPerSecond()
                : Math.min(d.rateLimitPerClient(), s.botRequestsPerSecond());
        double responses = s.readsPerDay() + s.writesPerDay() + 86_400 * s.partnerRequestsPerSecond()
                + 3_600.0 * s.botHours() * botRate;
        double egress = 30 * responses * s.responseBytes() / 1e9 * p.egressPerGb();
        double crossZone = d.zones() > 1
                ? 30 * s.writesPerDay() * s.bytesPerLink() * (d.replicas() - 1) / 1e9 * p.crossZonePerGb() : 0;
        return compute + memory + storage + egress + crossZone;
    }
}
