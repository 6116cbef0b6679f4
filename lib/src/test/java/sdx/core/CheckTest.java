package sdx.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void messagesNameParameterValueAndRule() {
        assertEquals("cacheSize must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Check.positive("cacheSize", 0)).getMessage());
        assertEquals("shards must be in [1, 10], was 11",
                assertThrows(IllegalArgumentException.class, () -> Check.inRange("shards", 11, 1, 10)).getMessage());
        assertEquals("rate must be a finite number > 0, was NaN",
                assertThrows(IllegalArgumentException.class, () -> Check.positive("rate", Double.NaN)).getMessage());
        assertEquals("trace must not be null",
                assertThrows(IllegalArgumentException.class, () -> Check.notNull("trace", null)).getMessage());
        assertEquals("shards must be <= keys = 5, was 9",
                assertThrows(IllegalArgumentException.class, () -> Check.that(9 <= 5, "shards", 9, "must be <= keys = 5")).getMessage());
    }

    @Test
    void traceStartsAtTheLibraryMethodThatWasCalled() {
        var e = assertThrows(IllegalArgumentException.class, () -> Workloads.zipf(10, -1, 10, 1));
        assertEquals(Workloads.class.getName(), e.getStackTrace()[0].getClassName());
        assertEquals("zipf", e.getStackTrace()[0].getMethodName());
    }
}
