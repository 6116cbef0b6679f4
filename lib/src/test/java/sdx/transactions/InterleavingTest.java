package sdx.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterleavingTest {
    static final String LOST_UPDATE = "r1(x) r2(x) w1(x=x+1) w2(x=x+1) c1 c2";
    static final String WRITE_SKEW = "r1(alice) r1(bob) r2(alice) r2(bob) w1(alice=0) w2(bob=0) c1 c2";
    static final Map<String, Long> DOCTORS = Map.of("alice", 1L, "bob", 1L);

    @Test
    void lostUpdateUnderReadCommittedIsCaughtBySnapshot() {
        InterleavingRun rc = Interleaving.parse(LOST_UPDATE).run(Map.of("x", 0L), Isolation.READ_COMMITTED);
        assertEquals(Map.of("x", 1L), rc.result(), "two increments, one lost");
        assertEquals(Anomaly.LOST_UPDATE, rc.anomaly());
        assertFalse(rc.serializable());

        InterleavingRun si = Interleaving.parse(LOST_UPDATE).run(Map.of("x", 0L), Isolation.SNAPSHOT);
        assertEquals(List.of(1), si.committed(), "first committer wins");
        assertEquals(Anomaly.NONE, si.anomaly());
        assertTrue(si.serializable());
    }

    @Test
    void writeSkewPassesSnapshotButNotSerializable() {
        InterleavingRun si = Interleaving.parse(WRITE_SKEW).run(DOCTORS, Isolation.SNAPSHOT);
        assertEquals(List.of(1, 2), si.committed());
        assertEquals(Map.of("alice", 0L, "bob", 0L), si.result(), "nobody on call");
        assertEquals(Anomaly.WRITE_SKEW, si.anomaly());

        InterleavingRun ser = Interleaving.parse(WRITE_SKEW).run(DOCTORS, Isolation.SERIALIZABLE);
        assertEquals(List.of(1), ser.committed());
        assertTrue(ser.serializable());
    }

    @Test
    void nonRepeatableReadOnlyAtReadCommitted() {
        String s = "r1(x) r2(x) w2(x=5) c2 r1(x) c1";
        assertEquals(Anomaly.NON_REPEATABLE_READ, Interleaving.parse(s).run(Map.of("x", 0L), Isolation.READ_COMMITTED).anomaly());
        assertEquals(Anomaly.NONE, Interleaving.parse(s).run(Map.of("x", 0L), Isolation.SNAPSHOT).anomaly());
    }

    @Test
    void serialScheduleIsSerializableAtEveryLevel() {
        for (Isolation level : Isolation.values()) {
            InterleavingRun r = Interleaving.parse("r1(x) w1(x=x+1) c1 r2(x) w2(x=x+1) c2").run(Map.of("x", 0L), level);
            assertEquals(Map.of("x", 2L), r.result(), level.name());
            assertEquals(List.of(1, 2), r.serialOrder().orElseThrow(), level.name());
        }
    }

    @Test
    void readsOwnWrites() {
        InterleavingRun r = Interleaving.parse("w1(x=7) r1(x) c1").run(Map.of(), Isolation.SNAPSHOT);
        assertEquals("reads x = 7", r.rows().get(1).happened());
        assertEquals(Anomaly.NONE, r.anomaly());
    }

    @Test
    void badStepsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Interleaving.parse("r1(x) q2"));
        assertTrue(e.getMessage().contains("'q2'"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> Interleaving.parse("w1(x=y+1) c1").run(Map.of(), Isolation.SNAPSHOT));
        assertTrue(e2.getMessage().contains("has not read yet"), e2.getMessage());
    }

    @Test
    void vacuumKeepsWhatALongReaderCanSee() {
        MvccStore store = MvccStore.create().load(Map.of("x", 0L));
        Transaction reader = store.begin(Isolation.SNAPSHOT);
        for (int i = 1; i <= 5; i++) {
            Transaction w = store.begin(Isolation.SNAPSHOT);
            w.write("x", i);
            assertTrue(w.commit());
        }
        assertEquals(6, store.versionCount());
        assertEquals(4, store.vacuum(), "the reader pins version 0; versions 1-4 are invisible to everyone");
        assertEquals(0, reader.read("x"), "the long reader still sees its snapshot");
        assertTrue(reader.commit());
        assertEquals(1, store.vacuum(), "with no reader, only the newest version stays");
        assertEquals(5, store.latest("x"));
    }
}
