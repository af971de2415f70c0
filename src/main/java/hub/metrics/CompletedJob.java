package hub.metrics;

import hub.report.model.Verdict;
import java.util.Map;

/**
 * What one completed job measured: the facts the business meters record and the MLflow run logs.
 *
 * @param score null when no guideline was judged
 * @param model the configured LLM model, null when no LLM is configured
 * @param durationSeconds from submission to completion
 */
public record CompletedJob(
        String jobId,
        String guidelineSetId,
        String guidelineSetVersion,
        Double score,
        boolean partial,
        double durationSeconds,
        Map<Verdict, Integer> verdicts,
        String model,
        String promptVersion,
        String gtcPromptVersion,
        String gtcStatus,
        int llmCalls,
        long promptTokens,
        long completionTokens,
        long completedAtMillis) {

    public CompletedJob {
        verdicts = Map.copyOf(verdicts);
    }
}
