package sdx.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sdx.core.Check;
import sdx.sim.Context;
import sdx.sim.Node;

/**
 * One replica of a leader–follower (primary–replica) store on the simulator. The leader orders writes in
 * a log and sends each entry to its followers; a follower applies entries in index order (buffering any
 * that arrive early) and acknowledges cumulatively. When the leader answers the client depends on the
 * {@link Mode}. With {@code fencing}, every message carries the leader's epoch and a replica refuses an
 * older epoch, so a deposed leader learns it was replaced, steps down and rejoins as a follower: the new leader
 * finds where their logs part, the old leader drops the entries nobody else has (writes it never got
 * acknowledged) and takes the new leader's instead. Without fencing, two leaders can both accept writes
 * (split brain).
 */
public final class Replica implements Node<Msg> {
    /** What a replica is now. */
    public enum Role { LEADER, FOLLOWER }

    private record Pending(long opId, String client, long index) {}

    private final Mode mode;
    private final boolean fencing;
    private final History history;
    private final TreeMap<Long, Msg.Entry> log = new TreeMap<>();
    private final TreeMap<Long, Msg.Entry> early = new TreeMap<>();
    private final Set<Long> written = new HashSet<>();
    private final Map<String, Msg.Entry> latest = new HashMap<>();
    private final Map<String, Long> matched = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> catchUp = new HashSet<>();
    private Context<Msg> ctx;
    private Role role;
    private long epoch = 1;
    private long applied;
    private long discarded;
    private String leader;

    /** A replica that starts as leader of epoch 1 ({@code leader}) or as its follower. */
    public Replica(boolean leader, String leaderName, Mode mode, boolean fencing, History history) {
        this.role = leader ? Role.LEADER : Role.FOLLOWER;
        this.leader = Check.notNull("leaderName", leaderName);
        this.mode = Check.notNull("mode", mode);
        this.fencing = fencing;
        this.history = Check.notNull("history", history);
    }

    @Override
    public void onStart(Context<Msg> ctx) {
        this.ctx = ctx;
        if (role == Role.LEADER) for (String p : ctx.peers()) matched.put(p, 0L);
    }

    @Override
    public void onMessage(String from, Msg m, Context<Msg> ctx) {
        if (m instanceof Msg.Write w) onWrite(from, w);
        else if (m instanceof Msg.Append a) onAppend(from, a);
        else if (m instanceof Msg.Appended a) onAppended(from, a);
        else if (m instanceof Msg.Fenced f) { if (f.epoch() > epoch) stepDown(f.epoch(), f.leader()); }
        else if (m instanceof Msg.Rejoin r) onRejoin(from, r);
        else if (m instanceof Msg.Resync r) onResync(from, r);
        else if (m instanceof Msg.NewEpoch n) onNewEpoch(from, n);
        else if (m instanceof Msg.Read r) onRead(from, r);
    }

    private void onWrite(String client, Msg.Write w) {
        if (role != Role.LEADER) {
            ctx.send(client, new Msg.WriteFailed(w.opId(), "not the leader"));
            return;
        }
        long index = (log.isEmpty() ? 0 : log.lastKey()) + 1;
        Msg.Entry e = new Msg.Entry(index, epoch, w.opId(), w.key(), w.value());
        store(e);
        applied = index;
        history.appended(e, ctx.now());
        for (String f : matched.keySet()) ctx.send(f, new Msg.Append(epoch, e));
        pending.add(new Pending(w.opId(), client, index));
        commitReady();
    }

    private void onAppend(String from, Msg.Append a) {
        if (fencing && a.epoch() < epoch) {
            ctx.send(from, new Msg.Fenced(epoch, leader));
            return;
        }
        if (fencing && a.epoch() > epoch) stepDown(a.epoch(), from);
        Msg.Entry e = a.entry();
        if (e.index() <= applied) {
            store(e); // a second leader overwrites this position: only possible without fencing
        } else {
            early.put(e.index(), e);
            drainEarly();
        }
        ctx.send(from, new Msg.Appended(a.epoch(), applied));
    }

    private void onAppended(String from, Msg.Appended a) {
        if (role != Role.LEADER || a.epoch() != epoch || !matched.containsKey(from)) return;
        matched.merge(from, a.index(), Math::max);
        if (catchUp.remove(from)) { // first answer after a promotion: send what this follower misses
            for (Msg.Entry e : log.tailMap(a.index(), false).values()) ctx.send(from, new Msg.Append(epoch, e));
        }
        commitReady();
    }

