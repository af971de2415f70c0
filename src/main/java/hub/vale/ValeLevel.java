package hub.vale;

import hub.report.model.Severity;
import java.util.Locale;

/** Vale's alert levels, lowest first; {@code MinAlertLevel} drops every rule below the configured one. */
public enum ValeLevel {
    SUGGESTION(Severity.INFO), WARNING(Severity.WARNING), ERROR(Severity.ERROR);

    private final Severity severity;

    ValeLevel(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** Vale's default level is {@code warning}. */
    public static ValeLevel parse(String value) {
        if (value == null || value.isBlank()) {
            return WARNING;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("level must be suggestion, warning or error, not '" + value + "'");
        }
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
