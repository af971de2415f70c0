package hub.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import hub.guideline.Guideline;
import hub.guideline.Severity;
import java.util.List;

/** The verdict on one guideline, with the findings that support it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuidelineResult(
        String guidelineId,
        String title,
        String category,
        Severity severity,
        double weight,
        Verdict verdict,
        EvaluatedBy evaluatedBy,
        List<Finding> findings,
        String rationale,
        Double confidence,
        String reason,
        LlmCall llm) {

    public GuidelineResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static GuidelineResult of(Guideline g, Verdict verdict, EvaluatedBy by, List<Finding> findings,
                                     String rationale, Double confidence, String reason, LlmCall llm) {
        return new GuidelineResult(g.id(), g.title(), g.category(), g.severity(), g.weight(), verdict, by, findings,
                rationale, confidence, reason, llm);
    }

    /** What one guideline's LLM evaluation cost: calls made (re-asks included), tokens, latency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LlmCall(String model, int calls, int promptTokens, int completionTokens, long latencyMs) {}
}
