package sdx.capstone;

/**
 * One line of a {@link Scorecard}: a target of one principle, the value the day reached, and if it failed,
 * why (the measured cause, not the fix).
 *
 * @param id        a short name of the target ("availability", "p99 latency", ...)
 * @param principle security, availability, latency or cost
 * @param target    the target in words
 * @param value     the value reached, in words
 * @param passed    whether the target was met
 * @param why       for a failed target, the cause the day measured; empty when passed
 */
public record Score(String id, String principle, String target, String value, boolean passed, String why) {}
