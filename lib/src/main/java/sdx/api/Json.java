package sdx.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import sdx.core.Check;

/** The API's JSON (Jackson): one shared, strict mapper; maps are written with their keys sorted, so output repeats. */
public final class Json {
    private Json() {}

    /** The mapper every server here writes with (unknown properties in a request body are refused). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value + " as JSON", e);
        }
    }

    /** The JSON tree of {@code text}, or empty when it is not well-formed JSON. */
    public static java.util.Optional<JsonNode> tree(String text) {
        Check.notNull("text", text);
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(node);
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }
}
