package sdx.kv.exercises;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Nested;
import sdx.exercise.Exercise;
import sdx.exercise.GraderContract;
import sdx.exercise.Report;

/** Both graders of notebook 11 against the notebook's solutions, the stubs and one wrong answer per check. */
class KeyValueExercisesTest {

    /** The mistakes a TTL store can make, one flag each; all false is the notebook's solution. */
    enum TtlBug { NONE, DELETE_KEEPS_VALUE, ALIVE_AT_DEADLINE, SET_KEEPS_TTL, KEEPS_FIRST_DEADLINE, LAZY_ONLY_IN_GET,
        PERSIST_NOOP, TTL_ABSOLUTE, ONE_SHARED_DEADLINE }

    /** The notebook's solution with at most one bug switched on. */
    static final class Store implements TtlStore {
        private final LongSupplier clock;
        private final TtlBug bug;
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Long> deadlines = new HashMap<>();
        private final Set<String> hasTtl = new HashSet<>();
        private long shared = Long.MAX_VALUE;

        Store(LongSupplier clock, TtlBug bug) {
            this.clock = clock;
            this.bug = bug;
        }

        private Long deadline(String key) {
            if (bug == TtlBug.ONE_SHARED_DEADLINE) return hasTtl.contains(key) ? shared : null;
            return deadlines.get(key);
        }

        private void setDeadline(String key, Long d) {
            if (bug == TtlBug.ONE_SHARED_DEADLINE) {
                if (d == null) hasTtl.remove(key);
                else {
                    hasTtl.add(key);
                    shared = d;
                }
            } else if (d == null) deadlines.remove(key);
            else deadlines.put(key, d);
        }

        private void expire(String key) {
            Long d = deadline(key);
            long now = clock.getAsLong();
            if (d != null && (bug == TtlBug.ALIVE_AT_DEADLINE ? now > d : now >= d)) {
                values.remove(key);
                setDeadline(key, null);
            }
        }

        private void expireUnlessLazyOnlyInGet(String key) {
            if (bug != TtlBug.LAZY_ONLY_IN_GET) expire(key);
        }

        public void set(String key, String value) {
            values.put(key, value);
            if (bug != TtlBug.SET_KEEPS_TTL) setDeadline(key, null);
        }

        public void setWithTtl(String key, String value, long ttl) {
            expire(key);
            values.put(key, value);
            if (bug == TtlBug.KEEPS_FIRST_DEADLINE && deadline(key) != null) return;
            setDeadline(key, clock.getAsLong() + ttl);
        }

        public String get(String key) {
            expire(key);
            return values.get(key);
        }

        public boolean delete(String key) {
            expireUnlessLazyOnlyInGet(key);
            setDeadline(key, null);
            return bug == TtlBug.DELETE_KEEPS_VALUE ? values.containsKey(key) : values.remove(key) != null;
        }

        public boolean persist(String key) {
            expireUnlessLazyOnlyInGet(key);
            if (!values.containsKey(key) || deadline(key) == null) return false;
            if (bug != TtlBug.PERSIST_NOOP) setDeadline(key, null);
            return true;
        }

        public long ttl(String key) {
            expireUnlessLazyOnlyInGet(key);
            if (!values.containsKey(key)) return -2;
            Long d = deadline(key);
            if (d == null) return -1;
            return bug == TtlBug.TTL_ABSOLUTE ? d : d - clock.getAsLong();
        }
    }

    /** The notebook's stub. */
    static final class TtlStub implements TtlStore {
        TtlStub(LongSupplier clock) {}
        public void set(String key, String value) { Exercise.todo(); }
        public void setWithTtl(String key, String value, long ttlMillis) { Exercise.todo(); }
        public String get(String key) { return Exercise.todo(); }
        public boolean delete(String key) { return Exercise.todo(); }
        public boolean persist(String key) { return Exercise.todo(); }
        public long ttl(String key) { return Exercise.todo(); }
    }

    @Nested
    class TtlGrader extends GraderContract<TtlStore.Factory> {
        @Override protected Report grade(TtlStore.Factory a) { return KeyValueExercises.ttl(a); }
        @Override protected TtlStore.Factory reference() { return c -> new Store(c, TtlBug.NONE); }
        @Override protected TtlStore.Factory stub() { return TtlStub::new; }

        private Mutant<TtlStore.Factory> m(String name, String check, TtlBug bug) {
            return mutant(name, check, c -> new Store(c, bug));
        }

        @Override
        protected List<Mutant<TtlStore.Factory>> mutants() {
            return List.of(
                    m("delete forgets the TTL but keeps the value", "setGetDelete", TtlBug.DELETE_KEEPS_VALUE),
                    m("alive at the deadline (now > deadline)", "expiresExactlyAtDeadline", TtlBug.ALIVE_AT_DEADLINE),
                    m("a plain set keeps the old TTL", "plainSetClearsTtl", TtlBug.SET_KEEPS_TTL),
                    m("setWithTtl keeps the first deadline", "setWithTtlRestartsTheClock", TtlBug.KEEPS_FIRST_DEADLINE),
                    m("expiry checked in get only", "expiredKeyIsAbsentEverywhere", TtlBug.LAZY_ONLY_IN_GET),
                    m("persist says true but keeps the TTL", "persistRemovesTtl", TtlBug.PERSIST_NOOP),
                    m("ttl returns the deadline, not what is left", "ttlReportsWhatIsLeft", TtlBug.TTL_ABSOLUTE),
                    m("one deadline shared by every key", "matchesReferenceOnARandomTrace", TtlBug.ONE_SHARED_DEADLINE));
        }
    }

