/**
 * Availability and redundancy (notebook 06): the closed forms ({@link sdx.availability.Theory}: one part from
 * MTBF and MTTR, series, parallel, k of n, a failover pair, nines and downtime), reliability block diagrams
 * ({@link sdx.availability.Block}, drawn by {@code picture()}), an event-driven simulation of failures and
 * repairs in virtual time ({@link sdx.availability.Availability#simulate}), and the notebook's experiments as
 * static methods of the facade {@link sdx.availability.Availability}, each returning a
 * {@link sdx.availability.Sweep} (plot and table) or a table. Exercises: {@code sdx.availability.exercises}.
 */
package sdx.availability;
