package hub.guideline;

/**
 * One editorial or regulatory rule. A guideline has deterministic {@link Checks}, a natural-language
 * {@code instruction} for the LLM, or both. {@code scope} says what the LLM judges at a time (the whole article when
 * not given); {@code version} is part of every cached verdict's key (the set's version when not given).
 */
public record Guideline(
        String id,
        String title,
        String category,
        Severity severity,
        double weight,
        String instruction,
        Checks checks,
        GuidelineScope scope,
        String version) {

    public Guideline(String id, String title, String category, Severity severity, double weight, String instruction,
            Checks checks) {
        this(id, title, category, severity, weight, instruction, checks, null, null);
    }

    public Guideline {
        scope = scope == null ? GuidelineScope.ARTICLE : scope;
        checks = checks == null ? Checks.NONE : checks;
        severity = severity == null ? Severity.WARNING : severity;
        weight = weight <= 0 ? 1.0 : weight;
    }

    /** This guideline with the set's version when it has none of its own. */
    public Guideline versionedBy(String setVersion) {
        return version != null ? this
                : new Guideline(id, title, category, severity, weight, instruction, checks, scope, setVersion);
    }

    public boolean needsLlm() {
        return instruction != null && !instruction.isBlank();
    }

    public boolean hasDeterministicChecks() {
        return !checks.isEmpty();
    }
}
