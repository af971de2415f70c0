package hub.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import hub.problem.ProblemException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a client's JSON body strictly, into a {@link ProblemException} with a precise detail when it is not what the
 * contract says: unknown fields, wrong JSON types (a number where a string belongs is never converted), trailing
 * text, a key given twice ({@code duplicate-key}, never "last one wins") and a control character in any string or
 * key ({@code invalid-character}, naming the field: nothing is stripped or trimmed away first).
 */
public final class StrictJson {

    private static final Pattern BATCH_ITEM = Pattern.compile("items\\[(\\d+)]\\.(.+)");

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper mapper) {
        this.strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /** The strict mapper, for writing what was read back as JSON. */
    public ObjectMapper mapper() {
        return strict;
    }

    /**
     * A 415 problem unless the content type is JSON ({@code application/json} or {@code application/*+json}). The
     * header's value is not repeated.
     */
    public static void requireJson(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json" + (contentType == null ? "; the request has no Content-Type."
                            : "; the request's Content-Type is another type."));
        }
    }

    /** Parses {@code body} into {@code type}; {@code knownFields} names the fields a detail lists. */
    public <T> T parse(String body, Class<T> type, String knownFields) {
        refuseControlCharacters(body);
        return read(() -> strict.readValue(body, type), knownFields);
    }

    /**
     * Binds a tree this class already parsed strictly (duplicate keys and control characters were refused then) into
     * {@code type}, with the binding's checks and problems of {@link #parse}: unknown fields, wrong JSON types. Saves
     * the second reading of the text where the contract check left the tree ({@code RequestContract.BODY}).
     */
    public <T> T bind(JsonNode tree, Class<T> type, String knownFields) {
        return read(() -> strict.readerFor(type).readValue(tree), knownFields);
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private <T> T read(Reading<T> reading, String knownFields) {
        try {
            return reading.read();
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.badRequest("Unknown field '" + e.getPropertyName() + "'"
                    + location(e) + "; known fields are " + knownFields + ".");
        } catch (ValueInstantiationException e) {
            throw ProblemException.badRequest("Invalid value for '" + fieldPath(e) + "': " + rootMessage(e));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("Trailing token")) {
                throw ProblemException.badRequest("Malformed JSON" + location(e) + ": text after the JSON object.");
            }
            throw ProblemException.badRequest("Invalid value for '" + fieldPath(e) + "'" + location(e)
                    + ": expected " + expected(e) + ".");
        } catch (JsonParseException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                throw duplicate(e);
            }
            throw ProblemException.badRequest("Malformed JSON" + location(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Malformed JSON" + location(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProblemException duplicate(JsonParseException e) {
        String field = e.getOriginalMessage().replaceFirst("^Duplicate field '(.*)'$", "$1");
        return new ProblemException(400, "duplicate-key", "Duplicate key", "The key '" + field + "' appears twice in "
                + "one object" + location(e) + "; every key may appear once.", Map.of("field", field));
    }

    /**
     * Walks every string and key of the body before it is bound: a control character anywhere is a 400
     * {@code invalid-character} naming the field ({@code items[2].article.title}; in a batch the item's number is
     * the {@code item} extension). Malformed JSON stops the walk; binding then reports it.
     */
    void refuseControlCharacters(String body) {
        if (body == null) {
            return;
        }
        try (JsonParser parser = strict.getFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    check(path(parser.getParsingContext(), token == JsonToken.FIELD_NAME), parser.getText());
                }
            }
        } catch (IOException malformed) {
            // Reported precisely by the binding that follows.
        }
    }

    private static void check(String field, String value) {
        Matcher item = BATCH_ITEM.matcher(field);
        if (!item.matches()) {
            FieldChecks.noControlCharacters(field, value);
            return;
        }
        try {
            FieldChecks.noControlCharacters(item.group(2), value);
        } catch (ProblemException e) {
            Map<String, Object> extensions = new LinkedHashMap<>(e.extensions());
            extensions.put("item", Integer.parseInt(item.group(1)));
            throw new ProblemException(e.status(), e.type(), e.title(), "items[" + item.group(1) + "]: " + e.detail(),
                    extensions);
        }
    }

    /** {@code a.b[2].c}; a key is named by its object: "a key of a.b". */
    static String path(JsonStreamContext context, boolean key) {
        String path = path(key ? context.getParent() : context);
        return key ? "a key of " + (path.isEmpty() ? "the body" : path) : path.isEmpty() ? "the body" : path;
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "a different value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type.isRecord() ? "an object" : "a " + type.getSimpleName().toLowerCase();
    }

    private static String location(JsonProcessingException e) {
        var loc = e.getLocation();
        // A tree being bound has no text position (line -1).
        return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.split("\n", 2)[0];
    }
}
