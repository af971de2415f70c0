package hub.guideline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line for a guideline set that does not map onto its records: the file, the guideline (by id, read from the
 * YAML tree), the field's path inside it, what is wrong and, where there is a closed list, the allowed values. E.g.
 * {@code data/guidelines/x.yaml, guideline 'no-promises', field 'severity': 'critical' is not allowed; allowed:
 * error, warning, info}.
 */
public final class GuidelineSetErrors {

    private GuidelineSetErrors() {
    }

    public static String describe(String source, JsonNode tree, JsonMappingException mapping) {
        StringBuilder where = new StringBuilder(source);
        StringBuilder field = new StringBuilder();
        JsonNode node = tree;
        boolean inGuideline = false;
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            node = node == null ? null : ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
            if (!inGuideline && "guidelines".equals(ref.getFieldName())) {
                continue;
            }
            if (!inGuideline && ref.getIndex() >= 0 && field.isEmpty()) {
                JsonNode id = node == null ? null : node.get("id");
                where.append(", guideline ").append(id != null && id.isTextual() ? "'" + id.asText() + "'"
                        : "#" + (ref.getIndex() + 1));
                inGuideline = true;
                continue;
            }
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            where.append(", field '").append(field).append('\'');
        }
        return where + ": " + problem(mapping) + line(mapping);
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'; allowed: " + names(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "'" + format.getValue() + "' is not allowed; allowed: " + constants(format.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            return cause.getMessage();
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** The constant a YAML value names, in any case; an IllegalArgumentException listing the allowed values. */
    static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAConstant) {
            throw new IllegalArgumentException("'" + value + "' is not allowed; allowed: " + constants(type));
        }
    }

    /** The lower-case names of an enum's constants, as the YAML spells them. */
    static String constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String names(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
