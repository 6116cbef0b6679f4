package sdx.kv.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.core.Rng;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.kv.Resp;

/**
 * Hidden checks of the append-only-log replay: hand-made logs (basic), then a long random log cut at a random
 * byte, compared with the library's {@link Resp#replay}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AofChecks {
    private final AofReplayer replayer = Grader.submission(AofReplayer.class);

    static byte[] log(byte[]... commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : commands) out.write(c, 0, c.length);
        return out.toByteArray();
    }

    private Map<String, String> replay(byte[] aof) {
        return Objects.requireNonNull(replayer.replay(aof.clone()), "replay returned null");
    }

    @Test
    @Order(1)
    @DisplayName("SETs replayed in order: the last write of a key wins")
    @Hint("apply the commands from the first byte to the last; a later SET of a key replaces its value")
    @Basic
    void setsReplayedInOrder() {
        assertEquals(Map.of(), replay(new byte[0]), "state after an empty log");
        byte[] aof = log(Resp.set("a", "1"), Resp.set("b", "2"), Resp.set("a", "3"));
        assertEquals(Map.of("a", "3", "b", "2"), replay(aof), "state after SET a 1, SET b 2, SET a 3");
    }

    @Test
    @Order(2)
    @DisplayName("DELs replayed: a deleted key is gone, a later SET brings it back")
    @Hint("DEL key removes the key from the state (a DEL of a missing key changes nothing)")
    @Basic
    void deletesReplayed() {
        byte[] aof = log(Resp.set("a", "1"), Resp.set("b", "2"), Resp.del("a"), Resp.del("x"), Resp.set("c", "3"),
                Resp.del("c"), Resp.set("c", "4"));
        assertEquals(Map.of("b", "2", "c", "4"), replay(aof), "state after SET a, SET b, DEL a, DEL x, SET c, DEL c, SET c");
    }

    @Test
    @Order(3)
    @DisplayName("values are read by their length, not by lines: spaces, CR LF and UTF-8 inside values")
    @Hint("read $n, then exactly n BYTES (not characters, not up to the next CR LF), then the CR LF after them; "
            + "decode the bytes as UTF-8")
    @Basic
    void lengthsNotLines() {
        byte[] aof = log(Resp.set("a", "x y"), Resp.set("b", "l1\r\nl2"), Resp.set("c", "café"));
        assertEquals(Map.of("a", "x y", "b", "l1\r\nl2", "c", "café"), replay(aof), "state (values with a space, a CR LF, an é)");
    }

    @Test
    @Order(4)
    @DisplayName("a torn last command (cut at any byte) is ignored; a complete one is kept")
    @Hint("when the bytes end inside a command, stop and keep the state from the commands before it; never "
            + "apply half a command, never throw")
    @Basic
    void tornLastCommandIgnored() {
        byte[] two = log(Resp.set("a", "1"), Resp.del("a"), Resp.set("b", "2"));
        byte[] whole = log(two, Resp.set("c", "3"));
        assertEquals(Map.of("b", "2", "c", "3"), replay(whole), "state of the complete log (no torn command)");
        for (int cut = two.length + 1; cut < whole.length; cut++) {
            Map<String, String> got = replay(Arrays.copyOf(whole, cut));
            if (!got.equals(Map.of("b", "2"))) {
                fail("log cut " + (cut - two.length) + " bytes into its last command (SET c 3): got " + got + ", expected {b=2}");
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("agrees with the library's replay on a 2,000-command log cut at a random byte")
    @Hint("lengths can have several digits ($12): read digits until CR LF")
    void matchesReferenceOnALongLog() {
        UniformRandomProvider rng = Rng.of(5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 2_000; i++) {
            String key = "user:" + rng.nextInt(300);
            byte[] c = rng.nextInt(4) == 0 ? Resp.del(key) : Resp.set(key, "v".repeat(rng.nextInt(40)) + i);
            out.write(c, 0, c.length);
        }
        byte[] all = out.toByteArray();
        byte[] cut = Arrays.copyOf(all, all.length - 1 - rng.nextInt(30));
        assertEquals(Resp.replay(cut).state(), replay(cut), "state after replaying the long log");
    }
}
