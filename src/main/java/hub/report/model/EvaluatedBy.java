package hub.report.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum EvaluatedBy {
    RULE, LLM;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
