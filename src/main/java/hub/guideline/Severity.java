package hub.guideline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Severity {
    ERROR, WARNING, INFO;

    @JsonCreator
    public static Severity parse(String value) {
        return GuidelineSetErrors.constant(Severity.class, value);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
