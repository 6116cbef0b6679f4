package sdx.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackTest {
    @Test
    void tcpDeliversEverythingInOrderAndUdpAccountsForEveryDatagram() throws InterruptedException {
        var c = Loopback.udpVsTcp(5_000, 256, 8_192);
        assertEquals(5_000, c.tcp().received());
        assertEquals(0, c.tcp().outOfOrder());
        // UDP's loss depends on the machine (none is possible), so only the bookkeeping is asserted.
        assertEquals(c.udp().sent(), c.udp().received() + c.udp().lost());
        assertTrue(c.udp().received() > 0, "some datagrams arrive");
        assertEquals(0, c.udp().duplicates(), "loopback does not duplicate");
        Thread.sleep(200);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.isAlive()
                && (t.getName().startsWith("sdx-udp-receiver") || t.getName().startsWith("sdx-tcp-receiver"))),
                "receiver threads end");
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Loopback.udpVsTcp(10, 2_000, 8_192));
        assertTrue(e.getMessage().contains("payloadBytes"), e.getMessage());
    }
}
