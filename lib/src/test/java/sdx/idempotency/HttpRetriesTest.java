package sdx.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HttpRetriesTest {

    @Test
    void withoutKeysRetriesDuplicateAsTheClosedFormSaysWithKeysNever() {
        int payments = 1_500;
        HttpRetries without = HttpRetries.run(0.3, 3, payments, false, 5);
        HttpRetries with = HttpRetries.run(0.3, 3, payments, true, 5);
        double expected = payments * Theory.duplicatesPerPayment(0.3, 3);
        // duplicates per payment take values 0..2 with variance below 0.4: over 1,500 payments the sum's
        // standard deviation is under sqrt(600) = 24.5; four of them is 98
        assertEquals(expected, without.duplicates(), 98, "duplicates without keys");
        assertEquals(without.sent(), without.charges(), "without keys every request that arrives is a charge");
        assertEquals(0, with.duplicates(), "with keys");
        assertEquals(with.charged(), with.charges(), "with keys: one charge per payment that reached the server");
        assertTrue(with.sent() > with.charges(), "retries did reach the server: " + with.sent() + " requests");
        // the same seed draws the same losses, so both clients lose the same payments
        assertEquals(without.gaveUp(), with.gaveUp());
        assertEquals(payments * Theory.givenUp(0.3, 3), without.gaveUp(), 4 * Math.sqrt(payments * 0.12) + 1);
    }

    @Test
    void theServerAnswersARepeatedKeyFromStorageAndRefusesAReusedOne() {
        Table t = Idempotency.keyedExchanges();
        assertEquals(java.util.List.of(201, 201, 422, 201), t.intColumn("status").asList());
        assertEquals("true", t.stringColumn("Idempotent-Replayed").get(1));
        assertEquals(t.stringColumn("answer").get(0), t.stringColumn("answer").get(1), "the stored answer, replayed");
        assertTrue(t.stringColumn("answer").get(3).contains("ch_2"), "a payment without a key is a new charge");
    }

    @Test
    void nothingIsLeftRunningAndBadInputIsNamed() {
        Idempotency.overHttp(0.2, 2, 20, 1);
        Set<String> left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("sdx-net-payments")).collect(java.util.stream.Collectors.toSet());
        assertEquals(Set.of(), left);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idempotency.overHttp(1.0, 3, 10, 1))
                .getMessage().contains("loss"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idempotency.overHttp(0.1, 0, 10, 1))
                .getMessage().contains("attempts"));
    }
}
