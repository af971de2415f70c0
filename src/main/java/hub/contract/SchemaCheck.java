package hub.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hub.input.FieldChecks;
import hub.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON Schema of a contract document (OpenAPI or AsyncAPI, read from the classpath), applied to a parsed JSON
 * body. The first violation, in document order, becomes the hub's problem: {@code 413 field-too-large} for a string
 * or list above its {@code maxLength}/{@code maxItems}, else {@code 400 invalid-request}; both carry the JSON Pointer
 * of the offending value ({@code pointer}) and, inside a batch, the item's index ({@code item}). A schema marked
 * {@code x-limit-setting} states a configurable limit's default: its size keywords are left to the bean that knows
 * the configured value. Formats ({@code uuid}, {@code date-time}) are annotations, as in JSON Schema 2020-12.
 */
final class SchemaCheck {

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(com.networknt.schema.PathType.JSON_POINTER)
            .build();
    /** JSON Schema 2020-12, where a contract's own keywords ({@code openapi}, {@code x-…}) are annotations. */
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            // AsyncAPI's document id, not the draft-04 schema id.
            .keyword(new AnnotationKeyword("id"))
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(DIALECT));
    private static final Set<String> SIZE_KEYWORDS = Set.of("maxLength", "maxItems");
    private static final Pattern ITEM = Pattern.compile("^/items/(\\d+)(/.*)?$");

    private final JsonSchema schema;
    private final String location;
    private final JsonNode document;

    /** The schema at {@code pointer} (a JSON Pointer) of the classpath document {@code resource}. */
    SchemaCheck(String resource, JsonNode document, String pointer) {
        this.document = document;
        this.location = "classpath:" + resource + "#" + pointer;
        this.schema = FACTORY.getSchema(SchemaLocation.of(location), CONFIG);
        this.schema.initializeValidators();
    }

    /** Throws the problem of the body's first violation of the schema; nothing when the body conforms. */
    void require(JsonNode body) {
        List<ValidationMessage> violations = schema.validate(body).stream()
                .filter(m -> !isConfigurableLimit(m))
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        // An unknown field first: it is most often a misspelling of the field that is missing.
                        .thenComparing(m -> !"additionalProperties".equals(m.getType())))
                .toList();
        if (!violations.isEmpty()) {
            throw problem(violations.get(0), body);
        }
    }

    private boolean isConfigurableLimit(ValidationMessage m) {
        if (!SIZE_KEYWORDS.contains(m.getType())) {
            return false;
        }
        String schemaPointer = m.getSchemaLocation().getFragment().toString();
        String parent = schemaPointer.substring(0, schemaPointer.lastIndexOf('/'));
        return document.at(parent).has("x-limit-setting");
    }

    private ProblemException problem(ValidationMessage m, JsonNode body) {
        String pointer = m.getInstanceLocation().toString();
        if (m.getProperty() != null && Set.of("additionalProperties", "required").contains(m.getType())) {
            pointer = pointer + "/" + m.getProperty().replace("~", "~0").replace("/", "~1");
        }
        // Inside a batch, fields are named within their item, and the item's index is the extension "item".
        Map<String, Object> extensions = new LinkedHashMap<>();
        String field = dotted(pointer);
        String prefix = "";
        Matcher item = ITEM.matcher(pointer);
        if (item.matches() && item.group(2) != null) {
            extensions.put("item", Integer.parseInt(item.group(1)));
            field = dotted(item.group(2));
            prefix = "items[" + item.group(1) + "]: ";
        }
        JsonNode value = body.at(m.getInstanceLocation().toString());
        if (SIZE_KEYWORDS.contains(m.getType())) {
            boolean list = m.getType().equals("maxItems");
            int actual = list ? value.size() : value.asText().length();
            ProblemException tooLarge = FieldChecks.tooLarge(field, actual,
                    ((Number) m.getArguments()[0]).intValue(), list ? "entries" : "characters");
            extensions.putAll(tooLarge.extensions());
            extensions.put("pointer", pointer);
            return new ProblemException(413, tooLarge.type(), tooLarge.title(), prefix + tooLarge.detail(), extensions);
        }
        extensions.put("pointer", pointer);
        return new ProblemException(400, "invalid-request", "Invalid request", prefix + detail(m, field, hint(m)),
                extensions);
    }

    /** {@code /items/2/article/title} as {@code items[2].article.title}; the named key for required/unknown. */
    static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String key = part.replace("~1", "/").replace("~0", "~");
            if (key.chars().allMatch(Character::isDigit)) {
                out.append('[').append(key).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(key);
            }
        }
        return out.toString();
    }

    /** The {@code x-pattern-hint} beside a {@code pattern}: what the pattern asks for, in words. */
    private String hint(ValidationMessage m) {
        if (!"pattern".equals(m.getType())) {
            return null;
        }
        String schemaPointer = m.getSchemaLocation().getFragment().toString();
        JsonNode hint = document.at(schemaPointer.substring(0, schemaPointer.lastIndexOf('/'))).path("x-pattern-hint");
        return hint.isTextual() ? hint.asText() : null;
    }

    private static String detail(ValidationMessage m, String field, String hint) {
        String where = field.isEmpty() ? "the body" : "'" + field + "'";
        return switch (m.getType()) {
            case "additionalProperties" -> "Unknown field '" + field + "'; the contract does not allow it here.";
            case "required" -> field + " is required.";
            case "type" -> "Invalid value for " + where + ": expected " + m.getArguments()[1] + ", got "
                    + m.getArguments()[0] + ".";
            case "minLength" -> "Invalid value for " + where + ": must not be empty.";
            case "minItems" -> "Invalid value for " + where + ": must hold at least " + m.getArguments()[0]
                    + (m.getArguments()[0].toString().equals("1") ? " entry." : " entries.");
            case "enum" -> "Invalid value for " + where + ": must be one of " + m.getArguments()[0] + ".";
            case "pattern" -> "Invalid value for " + where + ": " + (hint != null ? hint
                    : "must match the pattern " + m.getArguments()[0]) + ".";
            default -> "Invalid value for " + where + ": " + m.getMessage().replaceFirst("^\\S+: ", "") + ".";
        };
    }

    /** A contract document from the classpath, as a JSON tree. */
    static JsonNode document(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return location;
    }
}
