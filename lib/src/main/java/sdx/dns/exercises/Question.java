package sdx.dns.exercises;

import sdx.core.Check;
import sdx.dns.RecordType;

/** What a resolver is asked: a name (as the client typed it; DNS ignores case) and a record type. */
public record Question(String name, RecordType type) {
    /** Validates. */
    public Question {
        Check.notNull("name", name);
        Check.notNull("type", type);
    }

    /** E.g. {@code Question.of("www.course.test.", "A")}. */
    public static Question of(String name, String type) {
        return new Question(name, RecordType.named(type));
    }
}
