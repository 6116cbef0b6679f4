package sdx.sim;

import java.util.ArrayList;
import java.util.List;

/** A tiny protocol for the tests: numbered messages, a client request and its replies. */
final class TestProtocol {
    private TestProtocol() {}

    sealed interface Msg permits Num, Put, PutOk, PutFail, Copy, Go {}

    record Num(int i) implements Msg {}

    record Put(long opId, int value) implements Msg {}

    record PutOk(long opId) implements Msg, ClientReply {}

    record PutFail(long opId) implements Msg, ClientReply {
        @Override
        public boolean ok() {
            return false;
        }
    }

    record Copy(int value) implements Msg {}

    record Go() implements Msg {}

    /** Sends Num(0..count-1) to {@code target}, one every {@code gap} µs (all at once when gap is 0). */
    static final class Sender implements Node<Msg> {
        final String target;
        final int count;
        final long gap;
        int next;

        Sender(String target, int count, long gap) {
            this.target = target;
            this.count = count;
            this.gap = gap;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            if (gap == 0) {
                for (int i = 0; i < count; i++) ctx.send(target, new Num(i));
            } else {
                ctx.set(new Go(), gap);
            }
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {}

        @Override
        public void onTimer(Msg t, Context<Msg> ctx) {
            ctx.send(target, new Num(next++));
            if (next < count) ctx.set(new Go(), gap);
        }
    }

    /** Records every Num it receives, in order. */
    static final class Sink implements Node<Msg> {
        final List<Integer> got = new ArrayList<>();

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Num n) got.add(n.i());
        }
    }

    /**
     * Answers a client's Put: copies it to every peer first when {@code replicate}, fails odd values when
     * {@code failOdd}, ignores values divisible by 5 when {@code ignoreFifths}.
     */
    static final class Store implements Node<Msg> {
        final boolean replicate;
        final boolean failOdd;
        final boolean ignoreFifths;

        Store(boolean replicate, boolean failOdd, boolean ignoreFifths) {
            this.replicate = replicate;
            this.failOdd = failOdd;
            this.ignoreFifths = ignoreFifths;
        }

        @Override
        public void onMessage(String from, Msg m, Context<Msg> ctx) {
            if (m instanceof Put p) {
                if (ignoreFifths && p.value() % 5 == 0) return;
                if (replicate) ctx.broadcast(new Copy(p.value()));
                ctx.send(from, failOdd && p.value() % 2 == 1 ? new PutFail(p.opId()) : new PutOk(p.opId()));
            }
        }
    }
}