    private void commitReady() {
        int need = mode.acksNeeded(matched.size());
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            long acks = matched.values().stream().filter(i -> i >= p.index()).count();
            if (acks < need) continue;
            it.remove();
            history.acked(log.get(p.index()));
            ctx.send(p.client(), new Msg.WriteOk(p.opId(), p.index()));
        }
    }

    private void onNewEpoch(String from, Msg.NewEpoch n) {
        if (fencing && n.epoch() < epoch) {
            ctx.send(from, new Msg.Fenced(epoch, leader));
            return;
        }
        stepDown(n.epoch(), from);
        ctx.send(from, new Msg.Appended(n.epoch(), applied));
    }

    private void stepDown(long newEpoch, String newLeader) {
        if (newEpoch > epoch) early.clear(); // entries of the old leader not yet applied are dropped
        epoch = Math.max(epoch, newEpoch);
        leader = newLeader;
        if (role == Role.LEADER) {
            role = Role.FOLLOWER;
            for (Pending p : pending) ctx.send(p.client(), new Msg.WriteFailed(p.opId(), "fenced: epoch " + epoch + " has a new leader"));
            pending.clear();
            matched.clear();
            catchUp.clear();
            if (!newLeader.equals(ctx.self())) ctx.send(newLeader, new Msg.Rejoin(epoch, List.copyOf(log.values())));
        }
    }

    /** As leader: take a deposed leader back, sending it this log from where the two logs part. */
    private void onRejoin(String from, Msg.Rejoin r) {
        if (role != Role.LEADER || r.epoch() != epoch) return;
        long from1 = 1;
        for (Msg.Entry theirs : r.log()) {
            Msg.Entry mine = log.get(theirs.index());
            if (mine == null || !mine.equals(theirs)) break;
            from1 = theirs.index() + 1;
        }
        matched.put(from, from1 - 1);
        ctx.send(from, new Msg.Resync(epoch, from1, List.copyOf(log.tailMap(from1, true).values())));
    }

    /** As a rejoining follower: drop what the leader does not have, then apply its entries. */
    private void onResync(String from, Msg.Resync r) {
        if (r.epoch() != epoch || role != Role.FOLLOWER) return;
        for (Msg.Entry dropped : List.copyOf(log.tailMap(r.from(), true).values())) {
            log.remove(dropped.index());
            written.remove(dropped.value());
            discarded++;
        }
        latest.clear();
        for (Msg.Entry e : log.values()) latest.put(e.key(), e);
        applied = r.from() - 1;
        for (Msg.Entry e : r.entries()) apply(e);
        early.headMap(applied, true).clear();       // new entries that overtook the resync wait in early
        drainEarly();
        ctx.send(from, new Msg.Appended(epoch, applied));
    }

    private void onRead(String from, Msg.Read r) {
        if (role != Role.LEADER && r.minIndex() > applied) {
            ctx.send(leader, new Msg.Read(r.opId(), r.key(), r.minIndex(), from)); // behind the client's own write
            return;
        }
        Msg.Entry e = latest.get(r.key());
        String client = r.replyTo().isEmpty() ? from : r.replyTo();
        history.read(r.opId(), e == null ? 0 : e.index(), ctx.self());
        ctx.send(client, new Msg.ReadOk(r.opId(), r.key(), e == null ? 0 : e.index(), e == null ? 0 : e.value()));
    }

    /** Stores {@code e} as the next entry in order. */
    private void apply(Msg.Entry e) {
        store(e);
        applied = e.index();
        history.applied(ctx.self(), e, ctx.now());
    }

    /** Applies the buffered entries that now follow the last applied one without a gap. */
    private void drainEarly() {
        while (!early.isEmpty() && early.firstKey() == applied + 1) apply(early.pollFirstEntry().getValue());
    }

    private void store(Msg.Entry e) {
        Msg.Entry old = log.put(e.index(), e);
        if (old != null) written.remove(old.value());
        written.add(e.value());
        Msg.Entry cur = latest.get(e.key());
        if (cur == null || cur.index() <= e.index()) latest.put(e.key(), e);
    }

    /**
     * Makes this replica the leader of {@code newEpoch}, replicating to {@code followers} (the replicas the
     * failover found alive), and announces the epoch to them. Called by the failover, not by a message.
     */
    public void promote(long newEpoch, List<String> followers) {
        Check.that(newEpoch > epoch, "newEpoch", newEpoch, "must be greater than this replica's epoch " + epoch);
        Check.notNull("followers", followers);
        epoch = newEpoch;
        role = Role.LEADER;
        leader = ctx.self();
        early.clear();
        matched.clear();
        catchUp.clear();
        for (String f : followers) matched.put(f, 0L);
        catchUp.addAll(followers);
        for (String f : followers) ctx.send(f, new Msg.NewEpoch(epoch));
    }

    /** LEADER or FOLLOWER. */
    public Role role() {
        return role;
    }

    /** The epoch this replica knows. */
    public long epoch() {
        return epoch;
    }

    /** The highest index applied without a gap. */
    public long applied() {
        return applied;
    }

    /** True if the write of {@code value} (unique per write in these experiments) is in this replica's log. */
    public boolean has(long value) {
        return written.contains(value);
    }

    /** Entries this replica dropped when it rejoined a newer leader (its writes nobody else had). */
    public long discarded() {
        return discarded;
    }

    /** The log, index by index (a copy). */
    public List<Msg.Entry> log() {
        return List.copyOf(log.values());
    }
}
