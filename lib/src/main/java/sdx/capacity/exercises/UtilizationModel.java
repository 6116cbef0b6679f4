package sdx.capacity.exercises;

import sdx.capacity.Server;
import sdx.capacity.Traffic;

/** Exercise 2: how busy each resource of {@code server} is under {@code traffic}. */
@FunctionalInterface
public interface UtilizationModel {
    /** The utilization of the CPU, the network link, the disk and memory. */
    Utilization utilization(Server server, Traffic traffic);
}
