package sdx.dcache.exercises;

import java.util.function.Function;

/**
 * Request coalescing ("single flight"): while a load of a key is running, other callers for the same key
 * wait for it instead of starting their own. Written by the learner in notebook 14's first exercise.
 *
 * <p>What an implementation must guarantee:
 * <ul>
 *   <li>at most one {@code loader} call per key at a time; callers that arrive meanwhile get its result;</li>
 *   <li>if the load throws, every caller waiting for it gets that same exception (rethrown);</li>
 *   <li>nothing is remembered once a load ends: the next call loads again (a cache sits in front of this,
 *       and a failed load must not be cached);</li>
 *   <li>loads of different keys run in parallel;</li>
 *   <li>a waiting caller that is interrupted stops waiting (throws), and no thread is left running.</li>
 * </ul>
 */
public interface SingleFlight {

    /**
     * The value {@code loader} produces for {@code key}, loaded once for all concurrent callers.
     *
     * @throws RuntimeException the loader's exception, for the caller that ran it and every caller waiting on it
     */
    String get(String key, Function<String, String> loader);

    /** Makes a new, empty single-flight group: the learner's constructor, e.g. {@code MyFlight::new}. */
    @FunctionalInterface
    interface Factory {
        /** A new group with no load running. */
        SingleFlight create();
    }
}
