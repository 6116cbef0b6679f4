package sdx.transactions;

import java.util.Optional;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * 3PC and 2PC under the same random partitions.
 *
 * @param runs            runs per protocol
 * @param disagree3       3PC runs where one participant committed and another aborted
 * @param undecided3      3PC runs that left a participant undecided
 * @param disagree2       2PC runs where participants disagreed
 * @param undecided2      2PC runs that left a participant undecided (blocked, holding locks)
 * @param firstDisagreement the first 3PC run that disagreed, if any (its trace explains it)
 */
public record PartitionStudy(int runs, int disagree3, int undecided3, int disagree2, int undecided2,
                             CommitRun firstDisagreement) {

    /** The first disagreeing 3PC run. */
    public Optional<CommitRun> counterexample() {
        return Optional.ofNullable(firstDisagreement);
    }

    /** The counts side by side. */
    public Table table() {
        return Table.create("Under " + runs + " random partitions (one per run, never healed)").addColumns(
                StringColumn.create("protocol", "3PC", "2PC"),
                IntColumn.create("participants disagree", disagree3, disagree2),
                IntColumn.create("a participant left undecided", undecided3, undecided2));
    }
}
