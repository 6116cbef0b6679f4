package sdx.proxy.exercises;

import java.util.function.IntFunction;

/**
 * Exercise 1: a least-outstanding-requests picker, the heart of a load balancer, called by many proxy
 * threads at once. Backends are numbered {@code 0 .. n-1}; all start healthy with nothing in flight.
 */
public interface BackendPicker {
    /**
     * Chooses a healthy backend with the fewest requests in flight (ties broken fairly: over many calls
     * each tied backend gets its share) and counts one more request in flight on it.
     *
     * @return the backend, or -1 when no backend is healthy
     */
    int acquire();

    /**
     * One request on {@code backend} has finished: one fewer in flight.
     *
     * @throws IllegalStateException if no request is in flight there (a count never goes below zero)
     */
    void release(int backend);

    /** Marks {@code backend} healthy or not; an unhealthy backend is never chosen. */
    void setHealthy(int backend, boolean healthy);

    /** Requests in flight on {@code backend} now. */
    int outstanding(int backend);

    /**
     * Sends one request: acquires a backend, runs {@code request} with it and returns its result, releasing
     * the backend afterwards even when {@code request} throws (the exception goes on to the caller).
     *
     * @throws IllegalStateException if no backend is healthy
     */
    <T> T send(IntFunction<T> request);

    /** Makes a picker over {@code backends} backends: {@code MyPicker::new}. */
    @FunctionalInterface
    interface Factory {
        BackendPicker create(int backends);
    }
}
