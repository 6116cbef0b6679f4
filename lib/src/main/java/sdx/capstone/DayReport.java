package sdx.capstone;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdx.capstone.DaySimulation.Reason;
import sdx.core.Workloads;
import sdx.viz.Plot;
import sdx.viz.Tables;
import sdx.viz.Tables.HtmlTable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one simulated day measured for one design, hour by hour, judged against {@link Targets}: a chart per
 * principle ({@link #availabilityPlot()}, {@link #latencyPlot()}, {@link #costPlot()}, {@link #securityPlot()})
 * and the {@link #scorecard()}. Counts of simulated requests are scaled up by {@code sampleEvery} where a rate
 * or a bill needs the real number.
 */
public final class DayReport {
    static final int HOURS = DaySimulation.HOURS;

    /** Per-hour tallies the simulation fills in. */
    static final class Counts {
        final long[] legit, okCount, lookups, hits, botSent, botAtDatabase, botFound, served, appServed, dbServed;
        final double[] appBusy, appWait, dbWait, crossZoneBytes;
        final double[][] latencies;
        final int[] latencySize;
        final Map<Reason, long[]> failures = new EnumMap<>(Reason.class);

        Counts(int hours) {
            legit = new long[hours];
            okCount = new long[hours];
            lookups = new long[hours];
            hits = new long[hours];
            botSent = new long[hours];
            botAtDatabase = new long[hours];
            botFound = new long[hours];
            served = new long[hours];
            appServed = new long[hours];
            dbServed = new long[hours];
            appBusy = new double[hours];
            appWait = new double[hours];
            dbWait = new double[hours];
            crossZoneBytes = new double[hours];
            latencies = new double[hours][64];
            latencySize = new int[hours];
            for (Reason r : Reason.values()) failures.put(r, new long[hours]);
        }

        void fail(int h, Reason r) {
            failures.get(r)[h]++;
        }

        void ok(int h, double millis) {
            okCount[h]++;
            if (latencySize[h] == latencies[h].length) latencies[h] = Arrays.copyOf(latencies[h], 2 * latencySize[h]);
            latencies[h][latencySize[h]++] = millis;
        }
    }

    private final Design design;
    private final Scenario scenario;
    private final Prices prices;
    private final Targets targets;
    private final long seed;
    private final Counts c;
    private final double[] liveAppSeconds;
    private final double guessChance;
    private final double[] p50 = new double[HOURS], p99 = new double[HOURS];
    private Double che;

    DayReport(Design design, Scenario scenario, Prices prices, Targets targets, long seed, Counts counts,
            double[] liveAppSeconds, double guessChance) {
        this.design = design;
        this.scenario = scenario;
        this.prices = prices;
        this.targets = targets;
        this.seed = seed;
        this.c = counts;
        this.liveAppSeconds = liveAppSeconds.clone();
        this.guessChance = guessChance;
        for (int h = 0; h < HOURS; h++) {
            double[] x = Arrays.copyOf(c.latencies[h], c.latencySize[h]);
            Arrays.sort(x);
            p50[h] = quantile(x, 0.50);
            p99[h] = quantile(x, 0.99);
        }
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    public Design design() { return design; }
    public Scenario scenario() { return scenario; }
    public Targets targets() { return targets; }
    public long seed() { return seed; }

    private static long sum(long[] x) {
        return Arrays.stream(x).sum();
    }

    private static double sum(double[] x) {
        return Arrays.stream(x).sum();
    }

    /** Share of legitimate requests answered over the day. */
    public double availability() {
        long total = sum(c.legit);
        return total == 0 ? 1 : (double) sum(c.okCount) / total;
    }

    /** Share of legitimate requests answered, per hour. */
    public double[] availabilityByHour() {
        double[] a = new double[HOURS];
        for (int h = 0; h < HOURS; h++) a[h] = c.legit[h] == 0 ? 1 : (double) c.okCount[h] / c.legit[h];
        return a;
    }

    /** Median latency of answered legitimate requests per hour, ms (NaN for an hour with none). */
    public double[] p50ByHour() { return p50.clone(); }

    /** 99th-percentile latency per hour, ms (NaN for an hour with none answered). */
    public double[] p99ByHour() { return p99.clone(); }

    /** The hour with the highest p99 (an hour with nothing answered counts as the worst). */
    public int worstHour() {
        int worst = 0;
        for (int h = 0; h < HOURS; h++) {
            if (Double.isNaN(p99[h])) return h;
            if (p99[h] > p99[worst]) worst = h;
        }
        return worst;
    }

    /** The highest hourly p99, ms (infinite if some hour answered nothing). */
    public double worstP99() {
        double w = p99[worstHour()];
        return Double.isNaN(w) ? Double.POSITIVE_INFINITY : w;
    }

    /** Legitimate reads answered from the cache, per hour (0 without a cache). */
    public double[] hitRatioByHour() {
        double[] r = new double[HOURS];
        for (int h = 0; h < HOURS; h++) r[h] = c.lookups[h] == 0 ? 0 : (double) c.hits[h] / c.lookups[h];
        return r;
    }

    /** Che's approximation for this cache size under the day's Zipf popularity alone (no viral link, no bot). */
    public double cheHitRatio() {
        if (che == null) {
            che = Theory.cheHitRatio(Workloads.zipfProbabilities(scenario.activeLinks(), scenario.zipfSkew()),
                    design.cacheEntries());
        }
        return che;
    }

    /** Measured busy share of the live app servers per hour. */
    public double[] utilizationByHour() {
        double[] u = new double[HOURS];
        for (int h = 0; h < HOURS; h++) u[h] = liveAppSeconds[h] == 0 ? 0 : c.appBusy[h] / liveAppSeconds[h];
        return u;
    }

    /** Utilization law per hour: rho = lambda x S / c, from the requests the app servers took that hour. */
    public double[] utilizationTheoryByHour() {
        double service = (scenario.appServiceMillis() + (design.tls() ? scenario.tlsExtraMillis() : 0)) / 1000;
        double[] u = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            double lambda = c.appServed[h] * (double) scenario.sampleEvery() / 3600;
            double servers = liveAppSeconds[h] / 3600;
            u[h] = servers == 0 ? 0 : lambda * service / servers;
        }
        return u;
    }

    /** Share of the bot's requests that reached the database over the day (0 if there was no bot). */
    public double botShareToDatabase() {
        long sent = sum(c.botSent);
        return sent == 0 ? 0 : (double) sum(c.botAtDatabase) / sent;
    }

    /** The bot's requests that found somebody's link (simulated, unscaled count). */
    public long botFoundLinks() {
        return sum(c.botFound);
    }

    /** The chance that one guessed code is somebody's link: stored links / code space, or 1 for codes counted up. */
    public double guessChance() {
        return guessChance;
    }

    /** Failed legitimate requests by cause (simulated, unscaled counts), biggest first, causes in words. */
    public Map<String, Long> failures() {
        Map<String, Long> out = new LinkedHashMap<>();
        c.failures.entrySet().stream().sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
                .filter(e -> sum(e.getValue()) > 0).forEach(e -> out.put(e.getKey().words, sum(e.getValue())));
        return out;
    }

    // ---- cost

    /** Dollars per hour for each hour: servers and nodes, the hour's share of memory and storage, egress. */
    public double[] costByHour() {
        double[] cost = new double[HOURS];
        double fixed = design.appServers() * prices.appServerPerHour() + design.databaseNodes() * prices.databaseNodePerHour()
                + (memoryPerMonth() + storagePerMonth()) / 720;
        for (int h = 0; h < HOURS; h++) cost[h] = fixed + egress(h);
        return cost;
    }

    private double memoryPerMonth() {
        return design.cacheEntries() * prices.cacheBytesPerEntry() / 1e9 * prices.cachePerGbMonth();
    }

    private double storagePerMonth() {
        return scenario.storedLinks() * scenario.bytesPerLink() * design.replicas() / 1e9 * prices.storagePerGbMonth();
    }

    private double egress(int h) {
        return c.served[h] * (double) scenario.sampleEvery() * scenario.responseBytes() / 1e9 * prices.egressPerGb()
                + c.crossZoneBytes[h] / 1e9 * prices.crossZonePerGb();
    }

    /** The bill for a month of such days: 30 x the day's cost. */
    public double monthlyCost() {
        return 30 * sum(costByHour());
    }

    /** The month's bill by part: app servers, database nodes, cache, storage, traffic. */
    public Map<String, Double> monthlyCostParts() {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("app servers", 720 * design.appServers() * prices.appServerPerHour());
        parts.put("database nodes", 720 * design.databaseNodes() * prices.databaseNodePerHour());
        parts.put("cache memory", memoryPerMonth());
        parts.put("storage", storagePerMonth());
        double traffic = 0;
        for (int h = 0; h < HOURS; h++) traffic += 30 * egress(h);
        parts.put("traffic", traffic);
        return parts;
    }

    /** The month's bill by part, in whole dollars, with the total. */
    public Table monthlyCostTable() {
        StringColumn part = StringColumn.create("part");
        DoubleColumn dollars = DoubleColumn.create("$ a month");
        double total = 0;
        for (Map.Entry<String, Double> e : monthlyCostParts().entrySet()) {
            part.append(e.getKey());
            dollars.append(Math.round(e.getValue()));
            total += e.getValue();
        }
        part.append("total");
        dollars.append(Math.round(total));
        return Table.create("the month's bill by part").addColumns(part, dollars);
    }

    // ---- the scorecard

    /** Every target, met or not, and the measured cause of each failure. */
    public Scorecard scorecard() {
        return new Scorecard(design.toString(), List.of(availabilityScore(), latencyScore(), costScore(), tlsScore(),
                botScore(), guessScore()));
    }

    private Score availabilityScore() {
        double a = availability();
        boolean ok = a >= targets.availability();
        String why = "";
        if (!ok) {
            Map.Entry<Reason, long[]> top = c.failures.entrySet().stream()
                    .max((x, y) -> Long.compare(sum(x.getValue()), sum(y.getValue()))).orElseThrow();
            long failed = sum(c.legit) - sum(c.okCount);
            int worst = 0;
            for (int h = 0; h < HOURS; h++) if (top.getValue()[h] > top.getValue()[worst]) worst = h;
            why = String.format(Locale.ROOT, "%.0f%% of the failures: %s, most at %02d:00", 100.0 * sum(top.getValue()) / failed,
                    top.getKey().words, worst);
        }
        return new Score("availability", "availability", String.format(Locale.ROOT, "answered >= %s", percent(targets.availability())),
                percent(a), ok, why);
    }

    private Score latencyScore() {
        double w = worstP99();
        boolean ok = w <= targets.p99Millis();
        String why = "";
        if (!ok) {
            int h = worstHour();
            double appWait = c.appServed[h] == 0 ? 0 : 1000 * c.appWait[h] / c.appServed[h];
            double dbWait = c.dbServed[h] == 0 ? 0 : 1000 * c.dbWait[h] / c.dbServed[h];
            double miss = c.lookups[h] == 0 ? 1 : 1 - (double) c.hits[h] / c.lookups[h];
            if (Double.isNaN(p99[h])) {
                Reason top = Reason.NO_APP_SERVER;
                for (Reason r : Reason.values()) if (c.failures.get(r)[h] > c.failures.get(top)[h]) top = r;
                why = String.format(Locale.ROOT, "at %02d:00 nothing was answered: %s", h, top.words);
            } else if (appWait >= dbWait) {
                why = String.format(Locale.ROOT, "at %02d:00 app servers were %.0f%% busy; requests queued %.1f ms on average",
                        h, 100 * utilizationByHour()[h], appWait);
            } else {
                why = String.format(Locale.ROOT, "at %02d:00 %.0f%% of reads went to the database, where they queued %.1f ms on average",
                        h, 100 * miss, dbWait);
            }
        }
        return new Score("p99 latency", "latency", String.format(Locale.ROOT, "p99 <= %.0f ms in every hour", targets.p99Millis()),
                Double.isInfinite(w) ? "an hour answered nothing" : String.format(Locale.ROOT, "worst hour %.1f ms", w), ok, why);
    }

    private Score costScore() {
        double m = monthlyCost();
        boolean ok = m <= targets.monthlyBudget();
        String why = "";
        if (!ok) {
            var top = monthlyCostParts().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            why = String.format(Locale.ROOT, "%s cost the most: %s of %s", top.getKey(), dollars(top.getValue()), dollars(m));
        }
        return new Score("cost", "cost", "<= " + dollars(targets.monthlyBudget()) + " a month", dollars(m) + " a month", ok, why);
    }

    private Score tlsScore() {
        boolean ok = design.tls() || !targets.requireTls();
        return new Score("tls", "security", targets.requireTls() ? "HTTPS (TLS) on" : "TLS optional", design.tls() ? "on" : "off",
                ok, ok ? "" : "plain HTTP: anyone on the path reads and can change every link and redirect");
    }

    private Score botScore() {
        double share = botShareToDatabase();
        boolean ok = share <= targets.botShareToDatabase();
        String why = ok ? "" : design.rateLimitPerClient() == 0
                ? "nothing limits one client: every bot request that missed the cache went to the database"
                : String.format(Locale.ROOT, "the limit lets through %s of the bot's requests", percent(share));
        return new Score("bot at database", "security", "bot requests at the database <= " + percent(targets.botShareToDatabase()),
                percent(share), ok, why);
    }

    private Score guessScore() {
        boolean ok = guessChance <= targets.guessChance();
        String why = ok ? "" : design.randomCodes()
                ? String.format(Locale.ROOT, "%,.0f links in %.2g codes: 1 guess in %,.0f finds a link", scenario.storedLinks(),
                        design.codeSpace(), 1 / guessChance)
                : "codes are counted up: whoever counts finds every link";
        return new Score("guessable codes", "security", "a guess finds a link <= " + String.format(Locale.ROOT, "%.0e", targets.guessChance()),
                String.format(Locale.ROOT, "%.1e", guessChance), ok, why);
    }

    static String percent(double x) {
        return x >= 0.99 ? String.format(Locale.ROOT, "%.3f%%", 100 * x) : String.format(Locale.ROOT, "%.2f%%", 100 * x);
    }

    static String dollars(double x) {
        return String.format(Locale.ROOT, "$%,.0f", x);
    }

    // ---- charts, one per principle

    private static double[] hours() {
        double[] x = new double[HOURS];
        for (int h = 0; h < HOURS; h++) x[h] = h;
        return x;
    }

    /** Availability per hour (percent answered) with the target. */
    public Plot availabilityPlot() {
        double[] a = availabilityByHour();
        for (int h = 0; h < HOURS; h++) a[h] *= 100;
        return Plot.line("Availability: legitimate requests answered", "hour of the day", "answered (%)")
                .series("answered", hours(), a).hline(100 * targets.availability(), "target");
    }

    /** p50 and p99 per hour (log scale) with the p99 target; an hour that answered nothing is left out. */
    public Plot latencyPlot() {
        List<Integer> keep = new java.util.ArrayList<>();
        for (int h = 0; h < HOURS; h++) if (!Double.isNaN(p99[h])) keep.add(h);
        double[] x = keep.stream().mapToDouble(h -> h).toArray();
        double[] y50 = keep.stream().mapToDouble(h -> p50[h]).toArray(), y99 = keep.stream().mapToDouble(h -> p99[h]).toArray();
        Plot p = Plot.line("Latency per hour", "hour of the day", "latency (ms, log scale)").logY().xRange(0, HOURS - 1);
        if (x.length > 0) p.series("p50", x, y50).series("p99", x, y99);
        return p.hline(targets.p99Millis(), "p99 target");
    }

    /** Dollars per hour, the fixed part and the traffic, with the budget per hour. */
    public Plot costPlot() {
        double[] total = costByHour(), traffic = new double[HOURS];
        for (int h = 0; h < HOURS; h++) traffic[h] = egress(h);
        return Plot.line("Cost per hour", "hour of the day", "dollars per hour").yRange(0, 1.3 * Math.max(
                        Arrays.stream(total).max().orElse(0), targets.monthlyBudget() / 720))
                .series("total", hours(), total).series("traffic (egress)", hours(), traffic)
                .hline(targets.monthlyBudget() / 720, "budget (monthly / 720 h)");
    }

    /** Per hour with bot traffic: the share of the bot's requests that reached the database, with the target. */
    public Plot securityPlot() {
        List<Integer> bot = new java.util.ArrayList<>();
        for (int h = 0; h < HOURS; h++) if (c.botSent[h] > 0) bot.add(h);
        Plot p = Plot.line("Security: the scraping bot's requests that reached the database", "hour of the day",
                "share of the bot's requests (%)").xRange(0, HOURS - 1);
        if (bot.isEmpty()) return p.series("no bot today", hours(), new double[HOURS]).hline(100 * targets.botShareToDatabase(), "target");
        double[] x = bot.stream().mapToDouble(h -> h).toArray();
        double[] y = bot.stream().mapToDouble(h -> 100.0 * c.botAtDatabase[h] / c.botSent[h]).toArray();
        return p.series("reached the database", x, y).hline(100 * targets.botShareToDatabase(), "target");
    }

    /** Cache hit ratio per hour beside Che's approximation (dashed) for the same size and popularity. */
    public Plot cachePlot() {
        double[] che = new double[HOURS];
        Arrays.fill(che, cheHitRatio());
        return Plot.line("Cache hit ratio per hour", "hour of the day", "hit ratio").yRange(0, 1)
                .series("LRU, measured", hours(), hitRatioByHour())
                .theoryOf("LRU, measured", "Che's approximation (steady Zipf)", hours(), che);
    }

    /** App-server utilization per hour beside the utilization law rho = lambda S / c (dashed). */
    public Plot utilizationPlot() {
        return Plot.line("App servers: busy share per hour", "hour of the day", "utilization").yRange(0, 1.05)
                .series("busy, measured", hours(), utilizationByHour())
                .theoryOf("busy, measured", "rho = lambda S / c", hours(), utilizationTheoryByHour());
    }

    /** Hour by hour: requests (real, per second), answered, p50, p99, hit ratio, utilization, $ per hour. */
    public HtmlTable table() {
        Table t = Table.create("the day, hour by hour");
        IntColumn hour = IntColumn.create("hour");
        DoubleColumn rate = DoubleColumn.create("requests/s"), ok = DoubleColumn.create("answered (%)"),
                a50 = DoubleColumn.create("p50 (ms)"), a99 = DoubleColumn.create("p99 (ms)"), hit = DoubleColumn.create("hit ratio"),
                util = DoubleColumn.create("app busy"), cost = DoubleColumn.create("$/hour");
        double[] av = availabilityByHour(), hr = hitRatioByHour(), u = utilizationByHour(), ch = costByHour();
        for (int h = 0; h < HOURS; h++) {
            hour.append(h);
            rate.append(Math.round((c.legit[h] + c.botSent[h]) * (double) scenario.sampleEvery() / 3600));
            ok.append(round(100 * av[h], 3));
            a50.append(round(p50[h], 1));
            a99.append(round(p99[h], 1));
            hit.append(round(hr[h], 3));
            util.append(round(u[h], 3));
            cost.append(round(ch[h], 2));
        }
        t.addColumns(hour, rate, ok, a50, a99, hit, util, cost);
        return Tables.html(t);
    }

    private static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Double.isNaN(x) ? x : Math.round(x * f) / f;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DayReport[%s, seed %d: answered %s, worst p99 %.1f ms, %s a month, bot at db %s]",
                design, seed, percent(availability()), worstP99(), dollars(monthlyCost()), percent(botShareToDatabase()));
    }
}
