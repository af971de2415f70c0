package hub.report.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a guideline's violation weighs: a guideline set names it in any case ({@code error}, {@code Warning}). */
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonCreator
    public static Severity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAConstant) {
            throw new IllegalArgumentException("'" + value + "' is not allowed; allowed: " + Arrays.stream(values())
                    .map(Severity::json).collect(Collectors.joining(", ")));
        }
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
