package sdx.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sdx.sim.Time;

/** The failure detectors and the broadcast on sdx.sim. */
class SimProtocolsTest {
    @Test
    void withoutLossBothDetectorsFindTheCrashAndAccuseNobody() {
        for (FailureDetection.Detector d : FailureDetection.Detector.values()) {
            FailureDetection.Run r = FailureDetection.run(d, 8, 0, 3);
            assertEquals(0, r.falsePerNodeMin(), d + " accused a live node");
            // heartbeat: within timeout + one interval; SWIM: within N-1 periods of round robin + one period
            double limit = d == FailureDetection.Detector.HEARTBEAT ? 400 : 8 * 200;
            assertTrue(r.detectionMs() > 0 && r.detectionMs() <= limit, d + " detection " + r.detectionMs());
        }
    }

    @Test
    void heartbeatsCostNSquaredSwimAConstant() {
        FailureDetection.Run hb = FailureDetection.run(FailureDetection.Detector.HEARTBEAT, 8, 0, 1);
        FailureDetection.Run swim = FailureDetection.run(FailureDetection.Detector.SWIM, 8, 0, 1);
        // heartbeat: (N-1) per 100 ms = 70/s per node (n1 silent after its crash lowers the mean a little);
        // SWIM without loss: a ping and an ack per 200 ms period = 10/s per node, plus, after the crash, k = 3
        // ping-reqs and 3 indirect pings whenever a node probes the dead n1 (1 probe in 7): at most ~14/s
        assertTrue(hb.messagesPerNodeS() > 55 && hb.messagesPerNodeS() <= 70, "heartbeat " + hb.messagesPerNodeS());
        assertTrue(swim.messagesPerNodeS() > 7 && swim.messagesPerNodeS() <= 14, "SWIM " + swim.messagesPerNodeS());
        assertTrue(hb.messagesPerNodeS() > 4 * swim.messagesPerNodeS());
    }

    @Test
    void broadcastReachesEveryNodeDespiteLossAndAPartition() {
        BroadcastRun r = BroadcastRun.run(5, 0.1, 2, Time.s(0.5), Time.s(1.2), 11);
        for (long s : r.stable()) assertTrue(s >= 0, "a value never reached every node");
        assertEquals(r.report().ops(), r.report().ok());
        // a gossip and an ack per peer: at least 2 (N - 1) = 8 messages per value; retries add some
        assertTrue(r.report().messagesPerOp() >= 8 && r.report().messagesPerOp() < 16, "msgs/op " + r.report().messagesPerOp());
        long[] starts = r.starts(), stable = r.stable();
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] > Time.s(0.55) && starts[i] < Time.s(1.1)) {
                assertTrue(starts[i] + stable[i] >= Time.s(1.2) - Time.ms(20), "a value called during the partition was stable before the heal");
            }
        }
    }

    @Test
    void sameSeedSameBroadcast() {
        BroadcastRun a = BroadcastRun.run(5, 0.05, 1, -1, -1, 4), b = BroadcastRun.run(5, 0.05, 1, -1, -1, 4);
        assertEquals(a.sim().trace().toJson(), b.sim().trace().toJson());
    }
}
