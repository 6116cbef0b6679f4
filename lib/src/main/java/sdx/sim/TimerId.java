package sdx.sim;

/** A handle to a timer, for {@link Context#cancel(TimerId)}. */
public record TimerId(long id) {}
