package sdx.exercise;

import java.util.List;
import sdx.viz.Html;

/**
 * The outcome of grading one exercise: one row per hidden check. Shows as a short table in the
 * notebook; {@link #status()} summarises it.
 *
 * @param exercise the exercise's name
 * @param results  one result per check, in the order they ran
 */
public record Report(String exercise, List<Result> results) implements Html {

    /** How a check (or a whole exercise) ended. */
    public enum Status { PASSED, FAILED, NOT_ATTEMPTED }

    /**
     * One check's outcome.
     *
     * @param check   what was checked, in words
     * @param status  passed, failed, or not attempted yet
     * @param message why it failed (empty when it passed)
     * @param hint    a hint shown on failure (may be empty)
     */
    public record Result(String check, Status status, String message, String hint) {}

    /** Copies the list. */
    public Report {
        results = List.copyOf(results);
    }

    /** NOT_ATTEMPTED if any check met an unfinished stub, else FAILED if any failed, else PASSED. */
    public Status status() {
        if (results.isEmpty()) return Status.FAILED;
        if (results.stream().anyMatch(r -> r.status() == Status.NOT_ATTEMPTED)) return Status.NOT_ATTEMPTED;
        if (results.stream().anyMatch(r -> r.status() == Status.FAILED)) return Status.FAILED;
        return Status.PASSED;
    }

    /** True when every check passed. */
    public boolean passed() {
        return status() == Status.PASSED;
    }

    /** Number of checks that passed. */
    public long passedCount() {
        return results.stream().filter(r -> r.status() == Status.PASSED).count();
    }

    @Override
    public String html() {
        String head = switch (status()) {
            case PASSED -> "<b style=\"color:#1a7f37\">✔ " + Html.escape(exercise) + ": all " + results.size()
                    + " checks passed</b>";
            case FAILED -> "<b style=\"color:#b42318\">✘ " + Html.escape(exercise) + ": " + passedCount() + " of "
                    + results.size() + " checks passed</b>";
            case NOT_ATTEMPTED -> "<b style=\"color:#6b6b6b\">… " + Html.escape(exercise)
                    + ": not attempted yet (fill in your answer above, then re-run this cell)</b>";
        };
        if (status() == Status.NOT_ATTEMPTED) return "<div class=\"sdx-report\">" + head + "</div>";
        StringBuilder sb = new StringBuilder("<div class=\"sdx-report\">").append(head)
                .append("<table><thead><tr><th></th><th>check</th><th>result</th><th>hint</th></tr></thead><tbody>");
        for (Result r : results) {
            String mark = r.status() == Status.PASSED ? "✔" : "✘";
            sb.append("<tr><td>").append(mark).append("</td><td>").append(Html.escape(r.check()))
                    .append("</td><td>").append(r.status() == Status.PASSED ? "passed" : Html.escape(r.message()))
                    .append("</td><td>").append(r.status() == Status.PASSED ? "" : Html.escape(r.hint()))
                    .append("</td></tr>");
        }
        return sb.append("</tbody></table></div>").toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(exercise).append(": ").append(switch (status()) {
            case PASSED -> "all " + results.size() + " checks passed";
            case FAILED -> passedCount() + " of " + results.size() + " checks passed";
            case NOT_ATTEMPTED -> "not attempted yet";
        });
        if (status() == Status.FAILED) {
            for (Result r : results) {
                if (r.status() != Status.PASSED) {
                    sb.append("\n  ✘ ").append(r.check()).append(": ").append(r.message());
                    if (!r.hint().isEmpty()) sb.append("  (hint: ").append(r.hint()).append(')');
                }
            }
        }
        return sb.toString();
    }
}
