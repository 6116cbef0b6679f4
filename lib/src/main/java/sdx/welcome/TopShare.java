package sdx.welcome;

import sdx.core.Trace;

/** The welcome exercise: the share of all requests that go to the single most requested key. */
@FunctionalInterface
public interface TopShare {
    /** Fraction in [0, 1] of the trace's requests that ask for its most requested key. */
    double of(Trace trace);
}
