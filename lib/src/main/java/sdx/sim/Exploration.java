package sdx.sim;

import java.util.Locale;
import java.util.Optional;

/**
 * The result of {@link Explorer#check}: how many seeds ran, how many events, and the first failure.
 *
 * @param seedsRun     seeds run (the exploration stops at the first failure)
 * @param seedsPlanned seeds it was asked to run
 * @param events       events processed over all runs
 * @param failure      the first counterexample, if any
 */
public record Exploration(long seedsRun, long seedsPlanned, long events, Optional<Counterexample> failure) {

    /** True if every planned seed ran and every invariant held. */
    public boolean ok() {
        return failure.isEmpty();
    }

    /** The first counterexample; fails if there is none. */
    public Counterexample firstFailure() {
        return failure.orElseThrow(() -> new IllegalStateException(
                "no failure: all " + seedsRun + " seeds kept every invariant"));
    }

    @Override
    public String toString() {
        return failure.map(c -> "FAILED after " + seedsRun + " of " + seedsPlanned + " seeds: " + c.message())
                .orElse(String.format(Locale.ROOT, "ok: %d seeds, %d events, every invariant held", seedsRun, events));
    }
}
