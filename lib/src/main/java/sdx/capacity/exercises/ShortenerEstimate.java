package sdx.capacity.exercises;

import sdx.capacity.Quantity;

/**
 * Exercise 1's answer: three figures, each a {@link Quantity} so that its unit is checked too.
 *
 * @param writeRate new URLs per second, on average (requests per second)
 * @param readRate  redirects per second, on average (requests per second)
 * @param storage   bytes of records kept at the end of the period (one copy)
 */
public record ShortenerEstimate(Quantity writeRate, Quantity readRate, Quantity storage) {}