    /** The mistakes a replay can make; NONE is the notebook's solution. */
    enum AofBug { NONE, FIRST_WRITE_WINS, IGNORES_DEL, LINES, CHARS_NOT_BYTES, THROWS_ON_TORN, DROPS_LAST, ONE_DIGIT }

    /** The notebook's solution (a small RESP reader) with at most one bug switched on. */
    static final class Replay implements AofReplayer {
        private final AofBug bug;
        private byte[] log;
        private int pos;

        Replay(AofBug bug) {
            this.bug = bug;
        }

        public Map<String, String> replay(byte[] aof) {
            if (bug == AofBug.LINES) return byLines(aof);
            log = bug == AofBug.CHARS_NOT_BYTES ? charsAsBytes(aof) : aof;
            pos = 0;
            Map<String, String> state = new HashMap<>();
            List<List<String>> commands = new ArrayList<>();
            while (pos < log.length) {
                List<String> cmd = command();
                if (cmd == null) {
                    if (bug == AofBug.THROWS_ON_TORN) throw new IllegalStateException("unexpected end of log");
                    break;
                }
                commands.add(cmd);
            }
            if (bug == AofBug.DROPS_LAST && !commands.isEmpty()) commands.remove(commands.size() - 1);
            for (List<String> cmd : commands) apply(state, cmd);
            return state;
        }

        private void apply(Map<String, String> state, List<String> cmd) {
            if (cmd.get(0).equals("SET")) {
                if (bug == AofBug.FIRST_WRITE_WINS) state.putIfAbsent(cmd.get(1), cmd.get(2));
                else state.put(cmd.get(1), cmd.get(2));
            } else if (cmd.get(0).equals("DEL") && bug != AofBug.IGNORES_DEL) state.remove(cmd.get(1));
        }

        private List<String> command() {
            int n = number('*');
            if (n < 0) return null;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int len = number('$');
                if (len < 0 || pos + len + 2 > log.length) return null;
                parts.add(new String(log, pos, len, StandardCharsets.UTF_8));
                pos += len + 2;
            }
            return parts;
        }

        private int number(char prefix) {
            if (pos >= log.length) return -1;
            int end = pos + 1;
            while (end < log.length && log[end] != '\r') end++;
            if (end + 1 >= log.length || log[pos] != prefix) return -1;
            if (bug == AofBug.ONE_DIGIT) end = pos + 2;
            int value = Integer.parseInt(new String(log, pos + 1, end - pos - 1, StandardCharsets.US_ASCII));
            pos = end + 2;
            return value;
        }

        /** Wrong: one byte per character (so a length counted in bytes overruns an é). */
        private static byte[] charsAsBytes(byte[] aof) {
            String s = new String(aof, StandardCharsets.UTF_8);
            byte[] out = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) out[i] = (byte) s.charAt(i);
            return out;
        }

        /** Wrong: splits the log at every CR LF and takes the line after each $n line as the part. */
        private static Map<String, String> byLines(byte[] aof) {
            String[] lines = new String(aof, StandardCharsets.UTF_8).split("\r\n", -1);
            Map<String, String> state = new HashMap<>();
            for (int i = 0; i + 1 < lines.length; i++) {
                if (!lines[i].startsWith("*")) continue;
                int n = Integer.parseInt(lines[i].substring(1));
                if (i + 2 * n >= lines.length) break;
                List<String> parts = new ArrayList<>();
                for (int k = 0; k < n; k++) parts.add(lines[i + 2 + 2 * k]);
                if (parts.get(0).equals("SET") && parts.size() == 3) state.put(parts.get(1), parts.get(2));
                else if (parts.get(0).equals("DEL")) state.remove(parts.get(1));
                i += 2 * n;
            }
            return state;
        }
    }

    @Nested
    class AofGrader extends GraderContract<AofReplayer> {
        @Override protected Report grade(AofReplayer a) { return KeyValueExercises.aofReplay(a); }
        @Override protected AofReplayer reference() { return new Replay(AofBug.NONE); }
        @Override protected AofReplayer stub() { return aof -> Exercise.todo(); }
        @Override protected List<AofReplayer> alsoCorrect() { return List.of(aof -> sdx.kv.Resp.replay(aof).state()); }

        @Override
        protected List<Mutant<AofReplayer>> mutants() {
            return List.of(
                    mutant("the first write of a key wins", "setsReplayedInOrder", new Replay(AofBug.FIRST_WRITE_WINS)),
                    mutant("DEL ignored", "deletesReplayed", new Replay(AofBug.IGNORES_DEL)),
                    mutant("split into lines at CR LF", "lengthsNotLines", new Replay(AofBug.LINES)),
                    mutant("lengths counted in characters", "lengthsNotLines", new Replay(AofBug.CHARS_NOT_BYTES)),
                    mutant("throws on a torn tail", "tornLastCommandIgnored", new Replay(AofBug.THROWS_ON_TORN)),
                    mutant("always drops the last command", "tornLastCommandIgnored", new Replay(AofBug.DROPS_LAST)),
                    mutant("reads one digit of each length", "matchesReferenceOnALongLog", new Replay(AofBug.ONE_DIGIT)));
        }
    }
}
