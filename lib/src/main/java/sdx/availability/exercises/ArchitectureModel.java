package sdx.availability.exercises;

/**
 * Exercise 1: the availability of the exercise's architecture, given the availability of one load balancer,
 * one app server and one database server. The architecture: two load balancers, either one suffices; then
 * three app servers, of which two must be up to carry the load; then a database primary and a replica,
 * either one suffices. The three tiers are all needed. Parts fail independently and failover is instant.
 */
@FunctionalInterface
public interface ArchitectureModel {
    /**
     * @param lb  availability of one load balancer, in [0, 1]
     * @param app availability of one app server, in [0, 1]
     * @param db  availability of one database server, in [0, 1]
     * @return the availability of the whole architecture
     */
    double availability(double lb, double app, double db);
}
