package sdx.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnomalyStudyTest {
    @Test
    void transfersLoseMoneyOnlyUnderReadCommitted() {
        AnomalyStudy s = AnomalyStudy.transfers(AnomalyStudy.TransferSettings.defaults().withRuns(300).withSeed(1));
        assertTrue(s.row(Isolation.READ_COMMITTED).violations() > 0, "lost updates must show under read committed");
        assertEquals(0, s.row(Isolation.SNAPSHOT).violations(), "a transfer writes every key it reads: first committer wins");
        assertEquals(0, s.row(Isolation.SERIALIZABLE).violations());
        assertEquals(0, s.row(Isolation.READ_COMMITTED).aborts(), "read committed never aborts");
        assertTrue(s.row(Isolation.SNAPSHOT).aborts() > 0);
    }

    @Test
    void writeSkewBreaksTheRotaUnderSnapshotButNotSerializable() {
        AnomalyStudy s = AnomalyStudy.onCall(300, 3, 1);
        assertTrue(s.row(Isolation.SNAPSHOT).violationRate() > 0.5, "write skew in most runs under snapshot isolation (notebook 17 says so)");
        assertEquals(0, s.row(Isolation.SERIALIZABLE).violations());
        assertTrue(s.row(Isolation.SERIALIZABLE).aborts() > s.row(Isolation.SNAPSHOT).aborts(), "the price: more aborts");
    }

    @Test
    void sameSeedSameNumbers() {
        assertEquals(AnomalyStudy.transfers(new AnomalyStudy.TransferSettings(50, 3, 4, 9)),
                AnomalyStudy.transfers(new AnomalyStudy.TransferSettings(50, 3, 4, 9)));
    }
}
