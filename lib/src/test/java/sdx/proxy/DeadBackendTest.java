package sdx.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdx.proxy.Proxies.DeadBackendRun;
import sdx.proxy.Proxies.DeadBackendSetup;

class DeadBackendTest {
    private static final int REQUESTS = 200, KILL_AT = 40;

    @Test
    void eachSetupFailsAsTheCountingArgumentPredicts() {
        List<DeadBackendRun> runs = Proxies.deadBackend(DeadBackendSetup.standard(), REQUESTS, KILL_AT, 7);
        DeadBackendRun none = runs.get(0), retry = runs.get(1), eject = runs.get(2), both = runs.get(3);
        // Round robin from backend 0: request i goes to i mod 4, so backend 1 gets every 4th request after the kill.
        assertEquals((REQUESTS - KILL_AT) / 4, none.clientErrors());
        assertEquals(none.clientErrors(), Theory.deadBackendErrors(REQUESTS, KILL_AT, 4, 0, 0));
        assertEquals(KILL_AT / 4, none.served()[1], "backend 1 served its turns before it died, none after");
        assertEquals(0, retry.clientErrors(), "a retry elsewhere hides every failure");
        assertTrue(retry.failedAttempts() > (REQUESTS - KILL_AT) / 4,
                "but every retry shifts round robin's turn, so the dead backend is tried every 3rd request: " + retry.failedAttempts());
        assertEquals(3, eject.clientErrors(), "three failures in a row eject it");
        assertEquals(3, eject.failedAttempts());
        assertEquals(0, both.clientErrors());
        assertEquals(3, both.failedAttempts());
        assertEquals(REQUESTS + 3, both.attempts(), "three retries, then no more attempts on the dead backend");
        for (DeadBackendRun r : runs) {
            long served = java.util.Arrays.stream(r.served()).sum();
            assertEquals(REQUESTS - r.clientErrors(), served, r.setup().label() + ": every success was served once");
        }
    }

    @Test
    void theSameArgumentsGiveTheSameTable() {
        List<DeadBackendSetup> setups = List.of(DeadBackendSetup.standard().get(1));
        assertEquals(Proxies.deadBackendTable(Proxies.deadBackend(setups, 80, 20, 3), 20).print(),
                Proxies.deadBackendTable(Proxies.deadBackend(setups, 80, 20, 3), 20).print());
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Proxies.deadBackend(DeadBackendSetup.standard(), 100, 101, 1));
        assertTrue(e.getMessage().contains("killAt") && e.getMessage().contains("101"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DeadBackendSetup("x", 0, 4));
        assertTrue(e.getMessage().contains("retries"), e.getMessage());
    }
}
