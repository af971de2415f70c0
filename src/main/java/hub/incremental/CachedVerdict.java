package hub.incremental;

import hub.report.model.Verdict;
import java.util.List;

/**
 * A model's verdict on one question, as the unit cache keeps it: findings with offsets relative to the judged span
 * of the visible text (so they can be re-based onto a later version), the job that paid for it and what it cost.
 */
public record CachedVerdict(String jobId, Verdict verdict, Double confidence, String rationale,
        List<SpanFinding> findings, String model, int calls, int promptTokens, int completionTokens, long latencyMs) {

    public CachedVerdict {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * A finding located in the judged span: {@code relOffset} and {@code length} in visible-text characters from the
     * span's start, {@code quote} the visible text there; {@code relOffset} is null when the quote was not found.
     */
    public record SpanFinding(String message, String suggestion, String quote, Integer relOffset, int length) {}
}
