package sdx.capacity.exercises;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.capacity.Quantity;
import sdx.capacity.Units;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;

/** Hidden checks for exercise 1: each figure of the example first (basic), then 50 other loads. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ShortenerChecks {
    private final ShortenerEstimator estimator = Grader.submission(ShortenerEstimator.class);

    static Quantity writeRate(ShortenerLoad l) {
        return Quantity.of(l.newUrlsPerMonth(), Units.REQUEST).per(Units.MONTH);
    }

    static Quantity readRate(ShortenerLoad l) {
        return writeRate(l).times(l.readsPerWrite());
    }

    static Quantity storage(ShortenerLoad l) {
        return Quantity.of(l.newUrlsPerMonth() * 12 * l.years() * l.bytesPerUrl(), Units.BYTE);
    }

    private ShortenerEstimate answer(ShortenerLoad load) {
        ShortenerEstimate e = estimator.estimate(load);
        assertNotNull(e, "the estimate");
        return e;
    }

    /** Fails unless {@code actual} has {@code expected}'s unit and is within the tolerance of it. */
    static void assertClose(String what, Quantity expected, Quantity actual) {
        assertNotNull(actual, what);
        if (!actual.sameKindAs(expected)) {
            fail(what + " is in " + actual.dimension().words() + "; expected " + expected.dimension().words());
        }
        double error = Math.abs(actual.value() / expected.value() - 1);
        assertTrue(error <= CapacityExercises.SHORTENER_TOLERANCE, String.format(Locale.ROOT,
                "%s: expected about %s, got %s (%.0f%% off; within %.0f%% passes)", what, expected, actual,
                100 * error, 100 * CapacityExercises.SHORTENER_TOLERANCE));
    }

    @Test
    @Order(1)
    @DisplayName("the example's write rate, in requests per second")
    @Hint("URLs per month divided by the seconds in a month: Quantity.of(n, Units.REQUEST).per(Units.MONTH)")
    @Basic
    void writeRateOfTheExample() {
        ShortenerLoad l = ShortenerLoad.example();
        assertClose("writeRate", writeRate(l), answer(l).writeRate());
    }

    @Test
    @Order(2)
    @DisplayName("the example's read rate, in requests per second")
    @Hint("every URL created is read readsPerWrite times: reads per second = writes per second x readsPerWrite")
    @Basic
    void readRateOfTheExample() {
        ShortenerLoad l = ShortenerLoad.example();
        assertClose("readRate", readRate(l), answer(l).readRate());
    }

    @Test
    @Order(3)
    @DisplayName("the example's storage after the years kept, in bytes")
    @Hint("records kept = URLs per month x 12 months x years; times the bytes per URL")
    @Basic
    void storageOfTheExample() {
        ShortenerLoad l = ShortenerLoad.example();
        assertClose("storage", storage(l), answer(l).storage());
    }

    @Test
    @Order(4)
    @DisplayName("50 other loads: every figure within the tolerance")
    @Hint("use the load you are given (its four fields), not the example's numbers")
    void otherLoads() {
        Random random = new Random(24);
        for (int i = 0; i < 50; i++) {
            ShortenerLoad l = new ShortenerLoad(Math.pow(10, 5 + 4 * random.nextDouble()), 1 + random.nextInt(500),
                    50 + random.nextInt(2000), 1 + random.nextInt(10));
            ShortenerEstimate e = answer(l);
            String load = String.format(Locale.ROOT, "for %,.0f URLs/month, %.0f reads each, %.0f bytes, %.0f years: ",
                    l.newUrlsPerMonth(), l.readsPerWrite(), l.bytesPerUrl(), l.years());
            assertClose(load + "writeRate", writeRate(l), e.writeRate());
            assertClose(load + "readRate", readRate(l), e.readRate());
            assertClose(load + "storage", storage(l), e.storage());
        }
    }
}
