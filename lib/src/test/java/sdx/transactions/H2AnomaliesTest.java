package sdx.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** What H2 2.4.240 allows, as measured; if an upgrade changes it, this test says so (and notebook 17's prose must change). */
class H2AnomaliesTest {
    @Test
    void onlyReadCommittedLosesTheUpdate() {
        Table t = H2Anomalies.lostUpdate();
        assertEquals(4, t.rowCount());
        assertTrue(t.stringColumn("anomaly?").get(0).startsWith("LOST UPDATE"));
        for (int r = 1; r < 4; r++) {
            assertTrue(t.stringColumn("anomaly?").get(r).startsWith("no"), t.stringColumn("isolation level").get(r));
            assertTrue(t.stringColumn("T2 writes and commits").get(r).startsWith("ABORTED"));
        }
    }

    @Test
    void everyLevelAllowsWriteSkewEvenSerializable() {
        Table t = H2Anomalies.writeSkew();
        for (int r = 0; r < 4; r++) assertTrue(t.stringColumn("anomaly?").get(r).startsWith("WRITE SKEW"), t.stringColumn("isolation level").get(r));
    }

    @Test
    void selectForUpdatePreventsWriteSkewAtEveryLevel() {
        Table t = H2Anomalies.writeSkewWithLocks();
        for (int r = 0; r < 4; r++) {
            assertEquals("1 on call", t.stringColumn("after").get(r));
            assertTrue(t.stringColumn("reads").get(r).contains("waits for T1's lock"));
        }
    }
}
