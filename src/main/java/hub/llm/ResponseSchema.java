package hub.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The JSON schema of one output contract, sent as {@code response_format: {"type": "json_schema", "json_schema":
 * {"name": ..., "strict": true, "schema": ...}}} (OpenAI structured outputs). Each schema is declared beside the parser
 * that enforces the contract and must stay within OpenAI's strict mode: every object lists all its properties as
 * required and sets {@code additionalProperties: false}; optional values are nullable instead. The parser stays the
 * judge: a schema only makes a valid answer likelier, and endpoints that ignore it are still checked.
 */
public record ResponseSchema(String name, JsonNode schema) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ResponseSchema {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a response schema name is 1 to 64 letters, digits, _ or -: " + name);
        }
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("schema " + name + " must be a JSON object");
        }
        schema = schema.deepCopy();
    }

    /** Reads {@code schemaJson}; for the constants beside the parsers. */
    public static ResponseSchema of(String name, String schemaJson) {
        try {
            return new ResponseSchema(name, JSON.readTree(schemaJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema " + name + " is not JSON", e);
        }
    }

    /** The {@code response_format} object asking for this schema in strict mode. */
    public ObjectNode responseFormat(ObjectMapper objectMapper) {
        ObjectNode format = objectMapper.createObjectNode().put("type", "json_schema");
        format.putObject("json_schema").put("name", name).put("strict", true).set("schema", schema.deepCopy());
        return format;
    }
}
