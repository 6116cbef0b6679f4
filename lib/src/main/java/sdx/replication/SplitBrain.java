package sdx.replication;

import java.util.List;
import sdx.sim.TraceLog;
import sdx.viz.Tables;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The old leader was cut off, a follower was promoted, the cut healed, and a client that still believed
 * in the old leader kept writing to it.
 *
 * @param fencing             whether replicas refused the old epoch
 * @param ackedByOld          writes the old leader acknowledged after the promotion
 * @param ackedByNew          writes the new leader acknowledged
 * @param refusedByOld        writes the old leader refused (fenced, or no longer leader)
 * @param lost                acknowledged writes missing from the new leader's log at the end
 * @param divergentPositions  log positions where two replicas' logs disagree at the end (the worst pair)
 * @param oldLeaderRoleAtEnd  what the old leader believes it is at the end
 * @param oldLeaderDropped    entries the old leader dropped when it rejoined (writes only it had, never acknowledged)
 * @param trace               the run's trace, for a sequence diagram
 */
public record SplitBrain(boolean fencing, int ackedByOld, int ackedByNew, int refusedByOld, int lost,
        int divergentPositions, String oldLeaderRoleAtEnd, int oldLeaderDropped, TraceLog trace) {

    /** Both runs in one table (columns: without fencing, with fencing). */
    public static Tables.HtmlTable table(SplitBrain... runs) {
        Table t = Table.create("Split brain").addColumns(StringColumn.create("fencing"),
                IntColumn.create("acked by old leader after promotion"), IntColumn.create("acked by new leader"),
                IntColumn.create("refused by old leader"), IntColumn.create("acknowledged writes lost"),
                IntColumn.create("log positions that disagree"), StringColumn.create("old leader at the end"),
                IntColumn.create("entries old leader dropped"));
        for (SplitBrain r : List.of(runs)) {
            t.stringColumn(0).append(r.fencing() ? "epoch fencing" : "none");
            t.intColumn(1).append(r.ackedByOld());
            t.intColumn(2).append(r.ackedByNew());
            t.intColumn(3).append(r.refusedByOld());
            t.intColumn(4).append(r.lost());
            t.intColumn(5).append(r.divergentPositions());
            t.stringColumn(6).append(r.oldLeaderRoleAtEnd());
            t.intColumn(7).append(r.oldLeaderDropped());
        }
        return Tables.html(t);
    }
}
