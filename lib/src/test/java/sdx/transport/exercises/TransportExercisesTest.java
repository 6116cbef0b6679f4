package sdx.transport.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Prediction;
import sdx.exercise.Report;
import sdx.transport.Connection;
import sdx.transport.Handshake;
import sdx.transport.Rfc9293Handshake;
import sdx.transport.Segment;
import sdx.transport.TcpState;

/** The handshake grader against the reference, the notebook's stub and one wrong rule per check. */
class TransportExercisesTest {

    /** The notebook's solution, written as a learner would (kept in step with the notebook). */
    static Segment solution(Connection c, Segment in) {
        if (c.state() == TcpState.LISTEN && in.isSyn() && !in.isAck()) {
            c.irs(in.seq());
            c.state(TcpState.SYN_RECEIVED);
            return Segment.synAck(c.iss(), in.seq() + 1);
        }
        if (c.state() == TcpState.SYN_RECEIVED && in.isSyn() && !in.isAck()) return Segment.synAck(c.iss(), c.irs() + 1);
        if (c.state() == TcpState.SYN_RECEIVED && in.isAck() && in.ack() == c.iss() + 1) {
            c.state(TcpState.ESTABLISHED);
            return null;
        }
        if (c.state() == TcpState.SYN_SENT && in.isSyn() && in.isAck() && in.ack() == c.iss() + 1) {
            c.irs(in.seq());
            c.state(TcpState.ESTABLISHED);
            return Segment.ack(c.iss() + 1, in.seq() + 1);
        }
        if (c.state() == TcpState.ESTABLISHED && in.isSyn() && in.isAck()) return Segment.ack(c.iss() + 1, c.irs() + 1);
        return null;
    }

    /** Mutant wrapper: the reference except where {@code change} returns a non-null answer. */
    static Handshake except(Handshake change) {
        Handshake ref = new Rfc9293Handshake();
        return (c, in) -> {
            Segment[] out = new Segment[1];
            Connection probe = c;
            Segment alt = change.onSegment(probe, in);
            if (alt != null) return alt == NONE ? null : alt;
            out[0] = ref.onSegment(c, in);
            return out[0];
        };
    }

    /** Marker: the mutant sends nothing (and has already updated the connection as it wishes). */
    static final Segment NONE = new Segment(Segment.Flags.ACK, -1, -1);

    @Nested
    class HandshakeGrader extends GraderContract<Handshake> {
        @Override
        protected Report grade(Handshake answer) {
            return TransportExercises.handshake(answer);
        }

        @Override
        protected Handshake reference() {
            return new Rfc9293Handshake();
        }

        @Override
        protected List<Handshake> alsoCorrect() {
            return List.of(TransportExercisesTest::solution);
        }

        @Override
        protected Handshake stub() {
            return (c, in) -> Exercise.todo();
        }

        @Override
        protected List<Mutant<Handshake>> mutants() {
            return List.of(
                    mutant("the server never answers a SYN", "connects", except((c, in) ->
                            c.state() == TcpState.LISTEN ? NONE : null)),
                    mutant("acknowledges the peer's ISN without + 1", "numbers", except((c, in) -> {
                        if (c.state() == TcpState.LISTEN && in.isSyn()) {
                            c.irs(in.seq());
                            c.state(TcpState.SYN_RECEIVED);
                            return Segment.synAck(c.iss(), in.seq());
                        }
                        if (c.state() == TcpState.SYN_SENT && in.isSyn() && in.isAck()) {
                            c.irs(in.seq());
                            c.state(TcpState.ESTABLISHED);
                            return Segment.ack(c.iss() + 1, in.seq());
                        }
                        if (c.state() == TcpState.SYN_RECEIVED && in.isAck() && !in.isSyn() && in.ack() == c.iss()) {
                            c.state(TcpState.ESTABLISHED);
                            return NONE;
                        }
                        return null;
                    })),
                    mutant("accepts any SYN-ACK, whatever it acknowledges", "rejectsWrongAck", except((c, in) -> {
                        if (c.state() == TcpState.SYN_SENT && in.isSyn() && in.isAck()) {
                            c.irs(in.seq());
                            c.state(TcpState.ESTABLISHED);
                            return Segment.ack(c.iss() + 1, in.seq() + 1);
                        }
                        return null;
                    })),
                    mutant("an established client ignores a repeated SYN-ACK (its ACK was lost)", "survivesLoss",
                            except((c, in) -> c.state() == TcpState.ESTABLISHED ? NONE : null)),
                    mutant("a duplicate SYN sends the server back to SYN_RECEIVED", "survivesDuplicates", except((c, in) -> {
                        if (c.state() == TcpState.ESTABLISHED && in.isSyn() && !in.isAck()) {
                            c.state(TcpState.SYN_RECEIVED);
                            return Segment.synAck(c.iss(), in.seq() + 1);
                        }
                        return null;
                    })),
                    mutant("a duplicate SYN-ACK overwrites the client's record of the server's ISN", "survivesDuplicates",
                            except((c, in) -> {
                                if (c.state() == TcpState.ESTABLISHED && in.isSyn() && in.isAck()) {
                                    c.irs(in.seq() + 1);
                                    return Segment.ack(c.iss() + 1, in.seq() + 1);
                                }
                                return null;
                            })));
        }
    }

    @Nested
    class ThroughputPrediction extends GraderContract<Double> {
        @Override
        protected Report grade(Double answer) {
            return TransportExercises.predictThroughput(answer);
        }

        @Override
        protected Double reference() {
            return TransportExercises.mathisEstimate();
        }

        @Override
        protected Double stub() {
            return Exercise.TODO_NUMBER;
        }

        @Override
        protected List<Mutant<Double>> mutants() {
            double rtt = TransportExercises.PREDICT_RTT_MS / 1000, p = TransportExercises.PREDICT_LOSS;
            return List.of(
                    mutant("one packet lost in 1/p: window 1/p per RTT", Prediction.CHECK_ID, 1 / p / rtt),
                    mutant("window 1/sqrt(p), forgetting the constant", Prediction.CHECK_ID, 1 / Math.sqrt(p) / rtt),
                    mutant("RTT taken in milliseconds", Prediction.CHECK_ID, Math.sqrt(1.5) / Math.sqrt(p) / (rtt * 1000)),
                    mutant("the link's loss-free rate: one window of 64 per RTT", Prediction.CHECK_ID, 64 / rtt));
        }
    }

    @Test
    void truthIsTheSimulatedSenderAndMathisAgreesWithIt() {
        double truth = TransportExercises.THROUGHPUT.truth();
        double mathis = TransportExercises.mathisEstimate();
        assertEquals(244.9, mathis, 0.1, "1.2247 / (0.05 s * sqrt(0.01))");
        // Mathis' constant assumes periodic loss; under random loss a SACK-style AIMD sender lands within
        // about 10% of it (measured ratio ~1.05 here), well inside the ±25 packets/s tolerance.
        assertTrue(Math.abs(truth - mathis) < 25, "simulated " + truth + " vs Mathis " + mathis);
        assertEquals(truth, TransportExercises.THROUGHPUT.truth(), 0.0, "same seed, same truth");
    }

    @Test
    void notebookSolutionIsTheReferenceStepByStep() {
        Connection a = new Connection(TcpState.LISTEN, 9), b = new Connection(TcpState.LISTEN, 9);
        assertEquals(new Rfc9293Handshake().onSegment(a, Segment.syn(3)), solution(b, Segment.syn(3)));
        assertEquals(a.state(), b.state());
    }
}
