package sdx.exercise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Notices when the answer a check cell grades is not the learner's latest: in a notebook, an answer
 * cell that fails to compile leaves the previous definition of its class or variable in place, and the
 * check would silently grade that. Under the JJava kernel this asks the kernel's JShell for the snippets
 * entered so far: if a name used by the running check cell was last entered in a snippet that did not
 * compile, the report says so. Outside JJava (unit tests, other kernels) it finds nothing.
 */
final class StaleAnswers {
    private StaleAnswers() {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static Optional<String> note() {
        try {
            JShell shell = shell();
            return shell == null ? Optional.empty() : note(shell);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // a different kernel version: no warning rather than a broken check
        }
    }

    private static JShell shell() {
        try {
            Class<?> statics = Class.forName("org.dflib.jjava.kernel.JavaNotebookStatics", false,
                    Thread.currentThread().getContextClassLoader());
            Object kernel = statics.getMethod("kernel").invoke(null);
            if (kernel == null) return null;
            Object shell = kernel.getClass().getMethod("getJShell").invoke(kernel);
            return shell instanceof JShell js ? js : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The newest snippet is the running check cell; names it uses whose latest entry was rejected. */
    static Optional<String> note(JShell shell) {
        List<Snippet> all = shell.snippets().toList();
        if (all.isEmpty()) return Optional.empty();
        Snippet running = all.get(all.size() - 1);
        Set<String> used = new LinkedHashSet<>();
        Matcher m = NAME.matcher(running.source());
        while (m.find()) used.add(m.group());
        List<String> stale = new ArrayList<>();
        for (String name : used) {
            Snippet latest = null;
            boolean activeBefore = false;
            for (Snippet s : all) {
                if (s == running || !declares(s, name)) continue;
                if (latest != null && shell.status(latest).isActive()) activeBefore = true;
                latest = s;
            }
            if (latest != null && activeBefore && !shell.status(latest).isActive()) stale.add(name);
        }
        if (stale.isEmpty()) return Optional.empty();
        return Optional.of("your latest change to " + String.join(", ", stale) + " did not compile, so this grades the "
                + "version before it: fix the error shown under that cell and run it again");
    }

    /** A declaration of {@code name}, or a snippet that failed to parse but reads like one. */
    private static boolean declares(Snippet s, String name) {
        if (s instanceof DeclarationSnippet d) return d.name().equals(name);
        if (s.kind() == Snippet.Kind.ERRONEOUS) {
            return Pattern.compile("\\b(class|record|interface|enum)\\s+" + name + "\\b|\\b" + name + "\\s*=[^=]")
                    .matcher(s.source()).find();
        }
        return false;
    }
}
