package sdx.security.exercises;

/**
 * Exercise 1: encode untrusted text for two places in an HTML page. Whatever the text, the page must show it
 * exactly, as text, and the text must not end the place it sits in.
 */
public interface HtmlEncoder {
    /** Text to be placed between tags: {@code <p>HERE</p>}. */
    String forText(String untrusted);

    /** Text to be placed inside a double-quoted attribute value: {@code <li title="HERE">}. */
    String forAttribute(String untrusted);
}
