package sdx.transport.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import sdx.exercise.Basic;
import sdx.exercise.Grader;
import sdx.exercise.Hint;
import sdx.transport.Connection;
import sdx.transport.Handshake;
import sdx.transport.Segment;
import sdx.transport.TcpState;

/**
 * Hidden checks for the handshake exercise: the learner's {@link Handshake} rule runs inside both ends of
 * a connection on the simulator (the endpoints add retransmission with back-off). Hand-worked single steps
 * first, then many seeds of a lossy network and of a network that duplicates segments; a failure names
 * the seed and what went wrong.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HandshakeChecks {
    /** Seeds per fault-injected check. */
    static final int RUNS = 200;

    private final Handshake rule = Grader.submission(Handshake.class);

    @Test
    @Order(1)
    @DisplayName("SYN, SYN-ACK, ACK: both ends reach ESTABLISHED on a network without faults (20 seeds)")
    @Hint("LISTEN + SYN: remember the peer's ISN, go to SYN_RECEIVED and answer SYN-ACK; SYN_SENT + SYN-ACK: go to ESTABLISHED and ACK")
    @Basic
    void connects() {
        Runs.Outcome o = Runs.firstFailure(rule, 20, 0, 0);
        if (o != null) fail("seed " + o.seed() + ": " + o.problem());
    }

    @Test
    @Order(2)
    @DisplayName("acknowledgement numbers: each side acknowledges the other's ISN + 1")
    @Hint("a SYN counts as one byte: ack = peer's ISN + 1, and the client's ACK carries seq = its own ISN + 1")
    @Basic
    void numbers() {
        Connection server = new Connection(TcpState.LISTEN, 5_000);
        Segment synAck = rule.onSegment(server, Segment.syn(100));
        assertEquals(Segment.synAck(5_000, 101), synAck, "server's reply to SYN seq=100 (its ISN is 5000)");
        Connection client = new Connection(TcpState.SYN_SENT, 100);
        Segment ack = rule.onSegment(client, Segment.synAck(5_000, 101));
        assertEquals(Segment.ack(101, 5_001), ack, "client's reply to SYN+ACK seq=5000 ack=101 (its ISN is 100)");
        assertEquals(5_000, client.irs(), "client's irs after the SYN-ACK");
    }

    @Test
    @Order(3)
    @DisplayName("SYN_SENT ignores a SYN-ACK that does not acknowledge its ISN + 1")
    @Hint("a SYN-ACK with the wrong ack belongs to some other (old) connection: stay in SYN_SENT")
    @Basic
    void rejectsWrongAck() {
        Connection client = new Connection(TcpState.SYN_SENT, 100);
        rule.onSegment(client, Segment.synAck(5_000, 77));
        assertEquals(TcpState.SYN_SENT, client.state(), "client's state after SYN+ACK seq=5000 ack=77 (its ISN is 100)");
    }

    @Test
    @Order(4)
    @DisplayName("under 10% loss each way, both ends reach ESTABLISHED (200 seeds)")
    @Hint("if the client's ACK is lost, the server sends its SYN-ACK again: an ESTABLISHED client must ACK it again")
    void survivesLoss() {
        Runs.Outcome o = Runs.firstFailure(rule, RUNS, 0.10, 0);
        if (o != null) fail("seed " + o.seed() + " (10% loss): " + o.problem());
    }

    @Test
    @Order(5)
    @DisplayName("under 30% duplication, no end ever leaves ESTABLISHED or changes the peer's ISN (200 seeds)")
    @Hint("a duplicated SYN or SYN-ACK is old news: answer it, but never go back to an earlier state")
    void survivesDuplicates() {
        Runs.Outcome o = Runs.firstFailure(rule, RUNS, 0, 0.30);
        if (o != null) fail("seed " + o.seed() + " (30% duplication): " + o.problem());
    }
}
