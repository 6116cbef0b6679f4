package sdx.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import sdx.core.Check;
import sdx.core.Latency;
import sdx.viz.Plot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What one policy measured on the real {@link L7Proxy} (wall clock: these numbers change from run to run).
 *
 * @param policy   the policy's label
 * @param served   requests each backend counted itself
 * @param latency  client-side latency through the proxy from each request's intended send time (µs)
 * @param errors   responses that were not 200
 */
public record ProxyRun(String policy, long[] served, Latency.Summary latency, long errors) {
    /** Validates and copies. */
    public ProxyRun {
        Check.notNull("policy", policy);
        served = Check.notNull("served", served).clone();
        Check.notNull("latency", latency);
    }

    @Override
    public long[] served() {
        return served.clone();
    }

    /** The busiest backend's share of the requests. */
    public double busiestShare() {
        long total = Arrays.stream(served).sum();
        return Arrays.stream(served).max().orElse(0) / (double) Math.max(1, total);
    }

    /** p50 and p99 (ms) per policy, and each backend's share of the requests. */
    public static Table table(List<ProxyRun> runs) {
        Check.notEmpty("runs", runs);
        StringColumn name = StringColumn.create("policy"), served = StringColumn.create("served per backend");
        DoubleColumn p50 = DoubleColumn.create("p50 (ms)"), p99 = DoubleColumn.create("p99 (ms)");
        DoubleColumn busiest = DoubleColumn.create("busiest share");
        for (ProxyRun r : runs) {
            name.append(r.policy());
            p50.append(ModelRun.round(r.latency().p50() / 1000.0, 2));
            p99.append(ModelRun.round(r.latency().p99() / 1000.0, 2));
            served.append(Arrays.stream(r.served).mapToObj(Long::toString).collect(Collectors.joining(" / ")));
            busiest.append(ModelRun.round(r.busiestShare(), 3));
        }
        return Table.create("real L7 proxy on 127.0.0.1 (wall clock, this machine)")
                .addColumns(name, p50, p99, served, busiest);
    }

    /** p50 and p99 per policy as bars (ms). */
    public static Plot plot(List<ProxyRun> runs) {
        Check.notEmpty("runs", runs);
        List<String> names = runs.stream().map(ProxyRun::policy).toList();
        double[] p50 = runs.stream().mapToDouble(r -> r.latency().p50() / 1000.0).toArray();
        double[] p99 = runs.stream().mapToDouble(r -> r.latency().p99() / 1000.0).toArray();
        return Plot.bar("Latency through the real proxy, by policy", "policy", "ms (wall clock)")
                .bars("p50", names, p50).bars("p99", names, p99);
    }
}
