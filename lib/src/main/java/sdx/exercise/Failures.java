package sdx.exercise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Turns what a check threw into one or two short lines: what was expected, what came back (for maps,
 * the first differing key, not the whole map), where in the learner's code an exception came from.
 */
final class Failures {
    private Failures() {}

    /** Longest rendering of one value in a message. */
    static final int VALUE_CHARS = 80;
    /** Longest message. */
    static final int MESSAGE_CHARS = 400;

    static String describe(Throwable error) {
        String text;
        if (error instanceof AssertionFailedError afe && afe.isExpectedDefined() && afe.isActualDefined()) {
            // getValue() is null for a value that is not Serializable (a map's keySet(), values()): the
            // ephemeral value is the object itself
            text = difference(label(afe.getMessage()), afe.getExpected().getEphemeralValue(),
                    afe.getActual().getEphemeralValue());
        } else if (error instanceof AssertionError) {
            text = error.getMessage() == null ? "a check failed" : error.getMessage();
        } else {
            text = "your code threw " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()) + where(error);
        }
        return clip(text, MESSAGE_CHARS);
    }

    /** The check's own words before JUnit's " ==> expected: ..." part. */
    private static String label(String message) {
        if (message == null) return "";
        int i = message.indexOf(" ==> ");
        if (i >= 0) return message.substring(0, i);
        return message.startsWith("expected:") ? "" : message;
    }

    static String difference(String label, Object expected, Object actual) {
        String prefix = label.isEmpty() ? "" : label + ": ";
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) return prefix + mapDifference(e, a);
        if (expected instanceof List<?> e && actual instanceof List<?> a) return prefix + listDifference(e, a);
        if (expected instanceof Set<?> e && actual instanceof Set<?> a) return prefix + setDifference(e, a);
        return prefix + "expected " + show(expected) + " but got " + show(actual);
    }

    private static String mapDifference(Map<?, ?> expected, Map<?, ?> actual) {
        List<Object> keys = new ArrayList<>(expected.keySet());
        for (Object k : actual.keySet()) if (!expected.containsKey(k)) keys.add(k);
        keys.sort(Comparator.comparing(String::valueOf));
        List<String> diffs = new ArrayList<>();
        for (Object k : keys) {
            if (!actual.containsKey(k)) diffs.add("key " + show(k) + " is missing (expected " + show(expected.get(k)) + ")");
            else if (!expected.containsKey(k)) diffs.add("unexpected key " + show(k) + " (with " + show(actual.get(k)) + ")");
            else if (!Objects.equals(expected.get(k), actual.get(k))) {
                diffs.add("for key " + show(k) + " expected " + show(expected.get(k)) + " but got " + show(actual.get(k)));
            }
        }
        if (diffs.isEmpty()) return "expected " + show(expected) + " but got " + show(actual);
        String more = diffs.size() > 1 ? " (and " + (diffs.size() - 1) + " more difference" + (diffs.size() > 2 ? "s" : "")
                + "; " + expected.size() + " keys expected, " + actual.size() + " returned)" : "";
        return diffs.get(0) + more;
    }

    private static String listDifference(List<?> expected, List<?> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!Objects.equals(expected.get(i), actual.get(i))) {
                return "at index " + i + " expected " + show(expected.get(i)) + " but got " + show(actual.get(i));
            }
        }
        return "expected " + expected.size() + " elements but got " + actual.size() + " (expected " + show(expected)
                + ", got " + show(actual) + ")";
    }

    /** The first missing and the first unexpected element (in sorted order), and how many more. */
    private static String setDifference(Set<?> expected, Set<?> actual) {
        List<Object> missing = sorted(expected.stream().filter(v -> !actual.contains(v)).toList());
        List<Object> extra = sorted(actual.stream().filter(v -> !expected.contains(v)).toList());
        if (missing.isEmpty() && extra.isEmpty()) return "expected " + show(expected) + " but got " + show(actual);
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) parts.add(show(missing.get(0)) + " is missing" + andMore(missing.size()));
        if (!extra.isEmpty()) parts.add(show(extra.get(0)) + " should not be there" + andMore(extra.size()));
        return String.join("; ", parts) + " (" + expected.size() + " elements expected, " + actual.size() + " returned)";
    }

    private static String andMore(int n) {
        return n > 1 ? " (and " + (n - 1) + " more)" : "";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> sorted(List<?> values) {
        List<Object> out = new ArrayList<>(values);
        boolean comparable = out.stream().allMatch(v -> v instanceof Comparable)
                && out.stream().map(Object::getClass).distinct().count() <= 1;
        if (comparable) out.sort((a, b) -> ((Comparable) a).compareTo(b));
        else out.sort(Comparator.comparing(String::valueOf));
        return out;
    }

    /** A value as text, quoted if a string, cut to {@link #VALUE_CHARS}. */
    static String show(Object value) {
        String s = value instanceof CharSequence ? "\"" + value + "\""
                : value instanceof Double d ? Prediction.fmt6(d) : String.valueOf(value);
        if (value instanceof Collection<?> c && s.length() > VALUE_CHARS) s = clip(s, VALUE_CHARS) + " (" + c.size() + " items)";
        else if (value instanceof Map<?, ?> m && s.length() > VALUE_CHARS) s = clip(s, VALUE_CHARS) + " (" + m.size() + " keys)";
        return clip(s, VALUE_CHARS);
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** " (in your lambda)" or " (in your code: MyLru.put)" for the first frame of the learner's code, else "". */
    static String where(Throwable error) {
        for (StackTraceElement e : error.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("sdx.") || c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")
                    || c.startsWith("org.junit") || c.startsWith("org.opentest4j")) {
                continue;
            }
            if (e.getMethodName().startsWith("lambda$")) return " (in your lambda)";
            String simple = c.substring(c.lastIndexOf('.') + 1);
            simple = simple.substring(simple.lastIndexOf('$') + 1);
            return " (in your code: " + (simple.isEmpty() ? "" : simple + ".") + e.getMethodName() + ")";
        }
        return "";
    }
}
