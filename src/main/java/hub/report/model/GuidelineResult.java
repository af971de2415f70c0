package hub.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The verdict on one guideline, with the findings that support it. {@code needsReview} is true when the verdict
 * rests only on rule hits that need review (no model confirmed them): a WARN a person should look at.
 */
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
        LlmCall llm,
        Boolean reused,
        String reusedFrom,
        @com.fasterxml.jackson.annotation.JsonIgnore LlmCall reusedLlm,
        Boolean needsReview) {

    public GuidelineResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public GuidelineResult(String guidelineId, String title, String category, Severity severity, double weight,
            Verdict verdict, EvaluatedBy evaluatedBy, List<Finding> findings, String rationale, Double confidence,
            String reason, LlmCall llm) {
        this(guidelineId, title, category, severity, weight, verdict, evaluatedBy, findings, rationale, confidence,
                reason, llm, null, null, null, null);
    }

    /**
     * This result with its reuse stated: {@code reused} when no model call was made for it, {@code reusedFrom} the job
     * that paid for it, {@code reusedLlm} what the reused evaluations cost when they were made.
     */
    public GuidelineResult withReuse(boolean reused, String reusedFrom, LlmCall reusedLlm) {
        return new GuidelineResult(guidelineId, title, category, severity, weight, verdict, evaluatedBy, findings,
                rationale, confidence, reason, llm, reused, reusedFrom, reusedLlm, needsReview);
    }

    /** This result with other findings (e.g. the overruled rule hits added), its verdict unchanged. */
    public GuidelineResult withFindings(List<Finding> other) {
        return new GuidelineResult(guidelineId, title, category, severity, weight, verdict, evaluatedBy, other,
                rationale, confidence, reason, llm, reused, reusedFrom, reusedLlm, needsReview);
    }

    /** This result with {@code more} added to what its model calls cost (the calls and tokens add up). */
    public GuidelineResult withMoreLlm(LlmCall more) {
        if (more == null) {
            return this;
        }
        LlmCall total = llm == null ? more : new LlmCall(llm.model(), llm.calls() + more.calls(),
                llm.promptTokens() + more.promptTokens(), llm.completionTokens() + more.completionTokens(),
                llm.latencyMs() + more.latencyMs());
        return new GuidelineResult(guidelineId, title, category, severity, weight, verdict, evaluatedBy, findings,
                rationale, confidence, reason, total, reused, reusedFrom, reusedLlm, needsReview);
    }

    /** This result marked as one whose findings a person has to review: the rules could not decide them alone. */
    public GuidelineResult needingReview() {
        return new GuidelineResult(guidelineId, title, category, severity, weight, verdict, evaluatedBy, findings,
                rationale, confidence, reason, llm, reused, reusedFrom, reusedLlm, true);
    }

    /** What one guideline's LLM evaluation cost: calls made (re-asks included), tokens, latency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LlmCall(String model, int calls, int promptTokens, int completionTokens, long latencyMs) {

        /**
         * What a model call (and its one re-ask, when {@code firstAnswer} is not null) cost: the tokens of both
         * answers and the time since {@code startedAtNanos} ({@link System#nanoTime()}; 0 when null).
         */
        public static LlmCall measured(String model, hub.report.model.TokenUsage answer, hub.report.model.TokenUsage firstAnswer,
                Long startedAtNanos) {
            long latencyMs = startedAtNanos == null ? 0 : (System.nanoTime() - startedAtNanos) / 1_000_000;
            return new LlmCall(model, firstAnswer == null ? 1 : 2,
                    answer.promptTokens() + (firstAnswer == null ? 0 : firstAnswer.promptTokens()),
                    answer.completionTokens() + (firstAnswer == null ? 0 : firstAnswer.completionTokens()), latencyMs);
        }
    }
}
