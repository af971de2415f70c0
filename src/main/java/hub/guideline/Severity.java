package hub.guideline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Severity {
    ERROR, WARNING, INFO;

    @JsonCreator
    public static Severity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAConstant) {
            throw new IllegalArgumentException("'" + value + "' is not allowed; allowed: "
                    + GuidelineSetErrors.constants(Severity.class));
        }
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
