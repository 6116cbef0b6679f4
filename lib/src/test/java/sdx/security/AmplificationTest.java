package sdx.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmplificationTest {
    @Test
    void aShortRequestForALargeReplyAmplifies() {
        Amplification.Exchange e = Amplification.measure(30_000);
        assertEquals(Amplification.REQUEST.length(), e.requestBytes());
        assertTrue(e.replyBytes() > 30_000 && e.replyBytes() < 30_400, "headers add a little: " + e);
        assertTrue(e.factor() > 400, e.toString());
        assertEquals(e, Amplification.measure(30_000), "the byte counts repeat");
    }
}
