package sdx.core;

import java.util.Collection;
import java.util.Objects;

/**
 * Fail-fast argument checks. Every public entry point of the library calls these, so a bad input
 * becomes one readable sentence naming the parameter, its value and what is allowed, e.g.
 * {@code cacheSize must be >= 1, was 0}.
 */
public final class Check {
    private Check() {}

    /**
     * The exception for a bad argument, its stack trace starting at the library method that was
     * called (this class's own frames removed), so a notebook shows the message and where it came
     * from, not a wall of frames.
     */
    public static IllegalArgumentException fail(String message) {
        IllegalArgumentException e = new IllegalArgumentException(message);
        StackTraceElement[] frames = e.getStackTrace();
        int first = 0;
        while (first < frames.length && frames[first].getClassName().equals(Check.class.getName())) first++;
        e.setStackTrace(java.util.Arrays.copyOfRange(frames, first, frames.length));
        return e;
    }

    /** Rejects {@code null}: "{name} must not be null". */
    public static <T> T notNull(String name, T value) {
        if (value == null) throw fail(name + " must not be null");
        return value;
    }

    /** Requires {@code value >= 1}. */
    public static int positive(String name, int value) {
        return atLeast(name, value, 1);
    }

    /** Requires {@code value >= 1}. */
    public static long positive(String name, long value) {
        if (value < 1) throw fail(name + " must be >= 1, was " + value);
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) throw fail(name + " must be >= " + min + ", was " + value);
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw fail(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** Requires a finite {@code value >= min}. */
    public static double atLeast(String name, double value, double min) {
        if (!Double.isFinite(value) || value < min) {
            throw fail(name + " must be a finite number >= " + min + ", was " + value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw fail(name + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    /** Requires {@code min <= value <= max}, both finite. */
    public static double inRange(String name, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw fail(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** Requires a non-null, non-empty collection. */
    public static <C extends Collection<?>> C notEmpty(String name, C values) {
        notNull(name, values);
        if (values.isEmpty()) throw fail(name + " must not be empty");
        return values;
    }

    /** Requires a non-null, non-empty array. */
    public static int[] notEmpty(String name, int[] values) {
        notNull(name, values);
        if (values.length == 0) throw fail(name + " must not be empty");
        return values;
    }

    /** Requires {@code condition}; otherwise "{name} {rule}, was {value}". */
    public static void that(boolean condition, String name, Object value, String rule) {
        if (!condition) {
            throw fail(name + " " + rule + ", was " + Objects.toString(value));
        }
    }
}
