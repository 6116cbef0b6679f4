package sdx.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import sdx.core.Check;
import sdx.net.LoopbackServer.Reply;

/**
 * An error body in the RFC 9457 "problem details" format, written as {@code application/problem+json}.
 * {@code type} is a URI naming the kind of problem (documentation a client can read; "about:blank" when the
 * status says it all), {@code title} its short human summary (the same for every occurrence), {@code detail}
 * this occurrence explained, {@code instance} the request it happened on, and {@code invalid-params} an
 * extension member (RFC 9457 §3's own example) listing each bad parameter with the reason.
 *
 * <pre>{@code
 * Problem.invalidParam(400, "/v1/items", "limit", "0", "must be between 1 and 100").reply()
 * }</pre>
 *
 * @param type          a URI naming the problem type
 * @param title         a short summary of the problem type
 * @param status        the HTTP status code, 400..599
 * @param detail        this occurrence, explained to the client (never a stack trace or a SQL statement)
 * @param instance      the URI of the request it happened on
 * @param invalidParams the parameters at fault (may be empty; then the member is left out)
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "invalid-params"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    /** The media type of a problem-details body (RFC 9457 §3). */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Where this course's problem types are documented (a made-up base: the URIs only name the types). */
    public static final String TYPES = "https://course.example/problems/";

    /**
     * One parameter at fault.
     *
     * @param name   the parameter (query parameter or body member)
     * @param reason what is wrong with its value and what is allowed
     */
    public record InvalidParam(String name, String reason) {
        public InvalidParam {
            Check.notNull("name", name);
            Check.notNull("reason", reason);
        }
    }

    public Problem {
        Check.notNull("type", type);
        Check.notNull("title", title);
        Check.inRange("status", status, 400, 599);
        invalidParams = List.copyOf(invalidParams == null ? List.of() : invalidParams);
    }

    /** A problem without invalid parameters. */
    public static Problem of(int status, String typeName, String title, String detail, String instance) {
        return new Problem(TYPES + Check.notNull("typeName", typeName), title, status, detail, instance, List.of());
    }

    /** A problem naming one parameter, its value and what is allowed ({@code type} ends in "invalid-parameter"). */
    public static Problem invalidParam(int status, String instance, String name, String value, String rule) {
        String reason = "was \"" + value + "\"; " + rule;
        return new Problem(TYPES + "invalid-parameter", "Your request parameters didn't validate.", status,
                name + " " + reason, instance, List.of(new InvalidParam(name, reason)));
    }

    /** This problem as JSON. */
    public String json() {
        return Json.write(this);
    }

    /** This problem as a reply: its status, {@code Content-Type: application/problem+json}, the JSON body. */
    public Reply reply() {
        return new Reply(status, json(), Map.of("Content-Type", MEDIA_TYPE));
    }
}
