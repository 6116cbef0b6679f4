package sdx.capacity;

import sdx.viz.Plot;

/**
 * The most requests per second one {@link Server} can answer, as the response grows: each resource's
 * own limit ({@link Theory#limits}); the server's capacity is the lowest of them, and which one is lowest
 * changes with the response size.
 *
 * @param server        the server
 * @param cacheHitRatio share of requests answered from memory
 * @param responseBytes the response sizes tried, ascending
 * @param cpu           the CPU's limit at each size
 * @param network       the network link's limit at each size
 * @param disk          the disk's limit at each size
 */
public record Limits(Server server, double cacheHitRatio, double[] responseBytes, double[] cpu, double[] network,
        double[] disk) {

    public Limits {
        responseBytes = responseBytes.clone();
        cpu = cpu.clone();
        network = network.clone();
        disk = disk.clone();
    }

    static Limits of(Server server, double cacheHitRatio, double[] sizes) {
        int n = sizes.length;
        double[] cpu = new double[n], net = new double[n], disk = new double[n];
        for (int i = 0; i < n; i++) {
            double[] l = Theory.limits(server, sizes[i], cacheHitRatio);
            cpu[i] = l[0];
            net[i] = l[1];
            disk[i] = l[2];
        }
        return new Limits(server, cacheHitRatio, sizes, cpu, net, disk);
    }

    /**
     * The response size at which the network link becomes a tighter limit than the CPU: the link's
     * bytes per second over the CPU's requests per second.
     */
    public double crossoverBytes() {
        return server.nicGigabitsPerSecond() * 1e9 / 8 / (server.cores() * server.requestsPerCorePerSecond());
    }

    /** The server's capacity at each size: the lowest of the limits. */
    public double[] capacity() {
        double[] c = new double[responseBytes.length];
        for (int i = 0; i < c.length; i++) c[i] = Math.min(cpu[i], Math.min(network[i], disk[i]));
        return c;
    }

    /** Each resource's limit against the response size, log-log. */
    public Plot plot() {
        Plot p = Plot.line("Which resource limits one server?", "response size (bytes)", "requests/s one server can answer")
                .series("CPU", responseBytes, cpu)
                .series("network link", responseBytes, network);
        if (cacheHitRatio < 1) p.series("disk (cache misses)", responseBytes, disk);
        return p.logX().logY();
    }

    @Override public double[] responseBytes() { return responseBytes.clone(); }
    @Override public double[] cpu() { return cpu.clone(); }
    @Override public double[] network() { return network.clone(); }
    @Override public double[] disk() { return disk.clone(); }
}
