package hub.guideline;

import com.fasterxml.jackson.annotation.JsonInclude;
import hub.report.model.EvaluatedBy;
import hub.report.model.Finding;
import hub.report.model.GuidelineResult;
import hub.report.model.Severity;
import hub.report.model.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One editorial or regulatory rule. A guideline has deterministic {@link Checks}, a natural-language
 * {@code instruction} for the LLM, or both. {@code scope} says what the LLM judges at a time (the whole article when
 * not given); {@code version} is part of every cached verdict's key (the set's version when not given).
 * {@code roles} (outline scope only) name the parts a passage can play for the guideline, each with the question that
 * recognises it (e.g. {@code risk}: "states a risk or drawback of the product"), in the set's order.
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
        String version,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> roles) {

    public Guideline(String id, String title, String category, Severity severity, double weight, String instruction,
            Checks checks) {
        this(id, title, category, severity, weight, instruction, checks, null, null);
    }

    public Guideline(String id, String title, String category, Severity severity, double weight, String instruction,
            Checks checks, GuidelineScope scope, String version) {
        this(id, title, category, severity, weight, instruction, checks, scope, version, null);
    }

    public Guideline {
        scope = scope == null ? GuidelineScope.ARTICLE : scope;
        checks = checks == null ? Checks.NONE : checks;
        severity = severity == null ? Severity.WARNING : severity;
        weight = weight <= 0 ? 1.0 : weight;
        roles = roles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** This guideline with the set's version when it has none of its own. */
    public Guideline versionedBy(String setVersion) {
        return version != null ? this
                : new Guideline(id, title, category, severity, weight, instruction, checks, scope, setVersion, roles);
    }

    /** This guideline with its checks reading the set's language cues. */
    public Guideline withCues(LanguageCues cues) {
        return new Guideline(id, title, category, severity, weight, instruction, checks.withCues(cues), scope, version,
                roles);
    }

    /** What was judged of this guideline, as the report's result: its id, title, category, severity and weight. */
    public GuidelineResult result(Verdict verdict, EvaluatedBy by, List<Finding> findings, String rationale,
                                  Double confidence, String reason, GuidelineResult.LlmCall llm) {
        return new GuidelineResult(id, title, category, severity, weight, verdict, by, findings, rationale, confidence,
                reason, llm);
    }

    public boolean needsLlm() {
        return instruction != null && !instruction.isBlank();
    }

    public boolean hasDeterministicChecks() {
        return !checks.isEmpty();
    }
}
