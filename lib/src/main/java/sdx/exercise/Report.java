package sdx.exercise;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sdx.viz.Html;

/**
 * The outcome of grading one exercise: one row per hidden check, in the order they ran, and notes
 * (an answer cell that did not compile, an endless loop that could not be stopped). Shows as a short
 * table in the notebook; {@link #status()} summarises it.
 *
 * @param exercise the exercise's name
 * @param results  one result per check, in the order they ran
 * @param notes    warnings about the grading itself, shown above the table (usually none)
 */
public record Report(String exercise, List<Result> results, List<String> notes) implements Html {

    /** How a check (or a whole exercise) ended. {@link #status()} is never {@code SKIPPED}. */
    public enum Status { PASSED, FAILED, NOT_ATTEMPTED, SKIPPED }

    /**
     * One check's outcome.
     *
     * @param check   what was checked, in words
     * @param status  passed, failed, not attempted yet, or skipped
     * @param message why it failed, what is left to write, or why it was skipped (empty when it passed)
     * @param hint    a hint shown on failure (may be empty)
     * @param id      the check's stable name (its method name), used by tests; defaults to {@code check}
     */
    public record Result(String check, Status status, String message, String hint, String id) {
        /** A result whose id is its check's text. */
        public Result(String check, Status status, String message, String hint) {
            this(check, status, message, hint, check);
        }
    }

    /** Copies the lists. */
    public Report {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /** A report without notes. */
    public Report(String exercise, List<Result> results) {
        this(exercise, results, List.of());
    }

    /**
     * FAILED if any check failed (or nothing ran); else NOT_ATTEMPTED if any check met an unfinished stub;
     * else PASSED.
     */
    public Status status() {
        if (results.isEmpty()) return Status.FAILED;
        if (results.stream().anyMatch(r -> r.status() == Status.FAILED || r.status() == Status.SKIPPED)) return Status.FAILED;
        if (results.stream().anyMatch(r -> r.status() == Status.NOT_ATTEMPTED)) return Status.NOT_ATTEMPTED;
        return Status.PASSED;
    }

    /** True when every check passed. */
    public boolean passed() {
        return status() == Status.PASSED;
    }

    /** Number of checks that passed. */
    public long passedCount() {
        return count(Status.PASSED);
    }

    /** The result of the check with this id (method name), if it ran or was listed. */
    public java.util.Optional<Result> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private long count(Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** True when no check got as far as grading: every row is "not attempted". */
    private boolean untouched() {
        return !results.isEmpty() && count(Status.NOT_ATTEMPTED) == results.size();
    }

    /** "write size(), put()": the stubs still to write, from the not-attempted rows. */
    private String stillToWrite() {
        Set<String> methods = new LinkedHashSet<>();
        for (Result r : results) {
            if (r.status() == Status.NOT_ATTEMPTED && r.message().startsWith(WRITE)) methods.add(r.message().substring(WRITE.length()));
        }
        return methods.isEmpty() ? "" : WRITE + String.join(", ", methods);
    }

    static final String WRITE = "not attempted: write ";

    /** The summary line, e.g. "2 of 8 checks passed" or "all 5 checks passed". */
    String summary() {
        int n = results.size();
        String checks = n == 1 ? "1 check" : n + " checks";
        return switch (status()) {
            case PASSED -> n == 1 ? "passed" : "all " + checks + " passed";
            case FAILED -> n == 1 ? "not yet right" : passedCount() + " of " + checks + " passed";
            case NOT_ATTEMPTED -> untouched() ? (stillToWrite().isEmpty()
                    ? "not attempted yet (fill in your answer above, then re-run this cell)"
                    : "not attempted yet (" + stillToWrite().replace("not attempted: ", "") + ", then re-run this cell)")
                    : passedCount() + " of " + checks + " passed, the others not attempted yet ("
                    + stillToWrite().replace("not attempted: ", "") + ")";
            case SKIPPED -> throw new IllegalStateException("a report's status is never SKIPPED");
        };
    }

    /** Escapes learner text for HTML, including {@code $}, which MathJax would otherwise typeset as maths. */
    private static String esc(String s) {
        return Html.escape(s).replace("$", "&#36;");
    }

    private static final String PROSE = "text-align:left;vertical-align:top;";

    @Override
    public String html() {
        String colour = switch (status()) {
            case PASSED -> "#1a7f37";
            case FAILED -> "#b42318";
            default -> "#6b6b6b";
        };
        String mark = switch (status()) {
            case PASSED -> "✔";
            case FAILED -> "✘";
            default -> "…";
        };
        StringBuilder sb = new StringBuilder("<div class=\"sdx-report tex2jax_ignore mathjax_ignore\">")
                .append("<b style=\"color:").append(colour).append("\">").append(mark).append(' ')
                .append(esc(exercise)).append(": ").append(esc(summary())).append("</b>");
        for (String note : notes) {
            sb.append("<div style=\"color:#b42318;").append(PROSE).append("\">⚠ ").append(esc(note)).append("</div>");
        }
        if (untouched()) return sb.append("</div>").toString();
        sb.append("<table><thead><tr><th></th><th style=\"").append(PROSE).append("\">check</th><th style=\"")
                .append(PROSE).append("\">result</th><th style=\"").append(PROSE).append("\">hint</th></tr></thead><tbody>");
        for (Result r : results) {
            String m = switch (r.status()) {
                case PASSED -> "✔";
                case FAILED -> "✘";
                case NOT_ATTEMPTED -> "…";
                case SKIPPED -> "–";
            };
            boolean failed = r.status() == Status.FAILED;
            sb.append("<tr><td style=\"vertical-align:top\">").append(m).append("</td><td style=\"").append(PROSE)
                    .append("min-width:14em\">").append(esc(r.check())).append("</td><td style=\"").append(PROSE)
                    .append("min-width:14em\">").append(r.status() == Status.PASSED ? "passed" : esc(r.message()))
                    .append("</td><td style=\"").append(PROSE).append("min-width:14em\">")
                    .append(failed ? esc(r.hint()) : "").append("</td></tr>");
        }
        return sb.append("</tbody></table></div>").toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(exercise).append(": ").append(summary());
        for (String note : notes) sb.append("\n  ⚠ ").append(note);
        if (status() != Status.PASSED && !untouched()) {
            for (Result r : results) {
                if (r.status() == Status.PASSED) continue;
                sb.append("\n  ").append(r.status() == Status.FAILED ? "✘ " : r.status() == Status.SKIPPED ? "– " : "… ")
                        .append(r.check()).append(": ").append(r.message());
                if (r.status() == Status.FAILED && !r.hint().isEmpty()) sb.append("  (hint: ").append(r.hint()).append(')');
            }
        }
        return sb.toString();
    }
}
