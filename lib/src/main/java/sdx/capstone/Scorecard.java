package sdx.capstone;

import java.util.List;
import java.util.Optional;
import sdx.core.Check;
import sdx.viz.Tables.HtmlTable;
import sdx.viz.Tables;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every target of a design's day, passed or failed and why; {@link #table()} shows it. */
public record Scorecard(String design, List<Score> scores) {
    public Scorecard {
        Check.notNull("design", design);
        scores = List.copyOf(scores);
    }

    /** Whether every target was met. */
    public boolean passed() {
        return scores.stream().allMatch(Score::passed);
    }

    /** The score with this id ("availability", "p99 latency", "cost", "tls", "bot at database", "guessable codes"). */
    public Optional<Score> score(String id) {
        return scores.stream().filter(x -> x.id().equals(id)).findFirst();
    }

    /** The scores of one principle (security, availability, latency, cost). */
    public List<Score> principle(String principle) {
        return scores.stream().filter(x -> x.principle().equals(principle)).toList();
    }

    /** One row per target: principle, target, value, pass or FAIL, why. */
    public HtmlTable table() {
        Table t = Table.create(design);
        StringColumn principle = StringColumn.create("principle"), target = StringColumn.create("target"),
                value = StringColumn.create("value"), result = StringColumn.create("result"), why = StringColumn.create("why it failed");
        for (Score x : scores) {
            principle.append(x.principle());
            target.append(x.target());
            value.append(x.value());
            result.append(x.passed() ? "pass" : "FAIL");
            why.append(x.why());
        }
        t.addColumns(principle, target, value, result, why);
        return Tables.html(t);
    }
}
