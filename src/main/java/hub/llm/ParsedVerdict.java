package hub.llm;

import hub.report.model.TokenUsage;
import hub.report.model.Verdict;
import java.util.List;

/**
 * The outcome of parsing one chat-completions response. When {@code valid} is false, {@code problem} says what was
 * wrong (suitable for a re-ask) and the verdict fields are null/empty; usage and model are kept either way so that
 * tokens spent on invalid answers are still accounted.
 */
public record ParsedVerdict(
        boolean valid,
        String problem,
        Verdict verdict,
        Double confidence,
        String rationale,
        List<QuotedFinding> findings,
        String assistantContent,
        TokenUsage usage,
        String model) {

    public ParsedVerdict {
        findings = findings == null ? List.of() : List.copyOf(findings);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    public static ParsedVerdict of(
            Verdict verdict,
            Double confidence,
            String rationale,
            List<QuotedFinding> findings,
            String assistantContent,
            TokenUsage usage,
            String model) {
        return new ParsedVerdict(true, null, verdict, confidence, rationale, findings, assistantContent, usage, model);
    }

    public static ParsedVerdict invalid(String problem, String assistantContent, TokenUsage usage, String model) {
        return new ParsedVerdict(false, problem, null, null, null, List.of(), assistantContent, usage, model);
    }
}
