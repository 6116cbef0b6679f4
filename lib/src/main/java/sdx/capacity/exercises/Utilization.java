package sdx.capacity.exercises;

import java.util.Map;

/**
 * Exercise 2's answer: how busy each resource of one server is, as a fraction of what it can do (1.0 is
 * saturated; above 1 the server cannot keep up).
 *
 * @param cpu     busy share of the cores
 * @param network busy share of the network link
 * @param disk    busy share of the disk's random reads
 * @param memory  share of memory the working set takes
 */
public record Utilization(double cpu, double network, double disk, double memory) {

    /** The resource with the highest utilization: the one that runs out first. */
    public String bottleneck() {
        Map<String, Double> all = Map.of("cpu", cpu, "network", network, "disk", disk, "memory", memory);
        return all.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
