package sdx.transactions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sdx.sim.Context;
import sdx.sim.Node;
import sdx.transactions.ThreePcMessage.Abort;
import sdx.transactions.ThreePcMessage.CanCommit;
import sdx.transactions.ThreePcMessage.DoCommit;
import sdx.transactions.ThreePcMessage.PreCommit;
import sdx.transactions.ThreePcMessage.ReadyAck;
import sdx.transactions.ThreePcMessage.Timeout;
import sdx.transactions.ThreePcMessage.Vote;

/**
 * The coordinator of three-phase commit: votes, then a pre-commit round that tells everyone the vote
 * was unanimous, then the commit. If a participant does not acknowledge the pre-commit in time, the
 * coordinator commits anyway: everyone it could reach is ready, and the rules say a ready participant
 * that times out commits.
 */
public final class ThreePcCoordinator implements Node<ThreePcMessage> {
    private final List<String> participants;
    private final long timeoutMicros;
    private final Set<String> yes = new HashSet<>(), ready = new HashSet<>();
    private int phase = 1;
    private Boolean decision;

    /** A coordinator for {@code participants}, waiting {@code timeoutMicros} in each phase. */
    public ThreePcCoordinator(List<String> participants, long timeoutMicros) {
        this.participants = List.copyOf(participants);
        this.timeoutMicros = timeoutMicros;
    }

    @Override
    public void onStart(Context<ThreePcMessage> ctx) {
        participants.forEach(p -> ctx.send(p, new CanCommit()));
        ctx.set(new Timeout(1), timeoutMicros);
    }

    @Override
    public void onMessage(String from, ThreePcMessage m, Context<ThreePcMessage> ctx) {
        if (m instanceof Vote v && phase == 1) {
            if (!v.yes()) {
                finish(false, ctx);
            } else if (yes.add(from) && yes.containsAll(participants)) {
                phase = 2;
                participants.forEach(p -> ctx.send(p, new PreCommit()));
                ctx.set(new Timeout(2), timeoutMicros);
            }
        } else if (m instanceof ReadyAck && phase == 2 && ready.add(from) && ready.containsAll(participants)) {
            finish(true, ctx);
        }
    }

    @Override
    public void onTimer(ThreePcMessage t, Context<ThreePcMessage> ctx) {
        if (t instanceof Timeout to && to.phase() == phase && decision == null) finish(phase == 2, ctx);
    }

    private void finish(boolean commit, Context<ThreePcMessage> ctx) {
        phase = 3;
        decision = commit;
        ctx.note(commit ? "decides COMMIT" : "decides ABORT");
        participants.forEach(p -> ctx.send(p, commit ? new DoCommit() : new Abort()));
    }

    /** The decision, or null while undecided. */
    public Boolean decision() {
        return decision;
    }
}
