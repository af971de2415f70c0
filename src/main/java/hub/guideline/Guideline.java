package hub.guideline;

/**
 * One editorial or regulatory rule. A guideline has deterministic {@link Checks}, a natural-language
 * {@code instruction} for the LLM, or both.
 */
public record Guideline(
        String id,
        String title,
        String category,
        Severity severity,
        double weight,
        String instruction,
        Checks checks) {

    public Guideline {
        checks = checks == null ? Checks.NONE : checks;
        severity = severity == null ? Severity.WARNING : severity;
        weight = weight <= 0 ? 1.0 : weight;
    }

    public boolean needsLlm() {
        return instruction != null && !instruction.isBlank();
    }

    public boolean hasDeterministicChecks() {
        return !checks.isEmpty();
    }
}
