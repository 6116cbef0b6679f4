package sdx.capacity;

import java.util.Locale;
import sdx.core.Check;

/**
 * A number with its unit, so that an estimate cannot add bytes to requests or forget to divide by a day:
 * {@code Quantity.of(2, Units.KB).times(uploadsPerDay).per(Units.DAY)} is a byte rate, and asking it
 * {@link #in in} {@code Units.GB} throws, naming both units. Values are kept in base units (bytes,
 * seconds, users, requests, servers); {@link #toString()} picks a readable prefix.
 *
 * @param value     the amount in base units
 * @param dimension the powers of the base units
 */
public record Quantity(double value, Dimension dimension) {

    /**
     * Powers of the five base units: bytes, seconds, users, requests and servers. A rate of bytes per
     * second is {@code (1, -1, 0, 0, 0)}; a plain number is all zeros.
     */
    public record Dimension(int bytes, int seconds, int users, int requests, int servers) {
        /** A plain number. */
        public static final Dimension NONE = new Dimension(0, 0, 0, 0, 0);

        Dimension times(Dimension o) {
            return new Dimension(bytes + o.bytes, seconds + o.seconds, users + o.users, requests + o.requests, servers + o.servers);
        }

        Dimension inverse() {
            return new Dimension(-bytes, -seconds, -users, -requests, -servers);
        }

        /** The unit in words, e.g. "bytes per second", "requests per user per second". */
        public String words() {
            if (equals(NONE)) return "a plain number";
            StringBuilder up = new StringBuilder(), down = new StringBuilder();
            word(up, down, bytes, "byte");
            word(up, down, requests, "request");
            word(up, down, users, "user");
            word(up, down, servers, "server");
            word(up, down, seconds, "second");
            return (up.length() == 0 ? "1" : up.toString().trim()) + down;
        }

        private static void word(StringBuilder up, StringBuilder down, int power, String name) {
            String w = Math.abs(power) == 1 ? name : name + "^" + Math.abs(power);
            if (power > 0) up.append(up.length() == 0 ? "" : " x ").append(power == 1 ? name + "s" : w);
            if (power < 0) down.append(" per ").append(w);
        }
    }

    public Quantity {
        Check.that(Double.isFinite(value), "value", value, "must be a finite number");
        Check.notNull("dimension", dimension);
    }

    /** {@code amount} of {@code unit}, e.g. {@code Quantity.of(2, Units.KB)}. */
    public static Quantity of(double amount, Quantity unit) {
        Check.notNull("unit", unit);
        return unit.times(amount);
    }

    /** A plain number (no unit). */
    public static Quantity number(double value) {
        return new Quantity(value, Dimension.NONE);
    }

    /** This quantity times a plain factor. */
    public Quantity times(double factor) {
        return new Quantity(value * factor, dimension);
    }

    /** The product: units multiply (bytes x requests per second = bytes x requests per second). */
    public Quantity times(Quantity other) {
        return new Quantity(value * other.value, dimension.times(other.dimension));
    }

    /** The quotient: {@code bytes.per(Units.DAY)} is bytes per second. */
    public Quantity per(Quantity other) {
        Check.that(other.value != 0, "divisor", other, "must not be zero");
        return new Quantity(value / other.value, dimension.times(other.dimension.inverse()));
    }

    /** The sum; both must have the same unit. */
    public Quantity plus(Quantity other) {
        sameUnit("plus", other);
        return new Quantity(value + other.value, dimension);
    }

    /** This quantity expressed in {@code unit} (the same kind): {@code storage.in(Units.TB)}. */
    public double in(Quantity unit) {
        sameUnit("in", unit);
        return value / unit.value;
    }

    /** The smallest whole number at least this plain number (e.g. servers needed). */
    public Quantity ceil() {
        return new Quantity(Math.ceil(value - 1e-9 * Math.abs(value)), dimension);
    }

    /** True if {@code other} has the same unit. */
    public boolean sameKindAs(Quantity other) {
        return dimension.equals(other.dimension);
    }

    private void sameUnit(String operation, Quantity other) {
        Check.notNull("other", other);
        if (!sameKindAs(other)) {
            throw Check.fail(String.format(Locale.ROOT, "%s: %s is in %s but %s is in %s: the units differ",
                    operation, this, dimension.words(), other, other.dimension.words()));
        }
    }

    @Override
    public String toString() {
        return Units.format(this);
    }
}
