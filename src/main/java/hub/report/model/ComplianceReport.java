package hub.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The compliance report of one job, as stored in PostgreSQL and the blob store and served by the API.
 * {@code score} (0 to 100) measures what was found, {@code coverage} (0 to 1) how much of the set's weight was judged
 * (docs/decisions/0017). {@code correlationId} is the X-Correlation-ID of the submission; {@code promptInjection} flags passages that read
 * like instructions to the model (it changes no verdict). {@code changes} compares the article's units with those of
 * {@code previousJobId} (all added when there is none); {@code cost} is what the check cost and what caching saved.
 * {@code language} compares the article's language (declared and detected) with the set's; {@code warnings} are
 * what the reader of the report must not miss, such as a language mismatch (empty when there is nothing to say).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplianceReport(
        String jobId,
        String externalRef,
        String correlationId,
        String articleSha256,
        GuidelineSetRef guidelineSet,
        ArticleLanguage language,
        Double score,
        Double coverage,
        boolean partial,
        List<String> partialReasons,
        List<String> warnings,
        Map<Verdict, Integer> counts,
        List<GuidelineResult> guidelines,
        GtcSection gtc,
        PromptInjection promptInjection,
        ModelInfo model,
        String previousJobId,
        UnitChanges changes,
        ReportCost cost,
        Map<String, Long> timingsMs,
        Instant submittedAt,
        Instant startedAt,
        Instant completedAt) {

    public record GuidelineSetRef(String id, String version) {}

    /**
     * GTC validation outcome: VALIDATED, DEGRADED or SKIPPED with the reason, the Smart Search lookups (documents and
     * where each answer came from), the findings and any warnings.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record GtcSection(String status, String reason, List<GtcLookup> lookups, List<GtcFetched> documents,
                             List<GtcFinding> findings, List<String> warnings) {
        public static GtcSection skipped(String reason) {
            return new GtcSection("SKIPPED", reason, List.of(), List.of(), List.of(), List.of());
        }
    }

    /** The model and prompt version the LLM-judged guidelines used; model is null when no LLM is configured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelInfo(String name, String promptVersion, boolean configured) {}
}
